import { Transition } from './journey';
import { isReadmission } from './readmission';

function move(overrides: Partial<Transition>): Transition {
  return { kind: 'step-up', from: 'iop', to: 'php', day: '2026-10-01', gapDays: 0, ...overrides };
}

describe('isReadmission', () => {
  it('is a return after a discharge, whatever the level', () => {
    expect(isReadmission(move({ reason: 'completed', gapDays: 20 }))).toBeTrue();
    expect(isReadmission(move({ kind: 'step-down', reason: 'left-early' }))).toBeTrue();
  });

  it('is not a planned step, even with a few days between the stays', () => {
    expect(isReadmission(move({ reason: 'stepped-up', gapDays: 2 }))).toBeFalse();
    expect(isReadmission(move({ kind: 'step-down', reason: 'stepped-down' }))).toBeFalse();
  });

  it('is a return after more than a week out of care even without an end reason', () => {
    expect(isReadmission(move({ gapDays: 7 }))).toBeFalse();
    expect(isReadmission(move({ gapDays: 8 }))).toBeTrue();
  });

  it('never calls the first admission or a discharge a readmission', () => {
    expect(isReadmission(move({ kind: 'admission', reason: 'completed' }))).toBeFalse();
    expect(isReadmission(move({ kind: 'discharge', reason: 'completed' }))).toBeFalse();
  });
});
