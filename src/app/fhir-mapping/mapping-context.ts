/**
 * Program configuration and batch state a mapper may need. Everything is optional: the defaults
 * are the domain's catalogue and level map, and a mapper given no `today` judges by status alone.
 */
import { DEFAULT_INSTRUMENTS } from '../domain/instruments/instrument-catalogue';
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { LevelCodeMap, createLevelCodeMap } from '../domain/levels/level-code-map';
import { CalendarDay } from '../domain/models';
import type { MappingMemo } from './premap';
import { EMPTY_INDEX, ResourceIndex } from './references';

/**
 * A program's own code for an instrument's total, panel or item (e.g. an EHR's local PHQ-9
 * code), so it is read instead of rejected as unknown.
 */
export interface LocalInstrumentCode {
  readonly system: string;
  readonly code: string;
  readonly instrumentId: string;
  readonly kind: 'total' | 'panel' | 'item';
  /** The item number for `kind: 'item'` ('9' for PHQ-9 item 9). */
  readonly item?: string;
}

/**
 * A published Questionnaire whose linkIds are not LOINC codes: which instrument it is and which
 * linkId holds which item (and the total, where the form carries one).
 */
export interface QuestionnaireDefinition {
  readonly canonical: string;
  readonly instrumentId: string;
  readonly items: Readonly<Record<string, string>>;
  readonly totalLinkIds?: readonly string[];
}

export interface MappingContext {
  readonly catalogue?: readonly InstrumentDefinition[];
  readonly levelCodeMap?: LevelCodeMap;
  readonly localInstrumentCodes?: readonly LocalInstrumentCode[];
  readonly questionnaires?: readonly QuestionnaireDefinition[];
  /** The other resources of the batch, for references (conditions, roles, bundle entries). */
  readonly index?: ResourceIndex;
  /** Today in the program's time zone, to judge whether a period has ended. */
  readonly today?: CalendarDay;
  /** The program's IANA time zone, to put instants on a calendar day. */
  readonly timeZone?: string;
  /**
   * Resources mapped ahead, while the rest of a load was still arriving (`premap.ts`): their
   * records are taken from it instead of being mapped again. Its strings are the batch's.
   */
  readonly memo?: MappingMemo;
}

export interface ResolvedContext {
  readonly catalogue: readonly InstrumentDefinition[];
  readonly levelCodeMap: LevelCodeMap;
  readonly localInstrumentCodes: readonly LocalInstrumentCode[];
  readonly questionnaires: readonly QuestionnaireDefinition[];
  readonly index: ResourceIndex;
  readonly today?: CalendarDay;
  readonly timeZone: string;
  /**
   * One string for every equal string of the batch: records keep what they are given for
   * months, and a program's records repeat a few thousand patient ids, episode ids, modalities
   * and session times hundreds of thousands of times (each a string of its own as parsed).
   */
  readonly intern: <T extends string>(value: T) => T;
  readonly memo?: MappingMemo;
}

export function interner(): <T extends string>(value: T) => T {
  const strings = new Map<string, string>();
  return <T extends string>(value: T): T => {
    const held = strings.get(value);
    if (held !== undefined) return held as T;
    strings.set(value, value);
    return value;
  };
}

const DEFAULT_LEVEL_MAP = createLevelCodeMap().map;

/**
 * Questionnaires seen in published examples whose linkIds are not LOINC codes. The SDC PHQ-9
 * form names its items H1/T1/Q1…Q9 and its total H1/TS.
 */
export const KNOWN_QUESTIONNAIRES: readonly QuestionnaireDefinition[] = [
  {
    canonical: 'http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9',
    instrumentId: 'phq-9',
    items: Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => [`H1/T1/Q${n}`, n]),
    ),
    totalLinkIds: ['H1/TS'],
  },
];

/**
 * Mappers resolve the context per resource; a batch passes the same context object to each, so
 * it is resolved once per batch (and the batch shares one `intern`).
 */
const resolved = new WeakMap<MappingContext, ResolvedContext>();

export function resolveContext(ctx: MappingContext = {}): ResolvedContext {
  let done = resolved.get(ctx);
  if (!done) resolved.set(ctx, (done = resolveAfresh(ctx)));
  return done;
}

function resolveAfresh(ctx: MappingContext): ResolvedContext {
  return {
    catalogue: ctx.catalogue ?? DEFAULT_INSTRUMENTS,
    levelCodeMap: ctx.levelCodeMap ?? DEFAULT_LEVEL_MAP,
    localInstrumentCodes: ctx.localInstrumentCodes ?? [],
    questionnaires: [...(ctx.questionnaires ?? []), ...KNOWN_QUESTIONNAIRES],
    index: ctx.index ?? EMPTY_INDEX,
    today: ctx.today,
    // UTC only decides the day of an instant when the caller gave no program zone.
    timeZone: ctx.timeZone ?? 'UTC',
    intern: ctx.memo?.intern ?? interner(),
    ...(ctx.memo ? { memo: ctx.memo } : {}),
  };
}
