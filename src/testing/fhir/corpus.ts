/** The whole corpus, and typed access to one entry for the mapper specs. */
import { CARE_CORPUS } from './care-corpus';
import { CorpusEntry } from './corpus-entry';
import { EPISODE_CORPUS } from './episode-corpus';
import { LIBRARY_CORPUS } from './library-corpus';
import { OBSERVATION_CORPUS } from './observation-corpus';
import { PEOPLE_CORPUS } from './people-corpus';
import { QUESTIONNAIRE_RESPONSE_CORPUS } from './questionnaire-response-corpus';
import { SESSION_CORPUS } from './session-corpus';

export * from './corpus-entry';

export const CORPUS: readonly CorpusEntry[] = [
  ...OBSERVATION_CORPUS,
  ...QUESTIONNAIRE_RESPONSE_CORPUS,
  ...SESSION_CORPUS,
  ...EPISODE_CORPUS,
  ...CARE_CORPUS,
  ...PEOPLE_CORPUS,
  ...LIBRARY_CORPUS,
];

export function corpusEntry(name: string): CorpusEntry {
  const entry = CORPUS.find((e) => e.name === name);
  if (!entry) throw new Error(`no corpus entry "${name}"`);
  return entry;
}

/**
 * One entry's resource as the FHIR type a mapper takes. The corpus is untyped JSON on purpose —
 * it holds wrong types too — so this is the one place it is cast.
 */
export function corpusResource<T extends { resourceType: string }>(name: string): T {
  return corpusEntry(name).resource as unknown as T;
}

/** Several entries' resources, for the batch mappers. */
export function corpusResources<T extends { resourceType: string }>(...names: string[]): T[] {
  return names.map((name) => corpusResource<T>(name));
}
