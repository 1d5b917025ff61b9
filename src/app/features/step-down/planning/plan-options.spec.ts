import {
  COMMON_REASONS,
  directionOf,
  plannedAnnouncement,
  targetGroups,
  transitionName,
} from './plan-options';

describe('plan options', () => {
  const labels = (level: Parameters<typeof targetGroups>[0]) =>
    targetGroups(level).map((g) => [g.label, g.options.map((o) => o.label)]);

  it('offers lower levels as step-downs and higher ones as step-ups, nearest first, never the same level', () => {
    expect(labels('iop')).toEqual([
      ['Step down', ['Step-down to Outpatient (weekly)', 'Step-down to Aftercare']],
      [
        'Step up',
        ['Step-up to Partial hospitalization', 'Step-up to Residential', 'Step-up to Inpatient'],
      ],
    ]);
  });

  it('offers only step-ups from aftercare and only step-downs from inpatient', () => {
    expect(labels('aftercare').map(([label]) => label)).toEqual(['Step up']);
    expect(labels('inpatient').map(([label]) => label)).toEqual(['Step down']);
    expect(targetGroups('inpatient')[0].options.map((o) => o.level)).toEqual([
      'residential',
      'php',
      'iop',
      'outpatient',
      'aftercare',
    ]);
  });

  it('names directions and transitions with the short labels the board and journey use', () => {
    expect(directionOf('iop', 'outpatient')).toBe('step-down');
    expect(directionOf('iop', 'php')).toBe('step-up');
    expect(transitionName('php', 'iop')).toBe('Step-down to IOP');
    expect(transitionName('outpatient', 'php')).toBe('Step-up to PHP');
    expect(plannedAnnouncement(true, 'outpatient', '2026-12-12')).toBe(
      'Step-down to Outpatient planned for 12 Dec 2026',
    );
    expect(plannedAnnouncement(false, 'php', '2027-01-04')).toBe(
      'Step-up to PHP planned for 4 Jan 2027',
    );
  });

  it('suggests reasons per direction', () => {
    expect(COMMON_REASONS['step-down']).toContain('Treatment goals met');
    expect(COMMON_REASONS['step-up']).toContain('Safety concern');
  });
});
