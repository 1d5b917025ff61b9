/**
 * Observations and QuestionnaireResponses together. A server that keeps both often derives the
 * score Observation from the response (`Observation.derivedFrom`); the pair is one administration
 * and is counted once, as the Observation.
 */
import { Observation, QuestionnaireResponse } from './fhir-types';
import { MappingProblem, problem } from './map-result';
import { MappingContext, resolveContext } from './mapping-context';
import { mapObservationsInSteps } from './observation-mapper';
import { mapQuestionnaireResponsesInSteps } from './questionnaire-response-mapper';
import { excerpt, isObject, list, text } from './read';
import { indexResources } from './references';
import { ScoreBatch } from './score-assembly';
import { Steps, runSteps } from './steps';

export function mapScores(
  observations: readonly Observation[],
  responses: readonly QuestionnaireResponse[],
  context?: MappingContext,
): ScoreBatch {
  return runSteps(mapScoresInSteps(observations, responses, context));
}

/** `mapScores`, pausing after each administration (see `steps.ts`). */
export function* mapScoresInSteps(
  observations: readonly Observation[],
  responses: readonly QuestionnaireResponse[],
  context?: MappingContext,
): Steps<ScoreBatch> {
  // One context object for both, so it is resolved once and their strings shared.
  const batch = context ?? {};
  const ctx = resolveContext(batch);
  const fromObservations = yield* mapObservationsInSteps(observations, batch);
  const fromResponses = yield* mapQuestionnaireResponsesInSteps(responses, batch);
  // Without scored responses, or without Observations derived from them, nothing is counted
  // twice: a program's ~150,000 scores are then not keyed one by one.
  const sources =
    fromResponses.items.length > 0
      ? derivedSources(observations, responses, ctx.index)
      : new Map<string, Set<string>>();
  const counted = new Set(
    sources.size > 0 ? fromObservations.items.map((s) => `${s.id}|${s.instrumentId}`) : [],
  );
  const duplicates: MappingProblem[] = [];
  const kept = fromResponses.items.filter((score) => {
    const observation = [...(sources.get(score.id) ?? [])].find((id) =>
      counted.has(`${id}|${score.instrumentId}`),
    );
    if (!observation) return true;
    const qr = list(responses).find((r) => isObject(r) && r.id === score.id);
    duplicates.push(
      problem(
        qr,
        'warning',
        `scored by Observation/${excerpt(observation, 64)}, which is derived from it: counted once`,
      ),
    );
    return false;
  });
  return {
    items: [...fromObservations.items, ...kept],
    rejected: [...fromObservations.rejected, ...fromResponses.rejected],
    warnings: [...fromObservations.warnings, ...fromResponses.warnings, ...duplicates],
    unscoredSafetyItems: [
      ...fromObservations.unscoredSafetyItems,
      ...fromResponses.unscoredSafetyItems,
    ],
  };
}

/** QuestionnaireResponse id → ids of the Observations derived from it. */
function derivedSources(
  observations: readonly Observation[],
  responses: readonly QuestionnaireResponse[],
  outer: ReturnType<typeof resolveContext>['index'],
): Map<string, Set<string>> {
  const index = indexResources(
    list(responses)
      .filter(isObject)
      .map((resource) => ({ resource })),
  );
  const sources = new Map<string, Set<string>>();
  for (const obs of list(observations).filter(isObject)) {
    const obsId = text(obs.id);
    for (const ref of list(obs.derivedFrom)) {
      const target = index.resolve(ref, obs) ?? outer.resolve(ref, obs);
      const qrId = target?.resourceType === 'QuestionnaireResponse' ? text(target.id) : undefined;
      if (qrId && obsId) sources.set(qrId, new Set([...(sources.get(qrId) ?? []), obsId]));
    }
  }
  return sources;
}
