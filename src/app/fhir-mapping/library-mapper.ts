/**
 * The expected-recovery-curves Library → RecoveryCurveSet, parsed by the domain's curve format.
 * The dashboard must still work without it (a new program has no history yet), so a missing or
 * unreadable Library never rejects: the default curves stand in and a warning says why.
 */
import { RECOVERY_CURVES_LIBRARY } from '../domain/fhir-codes';
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { curvesFromLibraryData } from '../domain/recovery/curve-format';
import {
  CURVES_FORMAT,
  CURVES_VERSION,
  CURVE_DEFAULTS,
  RecoveryCurveSet,
} from '../domain/recovery/curve-types';
import { defaultCurve } from '../domain/recovery/default-curve';
import { Attachment, Library } from './fhir-types';
import { MapResult, MappingProblem, accepted, problem } from './map-result';
import { MappingContext, resolveContext } from './mapping-context';
import { excerpt, isObject, list, text } from './read';
import { RecoveryCurvesRecord } from './staff-models';

/** The default curve of every band of every instrument in the catalogue. */
export function defaultCurveSet(catalogue: readonly InstrumentDefinition[]): RecoveryCurveSet {
  return {
    format: CURVES_FORMAT,
    version: CURVES_VERSION,
    generated: '',
    minEpisodes: CURVE_DEFAULTS.minEpisodes,
    amberPercentile: CURVE_DEFAULTS.amberPercentile,
    redPercentile: CURVE_DEFAULTS.redPercentile,
    curves: catalogue.flatMap((instrument) =>
      instrument.bands.map((band) => defaultCurve(instrument, band)),
    ),
  };
}

export function mapRecoveryCurvesLibrary(
  library: Library | undefined,
  context?: MappingContext,
): MapResult<RecoveryCurvesRecord> {
  const ctx = resolveContext(context);
  const subject = isObject(library) ? library : { resourceType: 'Library' };
  const warnings: MappingProblem[] = [];
  const fallback = (reason: string) =>
    accepted<RecoveryCurvesRecord>({ set: defaultCurveSet(ctx.catalogue), source: 'default' }, [
      ...warnings,
      problem(subject, 'warning', `${reason}: default curves used`),
    ]);
  if (!isObject(library)) return fallback('no recovery-curves Library');
  if (library.resourceType !== 'Library') return fallback('not a Library');
  if (text(library.url) !== RECOVERY_CURVES_LIBRARY.url)
    warnings.push(problem(library, 'warning', 'Library url is not the recovery-curves url'));
  if (text(library.status) !== 'active')
    warnings.push(
      problem(
        library,
        'warning',
        `Library status is ${excerpt(text(library.status) ?? 'missing', 30)}, not active`,
      ),
    );
  const content = list(library.content).find(isJsonData);
  if (!content) return fallback('Library has no application/json content with data');
  const parsed = curvesFromLibraryData(content.data);
  if (!parsed.set) return fallback(parsed.errors.join('; '));
  warnings.push(...parsed.errors.map((e) => problem(library, 'warning', e)));
  return accepted<RecoveryCurvesRecord>({ set: parsed.set, source: 'library' }, warnings);
}

function isJsonData(attachment: Attachment): attachment is Attachment & { data: string } {
  return (
    isObject(attachment) &&
    (text(attachment.contentType)?.toLowerCase().startsWith(RECOVERY_CURVES_LIBRARY.contentType) ??
      false) &&
    typeof attachment.data === 'string'
  );
}
