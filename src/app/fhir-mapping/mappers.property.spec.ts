/**
 * Property-based tests of every mapper over generated resources: valid ones shaped like the
 * corpus, partial ones and malformed ones (wrong JSON types anywhere, absurd dates, 100 kB
 * strings, unknown codes and prototype keys, odd references). fast-check prints the seed and
 * the shrunk counterexample of any failure; re-run with `{ seed, path }` to reproduce it.
 *
 * Generated resources per run: per type, RUNS runs × at least MIN_BATCH resources, for 14 types
 * (13 resource arbitraries + Observation administrations): 14 × 60 × 12 = 10,080 at the least
 * (about 16,000 on average); plus `mapResources` over whole batches, BATCH_RUNS × at least
 * BATCH_GROUPS groups: 60 × 50 = 3,000 more at the least. The suite counts them and checks the
 * total in `afterAll`.
 */
import fc from 'fast-check';
import { CARE_PLAN_CATEGORIES, MODALITIES, PROBLEM_ICD10 } from '../domain/fhir-codes';
import { instrumentById } from '../domain/instruments/instrument-catalogue';
import { validateScore } from '../domain/instruments/scoring';
import { LEVELS } from '../domain/levels/level-of-care';
import { parseFhirDate } from '../domain/time/calendar-day';
import {
  RESOURCE_ARBITRARIES,
  STATUSES,
  account,
  fhirBatch,
  observationVariants,
  validDay,
  variants,
} from '../../testing/fhir/arbitraries';
import { mapCarePlan, mapCarePlans } from './care-plan-mapper';
import { mapCareTeam, mapCareTeams } from './care-team-mapper';
import { mapCondition, mapConditions } from './condition-mapper';
import { mapEpisodeOfCare, mapEpisodesOfCare } from './episode-mapper';
import { isCalendarDay } from './fhir-date';
import { mapFlag, mapFlags } from './flag-mapper';
import { mapRecoveryCurvesLibrary } from './library-mapper';
import { MappedResources, mapResources, mappedBatches } from './map-resources';
import { MapBatch, MapResult, MappingProblem } from './map-result';
import { MappedEpisode } from './mapped-models';
import { MappingContext } from './mapping-context';
import { mapObservation, mapObservations } from './observation-mapper';
import { mapOrganization, mapOrganizations } from './organization-mapper';
import { mapPatient, mapPatients } from './patient-mapper';
import {
  mapPractitioner,
  mapPractitionerRole,
  mapPractitionerRoles,
  mapPractitioners,
} from './practitioner-mapper';
import {
  mapQuestionnaireResponse,
  mapQuestionnaireResponses,
} from './questionnaire-response-mapper';
import { ScoreResult } from './score-assembly';
import { mapAppointment, mapEncounter } from './session-mapper';

const RUNS = 60;
const MIN_BATCH = 12;
const BATCH_RUNS = 60;
const BATCH_GROUPS = 50;
/** Reasons name the element and at most short excerpts, never a whole value from the wire. */
const MAX_REASON = 1_000;

let generated = 0;

const own = (table: object, key: unknown) =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const parses = (v: unknown) => typeof v === 'string' && parseFhirDate(v).kind !== 'invalid';
const check = (out: string[], ok: boolean, what: string) => {
  if (!ok) out.push(what);
};

/** Fails the property with every violation (fast-check then shrinks and prints the seed). */
function holds(violations: readonly string[]): void {
  if (violations.length) throw new Error(violations.slice(0, 10).join('\n'));
}

const context: fc.Arbitrary<MappingContext> = fc.record(
  {
    today: validDay,
    timeZone: fc.constantFrom('UTC', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'America/Denver'),
  },
  { requiredKeys: [] },
);

function problemViolations(problems: readonly MappingProblem[]): string[] {
  const out: string[] = [];
  for (const p of problems) {
    check(out, nonEmpty(p.reason), `problem without a reason: ${JSON.stringify(p).slice(0, 200)}`);
    check(
      out,
      typeof p.reason !== 'string' || p.reason.length <= MAX_REASON,
      `reason of ${typeof p.reason === 'string' ? p.reason.length : '?'} characters: ${String(p.reason).slice(0, 120)}…`,
    );
    check(out, nonEmpty(p.resourceType) && p.resourceType.length <= 100, 'bad resourceType');
    check(out, p.id === undefined || (nonEmpty(p.id) && p.id.length <= 64), 'bad problem id');
    check(out, p.severity === 'rejected' || p.severity === 'warning', 'bad severity');
  }
  return out;
}

/** A single result is mapped with warnings only, or rejected exactly once with a reason. */
function resultViolations<T>(result: MapResult<T>, valueCheck: (v: T) => string[]): string[] {
  const out = problemViolations(result.problems);
  const rejections = result.problems.filter((p) => p.severity === 'rejected').length;
  if (result.value !== undefined) {
    check(out, rejections === 0, 'mapped and rejected at once');
    out.push(...valueCheck(result.value));
  } else check(out, rejections === 1, `not mapped, with ${rejections} rejections`);
  return out;
}

function batchViolations<T>(batch: MapBatch<T>, n: number, valueCheck: (v: T) => string[]) {
  const out = batch.items.flatMap(valueCheck);
  check(out, batch.items.length + batch.rejected.length === n, 'batch lost or added a resource');
  for (const r of batch.rejected) check(out, nonEmpty(r.reason), 'rejected without a reason');
  out.push(...problemViolations(batch.warnings));
  check(
    out,
    batch.warnings.every((w) => w.severity === 'warning'),
    'a rejection among the warnings',
  );
  return out;
}

const LABELS = ['PSY', 'ETH', 'R'];
function labelViolations(v: object): string[] {
  const labels = (v as { securityLabels?: readonly string[] }).securityLabels;
  return labels === undefined || (labels.length > 0 && labels.every((l) => LABELS.includes(l)))
    ? []
    : ['bad security labels'];
}

function scoreViolations(s: {
  id: string;
  patientId: string;
  instrumentId: string;
  date: string;
  total: number;
  items?: Readonly<Record<string, number>>;
}): string[] {
  const out = labelViolations(s);
  const instrument = instrumentById(s.instrumentId);
  check(out, nonEmpty(s.id) && nonEmpty(s.patientId), 'score without id or patient');
  check(out, parses(s.date), `score date ${s.date.slice(0, 40)} does not parse`);
  if (!instrument) return [...out, `unknown instrument ${s.instrumentId}`];
  check(out, validateScore(instrument, s.total).ok, `${s.instrumentId} total ${s.total}`);
  const range = instrument.itemRange ?? { min: 0, max: 1 };
  for (const [item, score] of Object.entries(s.items ?? {})) {
    check(out, own(instrument.codes.items ?? {}, item), `item key ${item.slice(0, 40)}`);
    check(
      out,
      Number.isInteger(score) && score >= range.min && score <= range.max,
      `${s.instrumentId} item ${item} = ${score}`,
    );
  }
  return out;
}

function scoreResultViolations(result: ScoreResult): string[] {
  const out = resultViolations(result, scoreViolations);
  for (const item of result.unscoredSafetyItems ?? []) {
    check(out, result.value === undefined, 'safety item handed over for a scored record');
    check(out, Number.isFinite(item.score) && item.score > 0, `safety item score ${item.score}`);
    check(out, ['9', '4', '5', '6'].includes(item.item), `safety item ${item.item}`);
  }
  return out;
}

const LEVEL_IDS: readonly string[] = LEVELS.map((l) => l.level);
const END_REASONS = [
  'completed',
  'stepped-down',
  'stepped-up',
  'left-early',
  'transferred',
  'other',
];
const ENTRY_ROUTES = ['inpatient', 'residential', 'php', 'direct', 'outpatient', 'other'];

function episodeViolations(e: MappedEpisode) {
  const out = labelViolations(e);
  check(out, nonEmpty(e.id) && nonEmpty(e.patientId), 'episode without id or patient');
  check(out, LEVEL_IDS.includes(e.level), `level ${String(e.level)}`);
  check(out, (STATUSES as readonly string[]).includes(e.status), `status ${String(e.status)}`);
  check(out, parses(e.start), 'start does not parse');
  check(out, e.end === undefined || parses(e.end), 'end does not parse');
  check(out, e.endReason === undefined || END_REASONS.includes(e.endReason), 'end reason');
  check(out, e.entryRoute === undefined || ENTRY_ROUTES.includes(e.entryRoute), 'entry route');
  const plan = e.plannedTransition;
  if (plan) {
    check(out, LEVEL_IDS.includes(plan.targetLevel), `target level ${plan.targetLevel}`);
    check(out, isCalendarDay(plan.plannedDate), 'planned date is not a day');
  }
  return out;
}

const SESSION_STATUSES = ['scheduled', 'attended', 'missed', 'cancelled'];
function sessionViolations(s: {
  id: string;
  patientId: string;
  modality: string;
  status: string;
  start: string;
  minutes: number;
  episodeId?: string;
}) {
  const out = labelViolations(s);
  check(out, nonEmpty(s.id) && nonEmpty(s.patientId), 'session without id or patient');
  check(out, (MODALITIES as string[]).includes(s.modality), `modality ${String(s.modality)}`);
  check(out, SESSION_STATUSES.includes(s.status), `session status ${String(s.status)}`);
  check(out, parses(s.start), 'session start does not parse');
  check(out, Number.isFinite(s.minutes) && s.minutes >= 0, `session minutes ${s.minutes}`);
  check(out, s.episodeId === undefined || nonEmpty(s.episodeId), 'empty episode id');
  return out;
}

const PROBLEMS = [...Object.keys(PROBLEM_ICD10), 'other'];
const CARE_PLAN_STATUSES = ['draft', 'active', 'on-hold', 'revoked', 'completed', 'unknown'];

/** One entry per resource type: its arbitrary, single and batch mappers and its invariants. */
interface MapperCase {
  readonly type: string;
  readonly resources: fc.Arbitrary<unknown[]>;
  readonly one: (r: unknown, ctx: MappingContext) => MapResult<unknown>;
  readonly many?: (rs: unknown[], ctx: MappingContext) => MapBatch<unknown>;
  readonly valid: (v: unknown) => string[];
}

/** Erases a case's resource and record types: the generated input is untyped JSON anyway. */
function mapperCase<R, T>(c: {
  readonly type: string;
  readonly resources: fc.Arbitrary<unknown[]>;
  readonly one: (r: R, ctx?: MappingContext) => MapResult<T>;
  readonly many?: (rs: readonly R[], ctx?: MappingContext) => MapBatch<T>;
  readonly valid: (v: T) => string[];
}): MapperCase {
  return c as unknown as MapperCase;
}

const batchOf = (arb: fc.Arbitrary<unknown>) =>
  fc.array(variants(arb), { minLength: MIN_BATCH, maxLength: 2 * MIN_BATCH });

const CASES: readonly MapperCase[] = [
  mapperCase({
    type: 'Patient',
    resources: batchOf(RESOURCE_ARBITRARIES.Patient),
    one: mapPatient,
    many: mapPatients,
    valid: (p: { id: string; gender?: string; birthDate?: string; active: boolean }) => [
      ...labelViolations(p),
      ...(nonEmpty(p.id) ? [] : ['no id']),
      ...(p.gender === undefined || ['male', 'female', 'other', 'unknown'].includes(p.gender)
        ? []
        : [`gender ${p.gender}`]),
      ...(p.birthDate === undefined || parses(p.birthDate) ? [] : ['birth date']),
      ...(typeof p.active === 'boolean' ? [] : ['active']),
    ],
  }),
  mapperCase({
    type: 'Organization',
    resources: batchOf(RESOURCE_ARBITRARIES.Organization),
    one: mapOrganization,
    many: mapOrganizations,
    valid: (o: { id: string; kind: string; partOfId?: string }) =>
      nonEmpty(o.id) && (o.kind === 'program') === nonEmpty(o.partOfId) ? [] : ['organization'],
  }),
  mapperCase({
    type: 'Practitioner',
    resources: batchOf(RESOURCE_ARBITRARIES.Practitioner),
    one: mapPractitioner,
    many: mapPractitioners,
    valid: (p: { id: string; active: boolean }) =>
      nonEmpty(p.id) && typeof p.active === 'boolean' ? [] : ['practitioner'],
  }),
  mapperCase({
    type: 'PractitionerRole',
    resources: batchOf(RESOURCE_ARBITRARIES.PractitionerRole),
    one: mapPractitionerRole,
    many: mapPractitionerRoles,
    valid: (r: { id: string; practitionerId: string; role: string; organizationId?: string }) =>
      nonEmpty(r.id) &&
      nonEmpty(r.practitionerId) &&
      ['therapist', 'psychiatrist', 'director'].includes(r.role) &&
      (r.organizationId === undefined || nonEmpty(r.organizationId))
        ? []
        : [`role ${String(r.role)}`],
  }),
  mapperCase({
    type: 'CareTeam',
    resources: batchOf(RESOURCE_ARBITRARIES.CareTeam),
    one: mapCareTeam,
    many: mapCareTeams,
    valid: (t: { id: string; patientId: string; memberIds: readonly string[]; status: string }) =>
      nonEmpty(t.id) && nonEmpty(t.patientId) && nonEmpty(t.status) && t.memberIds.every(nonEmpty)
        ? []
        : ['care team'],
  }),
  mapperCase({
    type: 'Condition',
    resources: batchOf(RESOURCE_ARBITRARIES.Condition),
    one: mapCondition,
    many: mapConditions,
    valid: (c: { id: string; patientId: string; icd10: string; problem: string }) =>
      nonEmpty(c.id) && nonEmpty(c.patientId) && nonEmpty(c.icd10) && PROBLEMS.includes(c.problem)
        ? []
        : ['condition'],
  }),
  mapperCase({
    type: 'EpisodeOfCare',
    resources: batchOf(RESOURCE_ARBITRARIES.EpisodeOfCare),
    one: mapEpisodeOfCare,
    many: mapEpisodesOfCare,
    valid: episodeViolations,
  }),
  mapperCase({
    type: 'Appointment',
    resources: batchOf(RESOURCE_ARBITRARIES.Appointment),
    one: mapAppointment,
    valid: sessionViolations,
  }),
  mapperCase({
    type: 'Encounter',
    resources: batchOf(RESOURCE_ARBITRARIES.Encounter),
    one: mapEncounter,
    valid: sessionViolations,
  }),
  mapperCase({
    type: 'Flag',
    resources: batchOf(RESOURCE_ARBITRARIES.Flag),
    one: mapFlag,
    many: mapFlags,
    valid: (f: { id: string; patientId: string; active: boolean; start?: string; end?: string }) =>
      nonEmpty(f.id) &&
      nonEmpty(f.patientId) &&
      typeof f.active === 'boolean' &&
      (f.start === undefined || parses(f.start)) &&
      (f.end === undefined || parses(f.end))
        ? labelViolations(f)
        : ['flag'],
  }),
  mapperCase({
    type: 'CarePlan',
    resources: batchOf(RESOURCE_ARBITRARIES.CarePlan),
    one: mapCarePlan,
    many: mapCarePlans,
    valid: (p: {
      id: string;
      kind: string;
      status: string;
      created?: string;
      nextReview?: string;
    }) =>
      nonEmpty(p.id) &&
      own(CARE_PLAN_CATEGORIES, p.kind) &&
      CARE_PLAN_STATUSES.includes(p.status) &&
      (p.created === undefined || parses(p.created)) &&
      (p.nextReview === undefined || isCalendarDay(p.nextReview))
        ? []
        : [`care plan ${String(p.kind)} ${String(p.status)}`],
  }),
  mapperCase({
    type: 'QuestionnaireResponse',
    resources: batchOf(RESOURCE_ARBITRARIES.QuestionnaireResponse),
    one: mapQuestionnaireResponse,
    many: mapQuestionnaireResponses,
    valid: scoreViolations,
  }),
  mapperCase({
    type: 'Observation',
    resources: fc
      .array(observationVariants, { minLength: 4, maxLength: 8 })
      .map((groups) => groups.flat())
      .filter((rs) => rs.length >= MIN_BATCH),
    one: mapObservation,
    valid: scoreViolations,
  }),
  mapperCase({
    type: 'Library',
    resources: batchOf(RESOURCE_ARBITRARIES.Library),
    one: mapRecoveryCurvesLibrary,
    valid: (r: { set: { curves: readonly unknown[] }; source: string }) =>
      Array.isArray(r.set.curves) && ['library', 'default'].includes(r.source) ? [] : ['curves'],
  }),
];

/** The whole mapping of a batch: nothing lost, nothing counted twice, every record valid. */
function mappedViolations(input: readonly unknown[], mapped: MappedResources): string[] {
  const out: string[] = [];
  const books = account(input, mapped);
  check(out, books.lost.length === 0, `not accounted for: ${books.lost.slice(0, 5).join(', ')}`);
  check(
    out,
    books.phantoms.length === 0,
    `counted twice: ${books.phantoms.slice(0, 5).join(', ')}`,
  );
  check(
    out,
    books.mapped + books.rejected + books.merged.length === books.inputs,
    `${books.mapped} mapped + ${books.rejected} rejected + ${books.merged.length} merged ≠ ${books.inputs} inputs`,
  );
  for (const batch of mappedBatches(mapped)) {
    for (const r of batch.rejected) check(out, nonEmpty(r.reason), 'rejected without a reason');
    out.push(...problemViolations(batch.warnings));
  }
  for (const r of mapped.unsupported) check(out, nonEmpty(r.reason), 'unsupported, no reason');
  out.push(...mapped.scores.items.flatMap(scoreViolations));
  out.push(...mapped.sessions.items.flatMap(sessionViolations));
  out.push(...mapped.episodes.items.flatMap(episodeViolations));
  for (const item of mapped.scores.unscoredSafetyItems)
    check(out, Number.isFinite(item.score) && item.score > 0, 'safety item score');
  return out;
}

describe('mappers (properties)', () => {
  let properties = 0;
  afterAll(() => {
    // Only meaningful when every property ran (not under a spec filter).
    if (properties === CASES.length + 2) expect(generated).toBeGreaterThanOrEqual(10_000);
  });

  for (const c of CASES) {
    it(`${c.type}: never throws; each resource is mapped or rejected once with a reason; records are valid`, () => {
      fc.assert(
        fc.property(c.resources, context, (resources, ctx) => {
          generated += resources.length;
          const violations: string[] = [];
          for (const r of resources) {
            const result = c.one(r, ctx);
            violations.push(
              ...(c.type === 'Observation'
                ? scoreResultViolations(result as ScoreResult)
                : resultViolations(result, c.valid)),
            );
          }
          // A batch mapper that maps one to one must account for each resource itself; the
          // types that merge (Observations, sessions, scores, Libraries) are accounted through
          // `mapResources`, which the whole-batch property below also checks in mixes.
          if (c.many)
            violations.push(...batchViolations(c.many(resources, ctx), resources.length, c.valid));
          else violations.push(...mappedViolations(resources, mapResources(resources, ctx)));
          holds(violations);
        }),
        { numRuns: RUNS },
      );
      properties++;
    });
  }

  it('mapObservations: panels, grouped items and duplicates keep the books balanced', () => {
    fc.assert(
      fc.property(
        fc.array(observationVariants, { minLength: 5, maxLength: 10 }),
        context,
        (groups, ctx) => {
          const observations = groups.flat();
          generated += observations.length;
          const batch = mapObservations(observations as never[], ctx);
          const violations = [
            ...batch.items.flatMap(scoreViolations),
            ...problemViolations(batch.warnings),
            ...(batch.items.length + batch.rejected.length <= observations.length
              ? []
              : ['more records than Observations']),
          ];
          holds(violations);
        },
      ),
      { numRuns: RUNS },
    );
    properties++;
  });

  it(`mapResources over whole batches (at least ${BATCH_GROUPS} inputs, Bundles, junk): every input accounted for`, () => {
    fc.assert(
      fc.property(
        fhirBatch({ minLength: BATCH_GROUPS, maxLength: 2 * BATCH_GROUPS }),
        context,
        (input, ctx) => {
          const mapped = mapResources(input, ctx);
          generated += account(input, mapped).inputs;
          const violations = mappedViolations(input, mapped);
          holds(violations);
        },
      ),
      { numRuns: BATCH_RUNS },
    );
    properties++;
  });
});
