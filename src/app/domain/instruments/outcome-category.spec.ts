import { instrumentById } from './instrument-catalogue';
import { instrumentOutcome, outcomeCategory, pairedOutcome } from './outcome-category';
import { safetySignalsIn } from './safety-signal';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const pcl5 = instrumentById('pcl-5')!;
const ders = instrumentById('ders-16')!;
const cssrs = instrumentById('c-ssrs')!;

describe('NHS Talking Therapies outcomes, one instrument', () => {
  it('recovered: at caseness, reliable drop, below caseness at the end', () => {
    const flags = instrumentOutcome(phq9, { baseline: 16, final: 8 });
    expect(flags).toEqual({
      atCasenessAtStart: true,
      recovery: true,
      reliableImprovement: true,
      reliableRecovery: true,
      reliableDeterioration: false,
    });
    expect(outcomeCategory(flags)).toBe('recovered');
  });

  it('keeps clients below caseness at the start out of the recovery denominator', () => {
    const flags = instrumentOutcome(phq9, { baseline: 9, final: 2 });
    expect(flags.recovery).toBeUndefined();
    expect(flags.reliableRecovery).toBeUndefined();
    expect(flags.reliableImprovement).toBeTrue();
    expect(outcomeCategory(flags)).toBe('improved');
  });

  it('improved: reliable drop that stays at caseness', () => {
    const flags = instrumentOutcome(phq9, { baseline: 24, final: 17 });
    expect([flags.recovery, flags.reliableImprovement]).toEqual([false, true]);
    expect(outcomeCategory(flags)).toBe('improved');
  });

  it('no change: below caseness at the end without a reliable drop', () => {
    const flags = instrumentOutcome(phq9, { baseline: 11, final: 8 });
    expect([flags.recovery, flags.reliableImprovement, flags.reliableRecovery]).toEqual([
      true,
      false,
      false,
    ]);
    expect(outcomeCategory(flags)).toBe('no-change');
  });

  it('deteriorated: a reliable rise', () => {
    const flags = instrumentOutcome(phq9, { baseline: 10, final: 16 });
    expect(flags.reliableDeterioration).toBeTrue();
    expect(outcomeCategory(flags)).toBe('deteriorated');
  });

  it('not enough data without a threshold or scores', () => {
    expect(outcomeCategory(undefined)).toBe('not-enough-data');
    expect(
      outcomeCategory(
        instrumentOutcome(instrumentById('bam-protective')!, { baseline: 8, final: 20 }),
      ),
    ).toBe('not-enough-data');
  });

  it('marks PCL-5 change clinically significant only when reliable and ending at or below 28', () => {
    expect(instrumentOutcome(pcl5, { baseline: 50, final: 28 }).clinicallySignificant).toBeTrue();
    expect(instrumentOutcome(pcl5, { baseline: 50, final: 29 }).clinicallySignificant).toBeFalse();
    expect(instrumentOutcome(pcl5, { baseline: 40, final: 28 }).clinicallySignificant).toBeFalse();
    expect(
      instrumentOutcome(ders, { baseline: 60, final: 40 }).clinicallySignificant,
    ).toBeUndefined();
  });
});

describe('NHS Talking Therapies outcomes, PHQ-9 + GAD-7 paired', () => {
  const pair = (p: [number, number], g: [number, number]) =>
    pairedOutcome(
      { instrument: phq9, scores: { baseline: p[0], final: p[1] } },
      { instrument: gad7, scores: { baseline: g[0], final: g[1] } },
    );

  it('counts caseness at the start on either measure', () => {
    expect(pair([9, 3], [9, 2]).atCasenessAtStart).toBeTrue();
    expect(pair([9, 3], [7, 2]).atCasenessAtStart).toBeFalse();
    expect(pair([9, 3], [7, 2]).recovery).toBeUndefined();
  });

  it('needs both measures below caseness for recovery', () => {
    expect(pair([15, 8], [12, 6]).recovery).toBeTrue();
    expect(pair([15, 8], [12, 9]).recovery).toBeFalse();
  });

  it('improves on a reliable drop on one measure with no reliable rise on the other', () => {
    const flags = pair([15, 8], [10, 9]);
    expect(flags.reliableImprovement).toBeTrue();
    expect(flags.reliableRecovery).toBeFalse();
    expect(outcomeCategory(flags)).toBe('improved');
    expect(outcomeCategory(pair([16, 8], [12, 6]))).toBe('recovered');
  });

  it('deteriorates on a reliable rise on either measure, even with a drop on the other', () => {
    const flags = pair([18, 10], [6, 11]);
    expect(flags.reliableDeterioration).toBeTrue();
    expect(flags.reliableImprovement).toBeFalse();
    expect(outcomeCategory(flags)).toBe('deteriorated');
  });
});

describe('safety signals', () => {
  const score = (instrumentId: string, total: number, items: Record<string, number>) => ({
    id: 's1',
    patientId: 'p1',
    instrumentId,
    date: '2026-03-02',
    total,
    items,
  });

  it('raises one for any PHQ-9 item 9 above 0, and none at 0 or when items are missing', () => {
    expect(safetySignalsIn(phq9, score('phq-9', 12, { '9': 1 }))[0].reason).toBe(
      'PHQ-9 item 9 (thoughts of self-harm) scored 1',
    );
    expect(safetySignalsIn(phq9, score('phq-9', 26, { '9': 0 }))).toEqual([]);
    expect(safetySignalsIn(phq9, { ...score('phq-9', 26, {}), items: undefined })).toEqual([]);
  });

  it('raises C-SSRS signals for intent, plan or recent behaviour, and for a moderate or high risk level', () => {
    expect(safetySignalsIn(cssrs, score('c-ssrs', 3, { '4': 1 })).map((s) => s.reason)).toEqual([
      'C-SSRS: suicidal ideation with intent or plan',
    ]);
    expect(
      safetySignalsIn(cssrs, score('c-ssrs', 3, { '6': 1, '6a': 1 })).map((s) => s.reason),
    ).toEqual(['C-SSRS: suicidal behaviour in the past 3 months']);
    expect(safetySignalsIn(cssrs, score('c-ssrs', 1, { '6': 1, '6a': 0 }))).toEqual([]);
    expect(safetySignalsIn(cssrs, score('c-ssrs', 2, {}))[0].reason).toBe(
      'C-SSRS screen at moderate risk',
    );
    expect(safetySignalsIn(cssrs, score('c-ssrs', 0, {}))).toEqual([]);
    expect(safetySignalsIn(gad7, score('gad-7', 21, { '7': 3 }))).toEqual([]);
  });
});
