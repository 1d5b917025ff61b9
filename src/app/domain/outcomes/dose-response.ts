import { InstrumentDefinition } from '../instruments/instrument';
import { classifyReliableChange } from '../instruments/reliable-change';
import { improvementFromBaseline } from '../instruments/scoring';
import { minimumWeeklyHours } from '../levels/level-of-care';
import { LevelOfCare, Modality } from '../models';
import { mean } from '../stats/descriptive';
import { weeklyHoursOf } from './episode-hours';
import { episodeOutcomeFlags } from './episode-flags';
import { OutcomeEpisode } from './outcome-episode';
import { RateCollector, RateKpi } from './rate-members';

/**
 * How every dose–response figure must be read. The UI phrases it; the point to keep is that
 * these are associations between what clients received and how they did, not effects: clients
 * who feel better may attend more, clients who are struggling or leaving early attend less and
 * have fewer later scores, and who is offered a modality depends on their problems.
 */
export const DOSE_RESPONSE_READING = {
  kind: 'association-not-cause',
  hint:
    'These figures show an association between the treatment received and the change in scores, ' +
    'not that the treatment caused it: clients who improve may attend more, and clients who ' +
    'struggle or leave early attend less.',
} as const;

export interface DoseBand {
  readonly id: 'below-half' | 'half-to-minimum' | 'at-or-above-minimum';
  readonly label: string;
  /** Share of the level's weekly minimum: `from` inclusive, `to` exclusive. */
  readonly from: number;
  readonly to: number;
}

/** Hours per week as a share of the level's minimum: < 50 %, 50–99 %, >= 100 %. */
export const DOSE_BANDS: readonly DoseBand[] = [
  { id: 'below-half', label: 'Under half the minimum', from: 0, to: 0.5 },
  { id: 'half-to-minimum', label: 'Half to just under the minimum', from: 0.5, to: 1 },
  { id: 'at-or-above-minimum', label: 'At or above the minimum', from: 1, to: Infinity },
];

export interface DoseBandOutcome {
  readonly band: DoseBand;
  /** Finished episodes in the band. */
  readonly n: number;
  readonly response: RateKpi;
  readonly reliableImprovement: RateKpi;
  /** Mean improvement on the primary measure (positive = better) over `measured`. */
  readonly meanImprovement: number | undefined;
  readonly measured: number;
  readonly episodeIds: readonly string[];
}

export interface OutcomeByDose {
  readonly bands: readonly DoseBandOutcome[];
  /** Finished episodes at a level with no weekly minimum (outpatient, aftercare, 24-hour care). */
  readonly noMinimum: readonly string[];
  /** Finished episodes shorter than 7 days, with no weekly figure. */
  readonly tooShort: readonly string[];
  readonly reading: typeof DOSE_RESPONSE_READING;
}

/**
 * Outcome by dose: each finished episode's mean attended hours per week (`weeklyHoursOf`) as a
 * share of its level's minimum (IOP 9, PHP 20, or the program's overrides), in `DOSE_BANDS`;
 * per band the response and reliable-improvement rates (denominators as in
 * `episodeOutcomeFlags`) and the mean improvement. A planned taper lowers an episode's average
 * by design, so the bands are about whole stays, not weeks. Association, not cause.
 */
export function outcomeByDose(
  rows: readonly OutcomeEpisode[],
  primary: InstrumentDefinition,
  minimumOverrides: Partial<Record<LevelOfCare, number>> = {},
): OutcomeByDose {
  const cells = DOSE_BANDS.map(() => ({
    ids: [] as string[],
    response: new RateCollector(),
    improvement: new RateCollector(),
    gains: [] as number[],
  }));
  const noMinimum: string[] = [];
  const tooShort: string[] = [];
  for (const row of rows) {
    if (row.episode.status !== 'finished') continue;
    const id = row.episode.id;
    const minimum = minimumWeeklyHours(row.episode.level, minimumOverrides);
    const weekly = weeklyHoursOf(row);
    if (!minimum) {
      noMinimum.push(id);
      continue;
    }
    if (weekly === undefined) {
      tooShort.push(id);
      continue;
    }
    const share = weekly / minimum;
    const cell = cells[DOSE_BANDS.findIndex((b) => share >= b.from && share < b.to)];
    const flags = episodeOutcomeFlags(row, primary);
    cell.ids.push(id);
    cell.response.add(id, flags.response);
    cell.improvement.add(id, flags.reliableImprovement);
    if (flags.improvement !== undefined) cell.gains.push(flags.improvement);
  }
  return {
    bands: DOSE_BANDS.map((band, i) => ({
      band,
      n: cells[i].ids.length,
      response: cells[i].response.result(),
      reliableImprovement: cells[i].improvement.result(),
      meanImprovement: mean(cells[i].gains),
      measured: cells[i].gains.length,
      episodeIds: cells[i].ids,
    })),
    noMinimum,
    tooShort,
    reading: DOSE_RESPONSE_READING,
  };
}

/**
 * The measure each modality aims to move (Waypoint default, configurable): CBT → PHQ-9,
 * DBT skills → DERS-16, trauma-focused → PCL-5, MI / relapse prevention → BAM Use. Each is an
 * instrument that lists the modality in the catalogue (`InstrumentDefinition.modalities`).
 * Modalities without a target (individual therapy, medication, psychoeducation, family) are
 * not analysed: their aim is not one measure.
 */
export const DEFAULT_MODALITY_TARGETS: Readonly<Partial<Record<Modality, string>>> = {
  cbt: 'phq-9',
  'dbt-skills': 'ders-16',
  'trauma-focused': 'pcl-5',
  'mi-relapse-prevention': 'bam-use',
};

/** The target instruments to join as `extraInstruments` in `joinOutcomeEpisodes`. */
export function targetInstruments(
  instruments: readonly InstrumentDefinition[],
  targets: Readonly<Partial<Record<Modality, string>>> = DEFAULT_MODALITY_TARGETS,
): InstrumentDefinition[] {
  const ids = new Set(Object.values(targets));
  return instruments.filter((i) => ids.has(i.id));
}

export interface SessionBand {
  readonly label: string;
  /** Attended sessions of the modality, both ends inclusive. */
  readonly min: number;
  readonly max: number;
}

/**
 * Fixed bands of attended sessions: none, 1–5, 6 or more. Fixed rather than terciles so a band
 * means the same across periods, programs and modalities, and so "none" stays a group of its own
 * to compare with (terciles of a skewed count often merge it into the lowest third).
 */
export const SESSION_BANDS: readonly SessionBand[] = [
  { label: 'None', min: 0, max: 0 },
  { label: '1–5 sessions', min: 1, max: 5 },
  { label: '6 or more', min: 6, max: Infinity },
];

export interface SessionBandOutcome {
  readonly band: SessionBand;
  /** Finished episodes with a baseline and a later score on the target measure. */
  readonly n: number;
  /** Mean change on the target measure in points, positive = better. */
  readonly meanChange: number | undefined;
  /** Denominator: those of them where the target measure has a reliable-change threshold. */
  readonly reliableImprovement: RateKpi;
  readonly episodeIds: readonly string[];
}

export interface ModalityDoseResponse {
  readonly modality: Modality;
  readonly instrumentId: string;
  readonly bands: readonly SessionBandOutcome[];
  readonly reading: typeof DOSE_RESPONSE_READING;
}

/**
 * For each modality with a target measure: finished episodes with a baseline and a later score
 * on that measure (`OutcomeEpisode.measures`, so join with `targetInstruments(...)`), split by
 * attended sessions of the modality in `SESSION_BANDS`, with the mean change and the reliable
 * improvement rate per band. Targets whose instrument is not in `instruments` are skipped.
 * Association, not cause: who is offered a modality depends on their problems.
 */
export function modalityDoseResponse(
  rows: readonly OutcomeEpisode[],
  instruments: readonly InstrumentDefinition[],
  targets: Readonly<Partial<Record<Modality, string>>> = DEFAULT_MODALITY_TARGETS,
): ModalityDoseResponse[] {
  const out: ModalityDoseResponse[] = [];
  for (const [modality, instrumentId] of Object.entries(targets) as [Modality, string][]) {
    const instrument = instruments.find((i) => i.id === instrumentId);
    if (!instrument) continue;
    const cells = SESSION_BANDS.map(() => ({
      ids: [] as string[],
      changes: [] as number[],
      improved: new RateCollector(),
    }));
    for (const row of rows) {
      const pair = row.measures?.[instrumentId];
      if (!pair || row.episode.status !== 'finished') continue;
      const sessions = row.attendedByModality?.[modality] ?? 0;
      const cell = cells[SESSION_BANDS.findIndex((b) => sessions >= b.min && sessions <= b.max)];
      const change = classifyReliableChange(instrument, pair.baseline, pair.final);
      cell.ids.push(row.episode.id);
      cell.changes.push(improvementFromBaseline(instrument, pair.baseline, pair.final));
      cell.improved.add(
        row.episode.id,
        change === undefined ? undefined : change === 'reliable-improvement',
      );
    }
    out.push({
      modality,
      instrumentId,
      bands: SESSION_BANDS.map((band, i) => ({
        band,
        n: cells[i].ids.length,
        meanChange: mean(cells[i].changes),
        reliableImprovement: cells[i].improved.result(),
        episodeIds: cells[i].ids,
      })),
      reading: DOSE_RESPONSE_READING,
    });
  }
  return out;
}
