import {
  DEFAULT_FILTERS,
  filtersFromParams,
  matchRows,
  orderRows,
  paramsFromFilters,
  visibleRows,
} from './caseload-filters';
import { caseload } from './caseload-fixture';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('caseload filters', () => {
  it('round-trip through the URL, leaving defaults out', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      q: 'ash',
      flag: 'safety' as const,
      level: 'iop' as const,
      sort: 'score' as const,
      dir: 'desc' as const,
    };
    const params = paramsFromFilters(filters);
    expect(params).toEqual({ q: 'ash', flag: 'safety', level: 'iop', sort: 'score', dir: 'desc' });
    expect(filtersFromParams(params)).toEqual(filters);
    expect(paramsFromFilters(DEFAULT_FILTERS)).toEqual({});
  });

  it('ignore values from a hand-edited URL that mean nothing', () => {
    expect(filtersFromParams({ flag: 'bogus', level: 'spa', sort: 'x', dir: 'up' })).toEqual(
      DEFAULT_FILTERS,
    );
  });

  it('order by need by default: safety first, then red, then the rest', () => {
    const rows = visibleRows(caseload(), DEFAULT_FILTERS);
    expect(rows[0].name).toBe('Cedar Mossbank');
    expect(rows[0].attention.flags[0].kind).toBe('safety');
    expect(rows[1].name).toBe('Briar Quillfeather');
    expect(rows[1].attention.tier).toBe(1);
  });

  it('never hide a safety signal behind a search or a quick filter', () => {
    const search = visibleRows(caseload(), { ...DEFAULT_FILTERS, q: 'dune' });
    expect(names(search)).toEqual(['Cedar Mossbank', 'Dune Larkspur']);
    const php = visibleRows(caseload(), { ...DEFAULT_FILTERS, level: 'php' });
    expect(names(php)).toEqual(['Cedar Mossbank', 'Elm Thistledown']);
  });

  it('keep safety first under any sort, and sort the rest', () => {
    const byName = visibleRows(caseload(), { ...DEFAULT_FILTERS, sort: 'name', dir: 'desc' });
    expect(names(byName)).toEqual([
      'Cedar Mossbank',
      'Elm Thistledown',
      'Dune Larkspur',
      'Briar Quillfeather',
      'Ash Fernhollow',
    ]);
    const byScore = visibleRows(caseload(), { ...DEFAULT_FILTERS, sort: 'score' });
    expect(byScore.slice(1).map((r) => r.attention.latest?.score)).toEqual([7, 9, 20, 21]);
  });

  it('scope a director’s view to a therapist or program', () => {
    expect(names(visibleRows(caseload(), { ...DEFAULT_FILTERS, therapist: 't2' }))).toEqual([
      'Elm Thistledown',
    ]);
    expect(
      names(
        visibleRows(caseload(), {
          ...DEFAULT_FILTERS,
          program: 'adult-iop',
          flag: 'missed-sessions',
        }),
      ),
    ).toEqual(['Cedar Mossbank', 'Dune Larkspur']);
  });

  it('narrow rows already in order, so a keystroke neither scopes nor sorts again', () => {
    const byName = orderRows(caseload(), { sort: 'name', dir: 'desc' });
    expect(byName.map((o) => o.nameKey)).toEqual([
      'cedar mossbank',
      'elm thistledown',
      'dune larkspur',
      'briar quillfeather',
      'ash fernhollow',
    ]);
    const keys = ['', 'E', 'el', 'elm ', ' DUNE', 'zz'];
    for (const q of keys) {
      const filters = { ...DEFAULT_FILTERS, q, sort: 'name' as const, dir: 'desc' as const };
      expect(matchRows(byName, filters)).toEqual(visibleRows(caseload(), filters));
    }
    expect(names(matchRows(byName, { q: ' DUNE', level: null, flag: null }))).toEqual([
      'Cedar Mossbank',
      'Dune Larkspur',
    ]);
    expect(names(matchRows(byName, { q: 'zz', level: null, flag: null }))).toEqual([
      'Cedar Mossbank',
    ]);
  });
});
