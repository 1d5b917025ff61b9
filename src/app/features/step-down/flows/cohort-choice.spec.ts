import { cohortFromParams, cohortParams } from './cohort-choice';

describe('cohort choice in the URL', () => {
  const today = '2026-11-28';

  it('defaults to admissions in the year up to today, all programs', () => {
    expect(cohortFromParams({}, today)).toEqual({ from: '2025-11-29', to: '2026-11-28' });
  });

  it('reads a period and a program, and ignores what is not a date', () => {
    expect(
      cohortFromParams(
        { admittedFrom: '2026-03-01', admittedTo: '2026-05-31', cohortProgram: 'adult-iop' },
        today,
      ),
    ).toEqual({ from: '2026-03-01', to: '2026-05-31', programId: 'adult-iop' });
    expect(cohortFromParams({ admittedFrom: 'March', admittedTo: '2026-13-45' }, today)).toEqual({
      from: '2025-11-29',
      to: '2026-11-28',
    });
  });

  it('puts a reversed period the right way round', () => {
    expect(
      cohortFromParams({ admittedFrom: '2026-06-01', admittedTo: '2026-03-01' }, today),
    ).toEqual({ from: '2026-03-01', to: '2026-06-01' });
  });

  it('writes only what differs from the defaults', () => {
    expect(cohortParams({ from: '2025-11-29', to: '2026-11-28' }, today)).toEqual({
      admittedFrom: null,
      admittedTo: null,
      cohortProgram: null,
    });
    expect(cohortParams({ from: '2026-03-01', to: '2026-11-28', programId: 'p' }, today)).toEqual({
      admittedFrom: '2026-03-01',
      admittedTo: null,
      cohortProgram: 'p',
    });
  });
});
