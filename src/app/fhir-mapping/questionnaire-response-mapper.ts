/**
 * QuestionnaireResponse → ScoreRecord, for servers that store answers instead of scores. Items may
 * be flat or nested in groups; answers may be codings (scored on the instrument's scale or by a
 * stated weight), integers, decimals or quantities; a total item, when present, is checked
 * against the item score (see `item-scoring.ts`).
 */
import { answerScale, scoreAnswerCoding } from './answer-scores';
import { readFhirDate } from './fhir-date';
import { QuestionnaireResponse, QuestionnaireResponseAnswer } from './fhir-types';
import { MappingProblem, problem, rejected } from './map-result';
import { MappingContext, resolveContext } from './mapping-context';
import { finiteNumber, isObject, list, numberFromText, ownEntry, text } from './read';
import { referencedId } from './references';
import { QuestionnaireForm, answeredItems, identifyForm } from './questionnaire-form';
import { ScoreBatch, ScoreResult, assembleScore, toScoreBatch } from './score-assembly';
import { Steps, mapEachStep, runSteps } from './steps';

const INCOMPLETE: Readonly<Record<string, string>> = {
  'in-progress': 'status in-progress: the response is not finished',
  stopped: 'status stopped: the response was abandoned',
  'entered-in-error': 'status entered-in-error: excluded',
};

export function mapQuestionnaireResponse(
  qr: QuestionnaireResponse,
  context?: MappingContext,
): ScoreResult {
  const ctx = resolveContext(context);
  if (!isObject(qr)) return rejected(qr, 'not a resource');
  const id = text(qr.id);
  if (id === undefined) return rejected(qr, 'no id');
  const status = text(qr.status);
  const incomplete = ownEntry(INCOMPLETE, status);
  if (incomplete) return rejected(qr, incomplete);
  const patient = referencedId(qr.subject, 'Patient', 'subject', ctx.index, qr);
  if ('reason' in patient) return rejected(qr, patient.reason);
  const warnings: MappingProblem[] = patient.warning
    ? [problem(qr, 'warning', patient.warning)]
    : [];
  const date = readFhirDate(qr.authored, 'authored date');
  if ('reason' in date) return rejected(qr, date.reason, warnings);
  const form = identifyForm(qr, ctx);
  if ('reason' in form) return rejected(qr, form.reason, warnings);
  const { stated, items } = readAnswers(qr, form.form, warnings);
  return assembleScore({
    resource: qr,
    sourceType: 'QuestionnaireResponse',
    id,
    instrument: form.form.instrument,
    patientId: ctx.intern(patient.id),
    date: ctx.intern(date.value),
    stated,
    items,
    warnings,
  });
}

export function mapQuestionnaireResponses(
  responses: readonly QuestionnaireResponse[],
  context?: MappingContext,
): ScoreBatch {
  return runSteps(mapQuestionnaireResponsesInSteps(responses, context));
}

/** `mapQuestionnaireResponses`, pausing after each response (see `steps.ts`). */
export function* mapQuestionnaireResponsesInSteps(
  responses: readonly QuestionnaireResponse[],
  context?: MappingContext,
): Steps<ScoreBatch> {
  // One context object for the batch, so it is resolved once and its strings shared.
  const batch = context ?? {};
  const results = yield* mapEachStep(list(responses), (qr) => mapQuestionnaireResponse(qr, batch));
  return toScoreBatch(results);
}

function readAnswers(
  qr: QuestionnaireResponse,
  form: QuestionnaireForm,
  warnings: MappingProblem[],
) {
  const items: Record<string, number> = {};
  let stated: number | undefined;
  for (const { linkId, item } of answeredItems(qr.item)) {
    const part = form.parts.get(linkId);
    if (!part || part.kind === 'panel') continue;
    const score = answerScore(list(item.answer)[0], form, linkId, part.kind);
    if (score === undefined) {
      warnings.push(
        problem(qr, 'warning', `linkId ${linkId.slice(0, 40)}: the answer is not a score`),
      );
    } else if (part.kind === 'item') {
      items[part.item] = score;
    } else {
      stated = score;
    }
  }
  return { stated, items };
}

function answerScore(
  answer: QuestionnaireResponseAnswer | undefined,
  form: QuestionnaireForm,
  linkId: string,
  kind: 'item' | 'total',
): number | undefined {
  if (!isObject(answer)) return undefined;
  if (isObject(answer.valueCoding)) {
    const scale = answerScale(form.instrument.id, kind);
    return scoreAnswerCoding(answer.valueCoding, scale, (c) => form.definedWeight(linkId, c));
  }
  const quantity = isObject(answer.valueQuantity) ? answer.valueQuantity.value : undefined;
  for (const value of [answer.valueInteger, answer.valueDecimal, quantity]) {
    const n = finiteNumber(value);
    if (n !== undefined) return n;
  }
  return numberFromText(answer.valueString);
}
