import { BreakdownRowView, RateCellView } from '../outcomes-view-model';
import { sortBreakdown } from './breakdown-sort';

const cell = (rate: number | undefined): RateCellView => ({ rate, text: '', n: 10 });

const row = (label: string, n: number, response: number | undefined): BreakdownRowView => ({
  key: label,
  label,
  n,
  small: n < 10,
  rates: {
    completion: cell(0.5),
    response: cell(response),
    remission: cell(0.2),
    reliableImprovement: cell(0.4),
    reliableDeterioration: cell(0.05),
  },
  meanImprovement: response === undefined ? undefined : response * 10,
  adjusted: undefined,
  adjustedText: '',
});

describe('sortBreakdown', () => {
  const rows = [
    row('Birch', 30, 0.4),
    row('Tiny', 4, 0.9),
    row('Ash', 25, 0.6),
    row('Cedar', 12, undefined),
    row('Alder', 6, 0.1),
  ];
  const labels = (r: BreakdownRowView[]) => r.map((x) => x.label);

  it('ranks the large groups and keeps small ones after them, by name', () => {
    expect(labels(sortBreakdown(rows, 'response', 'desc'))).toEqual([
      'Ash',
      'Birch',
      'Cedar',
      'Alder',
      'Tiny',
    ]);
    expect(labels(sortBreakdown(rows, 'response', 'asc'))).toEqual([
      'Birch',
      'Ash',
      'Cedar',
      'Alder',
      'Tiny',
    ]);
  });

  it('does not rank a group on a rate whose own denominator is under 10', () => {
    const thin = {
      ...row('Thin', 30, 0.95),
      rates: { ...row('Thin', 30, 0.95).rates, response: { rate: 0.95, text: '', n: 4 } },
    };
    expect(labels(sortBreakdown([...rows, thin], 'response', 'desc'))).toEqual([
      'Ash',
      'Birch',
      'Cedar',
      'Alder',
      'Thin',
      'Tiny',
    ]);
    expect(labels(sortBreakdown([...rows, thin], 'n', 'desc'))[0]).toBe('Birch');
  });

  it('sorts by name or size, and by name when no direction is chosen', () => {
    expect(labels(sortBreakdown(rows, 'n', 'desc'))).toEqual([
      'Birch',
      'Ash',
      'Cedar',
      'Alder',
      'Tiny',
    ]);
    expect(labels(sortBreakdown(rows, 'label', 'desc'))).toEqual([
      'Cedar',
      'Birch',
      'Ash',
      'Alder',
      'Tiny',
    ]);
    expect(labels(sortBreakdown(rows, 'response', ''))).toEqual([
      'Ash',
      'Birch',
      'Cedar',
      'Alder',
      'Tiny',
    ]);
  });
});
