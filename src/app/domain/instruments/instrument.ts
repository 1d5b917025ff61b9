import { Modality } from '../models';

/** Ordinal severity for colouring: 0 none/minimal … 4 severe. */
export type SeverityLevel = 0 | 1 | 2 | 3 | 4;

export interface SeverityBand {
  readonly min: number;
  readonly max: number;
  readonly label: string;
  readonly level: SeverityLevel;
}

export type ScoreDirection = 'higher-is-worse' | 'higher-is-better';

export interface InstrumentCodes {
  readonly system: string;
  /** Code of the total score observation. */
  readonly total: string;
  /** Other codes real servers use for the same total (e.g. the CMS MDS PHQ-9 total). */
  readonly totalAlternates?: readonly { readonly system: string; readonly code: string }[];
  readonly panel?: string;
  readonly panelAlternates?: readonly { readonly system: string; readonly code: string }[];
  /** Item codes keyed by item number ('1' … 'n'). */
  readonly items?: Readonly<Record<string, string>>;
}

/** Jacobson–Truax inputs where a program computes reliable change from its own sample. */
export interface ReliabilityInputs {
  /** Standard deviation of baseline scores in the reference sample. */
  readonly sd: number;
  /** Test–retest or internal-consistency reliability, 0 < r < 1. */
  readonly reliability: number;
}

export interface InstrumentDefinition {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly codes: InstrumentCodes;
  readonly range: { readonly min: number; readonly max: number };
  /** Contiguous bands covering the whole range. */
  readonly bands: readonly SeverityBand[];
  /** Lowest score counted as a clinical case ("caseness"). */
  readonly caseness?: number;
  /** Fixed reliable-change threshold in points; else computed from `reliabilityInputs`. */
  readonly reliableChange?: number;
  readonly reliabilityInputs?: ReliabilityInputs;
  readonly direction: ScoreDirection;
  /** Score below which a client is in remission, where the instrument defines one. */
  readonly remissionBelow?: number;
  /** End score at or below which change counts as clinically significant (PCL-5 <= 28). */
  readonly clinicallySignificantAtOrBelow?: number;
  readonly modalities: readonly Modality[];
  /** Waypoint default (configurable): how often a program expects the measure. */
  readonly expectedFrequencyDays?: number;
  readonly itemCount?: number;
  readonly itemRange?: { readonly min: number; readonly max: number };
  readonly source: string;
}
