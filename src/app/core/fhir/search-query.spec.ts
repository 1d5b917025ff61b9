import { encodeQuery, splitLongestOrList, toQueryParams } from './search-query';

describe('search queries', () => {
  it('joins arrays as OR lists, escaping commas inside values, and repeats includes and allOf', () => {
    const query = toQueryParams({
      code: ['http://loinc.org|44261-6', 'a,b'],
      status: 'active',
      _count: 50,
      _include: ['EpisodeOfCare:patient', 'EpisodeOfCare:care-manager'],
      date: { allOf: ['ge2025-01-01', 'lt2025-02-01'] },
    });
    expect(encodeQuery(query)).toBe(
      'code=http://loinc.org%7C44261-6,a%5C,b&status=active&_count=50' +
        '&_include=EpisodeOfCare:patient&_include=EpisodeOfCare:care-manager' +
        '&date=ge2025-01-01&date=lt2025-02-01',
    );
  });

  it('encodes reserved characters other than , : /', () => {
    expect(encodeQuery(toQueryParams({ name: 'O&Brien =+ é' }))).toBe(
      'name=O%26Brien%20%3D%2B%20%C3%A9',
    );
  });

  it('splits the longest OR list into queries within the limit, keeping the other parameters', () => {
    const ids = Array.from({ length: 31 }, (_, i) => `id-${String(i).padStart(3, '0')}`);
    const query = toQueryParams({ status: 'active', _id: ids, code: ['x', 'y'] });
    const chunks = splitLongestOrList(query, 100)!;
    const encoded = chunks.map(encodeQuery);
    for (const q of encoded) {
      expect(q.length).toBeLessThanOrEqual(100);
      expect(q).toMatch(/^status=active&_id=[^&]+&code=x,y$/);
    }
    const rejoined = chunks.flatMap((c) => c[1].values);
    expect(rejoined).toEqual(ids);
    // status=active&_id=&code=x,y is 27 characters; ids add 6, then 7 with the comma: 10 fit.
    expect(chunks.map((c) => c[1].values.length)).toEqual([10, 10, 10, 1]);
  });

  it('has nothing to split without an OR list', () => {
    expect(splitLongestOrList(toQueryParams({ name: 'x'.repeat(500) }), 100)).toBeUndefined();
  });
});
