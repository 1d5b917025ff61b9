import { jsonMembers } from './json-members';

describe('jsonMembers', () => {
  it('finds each top-level member of JSON.stringify text, whatever its values hold', () => {
    const value = {
      resourceType: 'Observation',
      'key "quoted" \\ and \u00e9': 1,
      text: {
        div: '<div>a "quote", a \\ backslash\\\\", braces {[}] and \\u escapes \u2028</div>',
      },
      '12': 'an index-like key',
      nested: [[{ a: [] }, {}], [], [-1.5e-7, 0, 3]],
      flags: [true, false, null],
      empty: {},
      last: '\\',
    };
    const json = JSON.stringify(value);
    expect(jsonMembers(json).map(({ key, start, end }) => [key, json.slice(start, end)])).toEqual(
      Object.entries(value).map(([key, v]) => [key, JSON.stringify(v)]),
    );
    expect(jsonMembers('{}')).toEqual([]);
    expect(jsonMembers('{"a":1}')).toEqual([{ key: 'a', start: 5, end: 6 }]);
  });

  it('refuses text JSON.stringify does not write rather than misreading it', () => {
    for (const text of [
      '',
      '[]',
      '{ "a": 1 }',
      '{"a":1',
      '{"a":1}x',
      '{"a":"x}',
      '{"a":}',
      '{a:1}',
    ])
      expect(() => jsonMembers(text))
        .withContext(text)
        .toThrowError(/not a JSON object/);
  });
});
