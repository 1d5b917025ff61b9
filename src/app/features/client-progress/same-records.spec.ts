import { ClientRecords } from '../caseload/caseload-row';
import { progressRecords } from './client-progress-fixture';
import { sameRecords } from './same-records';

/** A deep copy: the same records as new objects, as a later load brings them. */
function copy(records: ClientRecords): ClientRecords {
  return JSON.parse(JSON.stringify(records)) as ClientRecords;
}

describe('sameRecords', () => {
  it('holds for the same records as new objects, in the same order', () => {
    const a = progressRecords();
    expect(sameRecords(a, copy(a))).toBeTrue();
  });

  it('holds for the same records in another order', () => {
    const a = progressRecords();
    const b = copy(a);
    const reordered: ClientRecords = {
      ...b,
      episodes: [...b.episodes].reverse(),
      sessions: [...b.sessions.slice(5), ...b.sessions.slice(0, 5)],
    };
    expect(sameRecords(a, reordered)).toBeTrue();
  });

  it('sees a changed record wherever it sits', () => {
    const a = progressRecords();
    const b = copy(a);
    const [first, ...rest] = b.sessions;
    const moved: ClientRecords = {
      ...b,
      sessions: [...rest, { ...first, status: first.status === 'missed' ? 'attended' : 'missed' }],
    };
    expect(sameRecords(a, moved)).toBeFalse();
  });

  it('sees a record replaced by another, a record more or less, and a missing reading', () => {
    const a = progressRecords();
    const b = copy(a);
    const [first, ...rest] = b.scores;
    expect(sameRecords(a, { ...b, scores: [...rest, { ...first, id: 'other' }] })).toBeFalse();
    expect(sameRecords(a, { ...b, scores: rest })).toBeFalse();
    expect(sameRecords(a, { ...b, scores: [...b.scores, { ...first, id: 'more' }] })).toBeFalse();
    expect(sameRecords(a, undefined)).toBeFalse();
    expect(sameRecords(undefined, undefined)).toBeTrue();
  });

  it('compares lists with a repeated id only in order', () => {
    const a = progressRecords();
    const [s1, s2] = a.sessions;
    const twice = { ...s2, id: s1.id };
    const withRepeat: ClientRecords = { ...a, sessions: [s1, twice] };
    expect(sameRecords(withRepeat, { ...copy(a), sessions: [s1, { ...twice }] })).toBeTrue();
    expect(sameRecords(withRepeat, { ...copy(a), sessions: [{ ...twice }, s1] })).toBeFalse();
  });
});
