import { instrumentById } from '../instruments/instrument-catalogue';
import { ScoreRecord } from '../models';
import { measureSeries } from './measure-series';
import { describeMeasure } from './measure-summary';

const PHQ9 = instrumentById('phq-9')!;
const TZ = 'America/Chicago';

function phq(id: string, date: string, total: number): ScoreRecord {
  return { id, patientId: 'p1', instrumentId: 'phq-9', date, total };
}

describe('measureSeries', () => {
  const records = [
    phq('a', '2026-09-01', 22), // PHP, before the IOP episode's baseline window
    phq('b', '2026-09-29T09:00:00-05:00', 18), // 3 days before IOP starts: its baseline
    phq('c', '2026-10-06', 15),
    phq('d', '2026-11-17', 9),
    phq('x', '2026-10-13', 31), // out of range
    phq('y', 'not a date', 10),
    phq('z', '2026-12-30', 4), // after today
    { ...phq('g', '2026-10-20', 5), instrumentId: 'gad-7' },
  ];
  const series = measureSeries(PHQ9, records, {
    timeZone: TZ,
    today: '2026-11-28',
    episodeStart: '2026-10-02',
  });

  it('keeps every valid administration in day order, with its severity band', () => {
    expect(series.points.map((p) => [p.day, p.total, p.band?.label])).toEqual([
      ['2026-09-01', 22, 'Severe'],
      ['2026-09-29', 18, 'Moderately severe'],
      ['2026-10-06', 15, 'Moderately severe'],
      ['2026-11-17', 9, 'Mild'],
    ]);
  });

  it('sets aside out-of-range, undated and future scores with the reason', () => {
    expect(series.setAside.map((r) => r.item.id).sort()).toEqual(['x', 'y', 'z']);
    expect(series.setAside.find((r) => r.item.id === 'x')!.reason).toContain('outside 0–27');
  });

  it('reads change from the episode baseline (a score up to 7 days before the start)', () => {
    expect(series.baseline?.record.id).toBe('b');
    expect(series.latest?.record.id).toBe('d');
    expect(series.points.map((p) => p.changeFromBaseline)).toEqual([undefined, 0, -3, -9]);
    expect(series.points.map((p) => p.reliableChange)).toEqual([
      undefined,
      undefined,
      'no-reliable-change',
      'reliable-improvement',
    ]);
    expect(series.change).toBe('reliable-improvement');
  });

  it('has neither baseline nor change without an episode', () => {
    const loose = measureSeries(PHQ9, records, { timeZone: TZ, today: '2026-11-28' });
    expect(loose.baseline).toBeUndefined();
    expect(loose.latest).toBeUndefined();
    expect(loose.points.every((p) => p.changeFromBaseline === undefined)).toBeTrue();
  });

  it('has a baseline but no latest with a single score in the episode', () => {
    const one = measureSeries(PHQ9, [phq('b', '2026-10-02', 18)], {
      timeZone: TZ,
      today: '2026-11-28',
      episodeStart: '2026-10-02',
    });
    expect(one.baseline?.total).toBe(18);
    expect(one.latest).toBeUndefined();
    expect(one.change).toBeUndefined();
  });
});

describe('describeMeasure', () => {
  const options = { timeZone: TZ, today: '2026-11-28', episodeStart: '2026-10-02' };

  it('says how far the score moved, over how long, and whether reliably', () => {
    const series = measureSeries(
      PHQ9,
      [phq('b', '2026-10-02', 18), phq('d', '2026-11-20', 9)],
      options,
    );
    expect(describeMeasure(series)).toBe(
      'PHQ-9 fell from 18 to 9 over 7 weeks; reliable improvement; now mild',
    );
  });

  it('reports a rise and a flat line in days when under two weeks', () => {
    const rise = measureSeries(
      PHQ9,
      [phq('b', '2026-10-02', 12), phq('d', '2026-10-12', 19)],
      options,
    );
    expect(describeMeasure(rise)).toBe(
      'PHQ-9 rose from 12 to 19 over 10 days; reliable deterioration; now moderately severe',
    );
    const flat = measureSeries(
      PHQ9,
      [phq('b', '2026-10-02', 12), phq('d', '2026-10-03', 12)],
      options,
    );
    expect(describeMeasure(flat)).toBe(
      'PHQ-9 stayed at 12 over 1 day; no reliable change; now moderate',
    );
  });

  it('describes a lone baseline, history outside the episode, and no scores', () => {
    expect(describeMeasure(measureSeries(PHQ9, [phq('b', '2026-10-02', 18)], options))).toBe(
      'PHQ-9 baseline 18 (moderately severe) on 2 Oct 2026; no later score yet',
    );
    expect(describeMeasure(measureSeries(PHQ9, [phq('a', '2026-06-01', 7)], options))).toBe(
      'PHQ-9: 1 score, latest 7 (mild) on 1 Jun 2026; none in the current episode',
    );
    expect(describeMeasure(measureSeries(PHQ9, [], options))).toBe('PHQ-9: no scores yet');
  });
});
