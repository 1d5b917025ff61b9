/**
 * Flag → SafetyFlagRecord. Only the profile's suicide-risk flag (SNOMED CT 225444004) is a safety
 * alert here: every record the mapper returns raises a signal in the safety window, and HL7's
 * `safety` category also covers staff-safety flags ("patient has a big dog"). Active means status
 * active and, when `today` is known, a period that has begun and not ended.
 */
import { SAFETY_FLAG } from '../domain/fhir-codes';
import { toCalendarDay } from '../domain/time/calendar-day';
import { readFhirDate } from './fhir-date';
import { Flag } from './fhir-types';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappedFlag } from './mapped-models';
import { MappingContext, ResolvedContext, resolveContext } from './mapping-context';
import { codingsOf, describeCodings, hasCoding, isObject, list, text } from './read';
import { referencedId } from './references';
import { labelsField } from './security-labels';

export function mapFlag(flag: Flag, context?: MappingContext): MapResult<MappedFlag> {
  const ctx = resolveContext(context);
  if (!isObject(flag)) return rejected(flag, 'not a resource');
  const id = text(flag.id);
  if (id === undefined) return rejected(flag, 'no id');
  const status = text(flag.status);
  if (status === 'entered-in-error') return rejected(flag, 'status entered-in-error: excluded');
  if (status !== 'active' && status !== 'inactive')
    return rejected(flag, status ? `unknown status "${status.slice(0, 30)}"` : 'no status');
  const codings = codingsOf(flag.code);
  if (!hasCoding(codings, SAFETY_FLAG.code.system, SAFETY_FLAG.code.code))
    return rejected(flag, `not a suicide-risk flag (code ${describeCodings(codings)})`);
  const patient = referencedId(flag.subject, 'Patient', 'subject', ctx.index, flag);
  if ('reason' in patient) return rejected(flag, patient.reason);
  const warnings: MappingProblem[] = patient.warning
    ? [problem(flag, 'warning', patient.warning)]
    : [];
  const start = periodDate(flag, 'start', warnings);
  const end = periodDate(flag, 'end', warnings);
  const label = text(flag.code?.text) ?? text(codings.find((c) => text(c.display))?.display);
  return accepted<MappedFlag>(
    {
      id,
      patientId: patient.id,
      active: status === 'active' && withinPeriod(flag, start, end, ctx, warnings),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(label ? { text: label } : {}),
      ...labelsField(flag),
    },
    warnings,
  );
}

export function mapFlags(flags: readonly Flag[], context?: MappingContext): MapBatch<MappedFlag> {
  return toBatch(list(flags).map((f) => mapFlag(f, context)));
}

function periodDate(flag: Flag, which: 'start' | 'end', warnings: MappingProblem[]) {
  const value = isObject(flag.period) ? flag.period[which] : undefined;
  if (value === undefined) return undefined;
  const read = readFhirDate(value, `period.${which}`);
  if ('value' in read) return read.value;
  warnings.push(problem(flag, 'warning', `${read.reason}: ignored`));
  return undefined;
}

/** An active flag whose period has ended (or not begun) is not active today. */
function withinPeriod(
  flag: Flag,
  start: string | undefined,
  end: string | undefined,
  ctx: ResolvedContext,
  warnings: MappingProblem[],
): boolean {
  if (ctx.today === undefined) return true;
  const endDay = toCalendarDay(end, ctx.timeZone);
  const startDay = toCalendarDay(start, ctx.timeZone);
  if (endDay !== undefined && endDay < ctx.today) {
    warnings.push(
      problem(flag, 'warning', `status active but the period ended ${endDay}: inactive`),
    );
    return false;
  }
  if (startDay !== undefined && startDay > ctx.today) {
    warnings.push(
      problem(flag, 'warning', `status active but the period starts ${startDay}: inactive`),
    );
    return false;
  }
  return true;
}
