/** The expected-recovery-curves Library: well formed, and broken in the ways a payload breaks. */
import { encodeBase64Utf8 } from '../../app/domain/recovery/base64-utf8';
import { CorpusEntry, JsonObject, variant } from './corpus-entry';

const URL = 'https://waypoint.example.org/fhir/Library/expected-recovery-curves';

const curves = {
  format: 'waypoint-recovery-curves',
  version: 1,
  generated: '2024-05-01T06:00:00Z',
  minEpisodes: 20,
  curves: [
    {
      instrumentId: 'phq-9',
      band: 'Moderate',
      source: 'program',
      episodes: 31,
      points: [
        { week: 1, expected: 1.5, amberBelow: 0, redBelow: -2, n: 28 },
        { week: 2, expected: 3, amberBelow: 1, redBelow: -1, n: 25 },
      ],
    },
    { instrumentId: 'gad-7', band: 'Mild', source: 'guess', episodes: 2, points: [] },
  ],
};

function library(
  id: string,
  content: readonly JsonObject[],
  overrides: JsonObject = {},
): JsonObject {
  return {
    resourceType: 'Library',
    id,
    url: URL,
    name: 'ExpectedRecoveryCurves',
    status: 'active',
    type: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/library-type', code: 'asset-collection' },
      ],
    },
    content,
    ...overrides,
  };
}

export const LIBRARY_CORPUS: readonly CorpusEntry[] = [
  variant(
    'library-waypoint-curves',
    'profile Library with one good curve and one malformed curve',
    library('expected-recovery-curves', [
      { contentType: 'text/plain', data: encodeBase64Utf8('not the curves') },
      {
        contentType: 'application/json; charset=utf-8',
        data: encodeBase64Utf8(JSON.stringify(curves)),
      },
    ]),
  ),
  variant(
    'library-not-json',
    'the data is base64 of text that is not JSON',
    library('lib-notjson', [
      { contentType: 'application/json', data: encodeBase64Utf8('{"format": "waypoint-recovery-') },
    ]),
  ),
  variant(
    'library-wrong-version',
    'a payload of a newer version',
    library('lib-v2', [
      {
        contentType: 'application/json',
        data: encodeBase64Utf8(JSON.stringify({ ...curves, version: 2 })),
      },
    ]),
  ),
  variant(
    'library-no-content',
    'no content, a draft, under another url',
    library('lib-empty', [], {
      status: 'draft',
      url: 'https://ehr.example.org/Library/other',
    }),
  ),
];
