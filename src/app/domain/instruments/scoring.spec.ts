import { instrumentById } from './instrument-catalogue';
import {
  reliableChangeIndex,
  reliableChangeThreshold,
  classifyReliableChange,
  thresholdFor,
} from './reliable-change';
import { isResponse, isRemission } from './response-remission';
import { improvementFromBaseline, isCase, validateScore } from './scoring';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const ders = instrumentById('ders-16')!;
const protective = instrumentById('bam-protective')!;
const pcl5 = instrumentById('pcl-5')!;

describe('scoring', () => {
  it('accepts whole scores in range and rejects the rest with a reason, never clamping', () => {
    expect(validateScore(phq9, 27)).toEqual({ ok: true, score: 27 });
    expect(validateScore(phq9, 0)).toEqual({ ok: true, score: 0 });
    expect(validateScore(phq9, 28)).toEqual({
      ok: false,
      reason: 'PHQ-9 score 28 is outside 0–27',
    });
    expect(validateScore(phq9, -1)).toEqual({
      ok: false,
      reason: 'PHQ-9 score -1 is outside 0–27',
    });
    expect(validateScore(phq9, 12.5)).toEqual({
      ok: false,
      reason: 'PHQ-9 score 12.5 is not a whole number',
    });
    expect(validateScore(phq9, '12')).toEqual({ ok: false, reason: 'PHQ-9 score is not a number' });
    expect(validateScore(phq9, Number.NaN).ok).toBeFalse();
    expect(validateScore(ders, 15)).toEqual({
      ok: false,
      reason: 'DERS-16 score 15 is outside 16–80',
    });
  });

  it('counts improvement positive whichever way a scale runs', () => {
    expect(improvementFromBaseline(phq9, 18, 9)).toBe(9);
    expect(improvementFromBaseline(phq9, 9, 18)).toBe(-9);
    expect(improvementFromBaseline(protective, 8, 16)).toBe(8);
  });

  it('judges caseness at the published cut-offs', () => {
    expect([isCase(phq9, 9), isCase(phq9, 10)]).toEqual([false, true]);
    expect([isCase(gad7, 7), isCase(gad7, 8)]).toEqual([false, true]);
    expect([isCase(protective, 12), isCase(protective, 13)]).toEqual([true, false]);
    expect(isCase(ders, 60)).toBeUndefined();
  });
});

describe('reliable change (Jacobson & Truax 1991)', () => {
  it('matches a hand-worked RCI', () => {
    // SD1 = 5, r = 0.84: SEdiff = 5 · √2 · √0.16 = 5 · 1.41421 · 0.4 = 2.82843.
    // From 20 to 12: RCI = −8 / 2.82843 = −2.82843 (reliable, |RCI| > 1.96).
    expect(reliableChangeIndex(20, 12, 5, 0.84)).toBeCloseTo(-2.82843, 4);
    // Threshold = 1.96 · 2.82843 = 5.54372 points.
    expect(reliableChangeThreshold(5, 0.84)).toBeCloseTo(5.54372, 4);
  });

  it('uses the fixed thresholds: a PHQ-9 drop of 6 is reliable, 5 is not', () => {
    expect(classifyReliableChange(phq9, 18, 12)).toBe('reliable-improvement');
    expect(classifyReliableChange(phq9, 18, 13)).toBe('no-reliable-change');
    expect(classifyReliableChange(phq9, 12, 18)).toBe('reliable-deterioration');
    expect(classifyReliableChange(phq9, 12, 17)).toBe('no-reliable-change');
    expect(classifyReliableChange(gad7, 14, 10)).toBe('reliable-improvement');
    expect(classifyReliableChange(gad7, 14, 11)).toBe('no-reliable-change');
    expect(classifyReliableChange(pcl5, 50, 35)).toBe('reliable-improvement');
    expect(classifyReliableChange(pcl5, 50, 36)).toBe('no-reliable-change');
  });

  it('computes the DERS-16 threshold from the configured SD and reliability', () => {
    // 1.96 · 14 · √2 · √0.08 = 10.976 points: 11 is reliable, 10 is not.
    expect(thresholdFor(ders)).toBeCloseTo(10.976, 2);
    expect(classifyReliableChange(ders, 60, 49)).toBe('reliable-improvement');
    expect(classifyReliableChange(ders, 60, 50)).toBe('no-reliable-change');
  });

  it('reads reliable change on higher-is-better scales the right way round, or not at all without a threshold', () => {
    expect(classifyReliableChange(protective, 8, 20)).toBeUndefined();
    const withThreshold = { ...protective, reliableChange: 5 };
    expect(classifyReliableChange(withThreshold, 8, 14)).toBe('reliable-improvement');
    expect(classifyReliableChange(withThreshold, 14, 8)).toBe('reliable-deterioration');
  });
});

describe('response and remission', () => {
  it('calls a 50 % drop a response', () => {
    expect(isResponse(phq9, 20, 10)).toBeTrue();
    expect(isResponse(phq9, 20, 11)).toBeFalse();
    expect(isResponse(phq9, 0, 0)).toBeUndefined();
    expect(isResponse(protective, 10, 20)).toBeUndefined();
    expect(isResponse(ders, 56, 36)).toBeTrue(); // (56 − 36) / (56 − 16) = 0.5
  });

  it('calls PHQ-9 below 5 a remission (HEDIS)', () => {
    expect([isRemission(phq9, 4), isRemission(phq9, 5)]).toEqual([true, false]);
    expect(isRemission(pcl5, 10)).toBeUndefined();
  });
});
