import { DEFAULT_INSTRUMENTS, instrumentById } from '../instruments/instrument-catalogue';
import { Modality } from '../models';
import {
  DEFAULT_MODALITY_TARGETS,
  DOSE_RESPONSE_READING,
  modalityDoseResponse,
  outcomeByDose,
  targetInstruments,
} from './dose-response';
import { modalityMix, byModalityMix } from './modality-mix';
import { row } from './outcome-fixture';
import { groupRows } from './outcome-groups';

const phq9 = instrumentById('phq-9')!;

describe('modality mix', () => {
  const mix = (hours?: Partial<Record<Modality, number>>) =>
    modalityMix(row('m', undefined, hours ? { attendedHoursByModality: hours } : {}));

  it('names the modality with at least half the attended hours, else mixed', () => {
    expect(mix({ cbt: 6, 'dbt-skills': 4 })).toBe('cbt');
    // Exactly half is enough …
    expect(mix({ cbt: 5, 'dbt-skills': 3, family: 2 })).toBe('cbt');
    // … but two halves are a tie: neither dominates.
    expect(mix({ cbt: 5, 'dbt-skills': 5 })).toBe('mixed');
    expect(mix({ cbt: 4, 'dbt-skills': 3, family: 3 })).toBe('mixed');
    expect(mix({ 'trauma-focused': 1.5 })).toBe('trauma-focused');
  });

  it('has no mix without attended hours, and groups by it', () => {
    expect(mix({})).toBeUndefined();
    expect(mix()).toBeUndefined();
    expect(mix({ cbt: 0 })).toBeUndefined();
    const groups = groupRows(
      [
        row('a', undefined, { attendedHoursByModality: { cbt: 9 } }),
        row('b', undefined, { attendedHoursByModality: { cbt: 1, family: 1 } }),
        row('c'),
      ],
      byModalityMix,
    );
    expect([...groups.keys()]).toEqual(['cbt', 'mixed']);
  });
});

describe('outcome by dose (hours per week against the level minimum)', () => {
  // 70-day stays (10 weeks) unless said otherwise; IOP minimum 9 h, PHP 20 h.
  const rows = [
    row('r1', [20, 4], { attendedHours: 30 }), // 3 h/week: 33 %
    row('r2', [20, 12], { attendedHours: 63 }), // 6.3 h/week: 70 %
    row('r3', [20, 4], { attendedHours: 90 }), // 9 h/week: exactly 100 %
    row('r4', [16, 12], { attendedHours: 45 }), // 4.5 h/week: exactly 50 %
    row('r5', undefined, { attendedHours: 200 }, { level: 'php' }), // 20 h/week
    row('r6', [20, 4], {}, { level: 'outpatient' }),
    row('r7', [20, 4], { end: '2024-01-05' }), // 5 days
    row('r8', [20, 4], { end: undefined }, { status: 'active' }),
  ];
  const result = outcomeByDose(rows, phq9);
  const band = (i: number) => result.bands[i];

  it('bands episodes by share of the minimum: < 50 %, 50–99 %, >= 100 %', () => {
    expect(result.bands.map((b) => [b.band.id, b.episodeIds])).toEqual([
      ['below-half', ['r1']],
      ['half-to-minimum', ['r2', 'r4']],
      ['at-or-above-minimum', ['r3', 'r5']],
    ]);
    expect(result.noMinimum).toEqual(['r6']);
    expect(result.tooShort).toEqual(['r7']);
    expect(result.reading).toBe(DOSE_RESPONSE_READING);
  });

  it('gives each band its response and reliable-improvement rates and mean improvement', () => {
    expect([band(1).n, band(1).response.value.successes, band(1).response.value.n]).toEqual([
      2, 0, 2,
    ]);
    expect(band(1).reliableImprovement.members).toEqual({
      denominator: ['r2', 'r4'],
      numerator: ['r2'],
    });
    expect(band(1).meanImprovement).toBe(6);
    // r5 has no scores: in the band's n, outside its rates.
    expect([band(2).n, band(2).measured, band(2).response.value.n]).toEqual([2, 1, 1]);
    expect(band(0).meanImprovement).toBe(16);
  });

  it('uses the program’s own minimum where it sets one', () => {
    const lower = outcomeByDose(rows, phq9, { iop: 6 });
    expect(lower.bands[1].episodeIds).toEqual(['r1', 'r4']);
    expect(lower.bands[2].episodeIds).toEqual(['r2', 'r3', 'r5']);
  });
});

describe('modality participation against its target measure', () => {
  const trauma = (id: string, sessions: number, pair?: [number, number], status = 'finished') =>
    row(
      id,
      undefined,
      {
        attendedByModality: sessions ? { 'trauma-focused': sessions } : {},
        ...(pair ? { measures: { 'pcl-5': { baseline: pair[0], final: pair[1] } } } : {}),
      },
      { status: status as 'finished' | 'active' },
    );
  const rows = [
    trauma('m1', 0, [50, 30]), // −20: reliable (PCL-5: 15)
    trauma('m2', 3, [50, 40]),
    trauma('m3', 5, [60, 40]),
    trauma('m4', 6, [45, 50]),
    trauma('m5', 12, [70, 40]),
    trauma('m6', 8), // no PCL-5 pair
    trauma('m7', 8, [70, 40], 'active'),
    row('b1', undefined, {
      attendedByModality: { 'mi-relapse-prevention': 2 },
      measures: { 'bam-use': { baseline: 3, final: 0 } },
    }),
  ];
  const result = modalityDoseResponse(rows, DEFAULT_INSTRUMENTS);
  const of = (modality: Modality) => result.find((r) => r.modality === modality)!;

  it('splits episodes with a target-measure pair by sessions attended: none, 1–5, 6+', () => {
    const pcl = of('trauma-focused');
    expect(pcl.instrumentId).toBe('pcl-5');
    expect(pcl.bands.map((b) => [b.band.label, b.episodeIds, b.meanChange])).toEqual([
      ['None', ['m1'], 20],
      ['1–5 sessions', ['m2', 'm3'], 15],
      ['6 or more', ['m4', 'm5'], 12.5],
    ]);
    expect(pcl.bands[2].reliableImprovement.members).toEqual({
      denominator: ['m4', 'm5'],
      numerator: ['m5'],
    });
    expect(pcl.reading.kind).toBe('association-not-cause');
  });

  it('reports mean change without a rate where the measure has no reliable-change threshold', () => {
    const bam = of('mi-relapse-prevention').bands[1];
    expect([bam.n, bam.meanChange, bam.reliableImprovement.value.n]).toEqual([1, 3, 0]);
    expect(of('cbt').bands.every((b) => b.n === 0)).toBeTrue();
  });

  it('targets instruments that list the modality, and skips targets not configured', () => {
    for (const [modality, id] of Object.entries(DEFAULT_MODALITY_TARGETS))
      expect(instrumentById(id!)!.modalities)
        .withContext(id!)
        .toContain(modality as Modality);
    expect(targetInstruments(DEFAULT_INSTRUMENTS).map((i) => i.id)).toEqual([
      'phq-9',
      'pcl-5',
      'ders-16',
      'bam-use',
    ]);
    expect(modalityDoseResponse(rows, [instrumentById('pcl-5')!]).map((r) => r.modality)).toEqual([
      'trauma-focused',
    ]);
  });
});
