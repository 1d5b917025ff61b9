/**
 * Which instrument a QuestionnaireResponse answers, and which linkId is which item. Evidence, in
 * order: a known Questionnaire definition (by the `questionnaire` canonical, or the contained
 * Questionnaire's url / derivedFrom), the item codes of a contained Questionnaire, LOINC-derived
 * linkIds (`/44250-9`), and a canonical that ends in a LOINC panel code (`…/q/44249-1`).
 */
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { statedWeight } from './answer-scores';
import {
  Coding,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  ValueSet,
} from './fhir-types';
import { InstrumentPart, matchInstrumentCoding, matchInstrumentCodings } from './instrument-codes';
import { QuestionnaireDefinition, ResolvedContext } from './mapping-context';
import { isObject, list, ownEntry, text } from './read';
import { containedResource } from './references';

export interface AnsweredItem {
  readonly linkId: string;
  readonly item: QuestionnaireResponseItem;
}

export interface QuestionnaireForm {
  readonly instrument: InstrumentDefinition;
  /** linkId → which part of the instrument it answers. */
  readonly parts: ReadonlyMap<string, InstrumentPart>;
  /** A weight the contained Questionnaire or ValueSet gives an answer code, if any. */
  readonly definedWeight: (linkId: string, coding: Coding) => number | undefined;
}

export type FormRead = { readonly form: QuestionnaireForm } | { readonly reason: string };

const LOINC = 'http://loinc.org';

/** Every answered item, however deeply nested in groups (or under answers). */
export function answeredItems(
  items: readonly QuestionnaireResponseItem[] | undefined,
): AnsweredItem[] {
  return list(items)
    .filter(isObject)
    .flatMap((item) => {
      const linkId = text(item.linkId);
      const own = linkId !== undefined && list(item.answer).length ? [{ linkId, item }] : [];
      const nested = list(item.answer).flatMap((a) => (isObject(a) ? [...list(a.item)] : []));
      return [...own, ...answeredItems(item.item), ...answeredItems(nested)];
    });
}

export function identifyForm(qr: QuestionnaireResponse, ctx: ResolvedContext): FormRead {
  const canonical = text(qr.questionnaire);
  const contained = containedQuestionnaire(qr, canonical);
  const definition = findDefinition(
    [canonical, text(contained?.url), ...list(contained?.derivedFrom)],
    ctx,
  );
  const answered = answeredItems(qr.item);
  const parts = new Map<string, InstrumentPart>();
  for (const { linkId } of answered) {
    const part =
      definitionPart(definition, linkId, ctx) ??
      containedPart(contained, linkId, ctx) ??
      matchInstrumentCoding({ system: LOINC, code: lastSegment(linkId) }, ctx);
    if (part) parts.set(linkId, part);
  }
  const instrument =
    instrumentById(definition?.instrumentId, ctx) ??
    mostAnswered(parts) ??
    canonicalInstrument(canonical, ctx);
  if (!instrument) return { reason: `unknown questionnaire ${describeCanonical(canonical)}` };
  const own = new Map([...parts].filter(([, p]) => p.instrument === instrument));
  return { form: { instrument, parts: own, definedWeight: weightLookup(qr, contained) } };
}

function containedQuestionnaire(
  qr: QuestionnaireResponse,
  canonical: string | undefined,
): Questionnaire | undefined {
  if (!canonical?.startsWith('#')) return undefined;
  const found = containedResource(qr, canonical.slice(1));
  return found?.resourceType === 'Questionnaire' ? (found as Questionnaire) : undefined;
}

const withoutVersion = (canonical: string) => canonical.split('|')[0];
const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? path;

function findDefinition(
  canonicals: readonly (string | undefined)[],
  ctx: ResolvedContext,
): QuestionnaireDefinition | undefined {
  const wanted = canonicals.filter((c): c is string => typeof c === 'string').map(withoutVersion);
  return ctx.questionnaires.find((d) => wanted.includes(withoutVersion(d.canonical)));
}

function instrumentById(id: string | undefined, ctx: ResolvedContext) {
  return id === undefined ? undefined : ctx.catalogue.find((i) => i.id === id);
}

function definitionPart(
  definition: QuestionnaireDefinition | undefined,
  linkId: string,
  ctx: ResolvedContext,
): InstrumentPart | undefined {
  const instrument = instrumentById(definition?.instrumentId, ctx);
  if (!definition || !instrument) return undefined;
  const item = ownEntry(definition.items, linkId);
  if (item !== undefined) return { instrument, kind: 'item', item };
  return definition.totalLinkIds?.includes(linkId) ? { instrument, kind: 'total' } : undefined;
}

function containedPart(
  questionnaire: Questionnaire | undefined,
  linkId: string,
  ctx: ResolvedContext,
): InstrumentPart | undefined {
  const item = findQuestion(questionnaire?.item, linkId);
  return item ? matchInstrumentCodings(list(item.code).filter(isObject), ctx) : undefined;
}

function findQuestion(
  items: readonly QuestionnaireItem[] | undefined,
  linkId: string,
): QuestionnaireItem | undefined {
  for (const item of list(items).filter(isObject)) {
    if (item.linkId === linkId) return item;
    const nested = findQuestion(item.item, linkId);
    if (nested) return nested;
  }
  return undefined;
}

/** The instrument most answered items belong to (ties: the first seen). */
function mostAnswered(
  parts: ReadonlyMap<string, InstrumentPart>,
): InstrumentDefinition | undefined {
  const counts = new Map<InstrumentDefinition, number>();
  for (const part of parts.values())
    counts.set(part.instrument, (counts.get(part.instrument) ?? 0) + 1);
  let best: InstrumentDefinition | undefined;
  for (const [instrument, count] of counts)
    if (!best || count > counts.get(best)!) best = instrument;
  return best;
}

function canonicalInstrument(canonical: string | undefined, ctx: ResolvedContext) {
  if (canonical === undefined || canonical.startsWith('#')) return undefined;
  const match = matchInstrumentCoding(
    { system: LOINC, code: lastSegment(withoutVersion(canonical)) },
    ctx,
  );
  return match && match.kind !== 'item' ? match.instrument : undefined;
}

function describeCanonical(canonical: string | undefined): string {
  if (canonical === undefined) return '(no questionnaire canonical)';
  if (canonical.startsWith('#')) return '(contained Questionnaire)';
  return canonical.slice(0, 160);
}

/** Weights from the contained Questionnaire's answerOptions, then from a contained ValueSet. */
function weightLookup(qr: QuestionnaireResponse, questionnaire: Questionnaire | undefined) {
  return (linkId: string, coding: Coding): number | undefined => {
    const question = findQuestion(questionnaire?.item, linkId);
    const sameCode = (c: Coding | undefined) =>
      isObject(c) &&
      c.code === coding.code &&
      (c.system === undefined || coding.system === undefined || c.system === coding.system);
    const option = list(question?.answerOption).find((o) => isObject(o) && sameCode(o.valueCoding));
    const fromOption = option
      ? (statedWeight(option) ?? statedWeight(option.valueCoding))
      : undefined;
    if (fromOption !== undefined) return fromOption;
    const valueSetRef = text(question?.answerValueSet);
    if (!valueSetRef?.startsWith('#')) return undefined;
    const valueSet =
      containedResource(qr, valueSetRef.slice(1)) ??
      containedResource(questionnaire, valueSetRef.slice(1));
    if (valueSet?.resourceType !== 'ValueSet') return undefined;
    const concepts = list((valueSet as ValueSet).compose?.include).flatMap((inc) => [
      ...list(inc?.concept),
    ]);
    const concept = concepts.find((c) => isObject(c) && c.code === coding.code);
    return concept ? statedWeight(concept) : undefined;
  };
}
