import { stay } from './outcome-fixture';
import { followUpEvents, programStays } from './program-stays';

const noProgram = { programId: undefined };

describe('program stays (admissions and exits)', () => {
  const rows = [
    // p1: PHP → IOP → outpatient, each a planned step the next day: one stay.
    stay('p1-php', 'p1', 'php', '2024-01-01', '2024-01-14', 'stepped-down'),
    stay('p1-op', 'p1', 'outpatient', '2024-03-11', '2024-05-31', 'completed'),
    stay('p1-iop', 'p1', 'iop', '2024-01-15', '2024-03-10', 'stepped-down'),
    // p2: completed, back 2 days later: a readmission, so a new admission and an exit.
    stay('p2-a', 'p2', 'iop', '2024-01-01', '2024-01-31', 'completed'),
    stay('p2-b', 'p2', 'iop', '2024-02-03', '2024-03-01', 'left-early'),
    // p3: stepped up to an inpatient unit outside the program for 7 days, then back: one stay.
    stay('p3-a', 'p3', 'iop', '2024-01-01', '2024-01-31', 'stepped-up'),
    stay('p3-in', 'p3', 'inpatient', '2024-02-01', '2024-02-07', 'stepped-down', {}, noProgram),
    stay('p3-b', 'p3', 'iop', '2024-02-08'),
    // p4: a step-down 8 days out of care: beyond the 7-day gap, a new stay.
    stay('p4-a', 'p4', 'iop', '2024-01-01', '2024-01-31', 'stepped-down'),
    stay('p4-b', 'p4', 'outpatient', '2024-02-09', '2024-03-31', 'completed'),
    // p5: completed while an overlapping outpatient episode had begun: still in the program.
    stay('p5-a', 'p5', 'iop', '2024-01-01', '2024-02-28', 'completed'),
    stay('p5-b', 'p5', 'outpatient', '2024-02-20', '2024-03-31', 'completed'),
    // p6: moves to program B the next day: a stay in each program.
    stay('p6-a', 'p6', 'iop', '2024-01-01', '2024-01-31', 'transferred'),
    stay('p6-b', 'p6', 'iop', '2024-02-01', undefined, undefined, {}, { programId: 'B' }),
    // Planned and cancelled episodes are not stays.
    stay('p7-a', 'p7', 'iop', '2024-04-01', undefined, undefined, {}, { status: 'planned' }),
    stay('p7-b', 'p7', 'iop', '2024-01-01', '2024-01-02', undefined, {}, { status: 'cancelled' }),
  ];
  const stays = programStays(rows);
  const summary = stays.map((s) => [
    s.episodeIds.join('+'),
    s.start,
    s.end ?? 'open',
    s.last.episode.id,
  ]);

  it('joins level changes within 7 days into one stay, in start order', () => {
    expect(summary).toContain(['p1-php+p1-iop+p1-op', '2024-01-01', '2024-05-31', 'p1-op']);
    expect(summary).toContain(['p3-a+p3-b', '2024-01-01', 'open', 'p3-b']);
    expect(summary).toContain(['p5-a+p5-b', '2024-01-01', '2024-03-31', 'p5-b']);
  });

  it('starts a new stay after a discharge reason or more than 7 days out of care', () => {
    expect(summary).toContain(['p2-a', '2024-01-01', '2024-01-31', 'p2-a']);
    expect(summary).toContain(['p2-b', '2024-02-03', '2024-03-01', 'p2-b']);
    expect(summary).toContain(['p4-a', '2024-01-01', '2024-01-31', 'p4-a']);
    expect(summary).toContain(['p4-b', '2024-02-09', '2024-03-31', 'p4-b']);
  });

  it('keeps programs apart and leaves out what was never a stay', () => {
    expect(summary).toContain(['p6-a', '2024-01-01', '2024-01-31', 'p6-a']);
    expect(stays.find((s) => s.programId === 'B')!.episodeIds).toEqual(['p6-b']);
    expect(stays.length).toBe(9);
    expect(stays.some((s) => s.patientId === 'p7')).toBeFalse();
  });

  it('keeps a stay open while any of its episodes is', () => {
    const open = programStays([
      stay('a', 'p', 'iop', '2024-01-01'),
      stay('b', 'p', 'outpatient', '2024-01-10', '2024-01-20', 'completed'),
      stay('c', 'p', 'aftercare', '2024-01-21', '2024-01-30', 'completed'),
    ]);
    expect(open.length).toBe(1);
    expect(open[0].end).toBeUndefined();
    expect(open[0].last.episode.id).toBe('a');
  });
});

describe('30-day follow-up after step-downs and exits', () => {
  const today = '2024-06-15';
  const rows = [
    // p1: two step-downs that held, then an exit whose window is still running.
    stay('p1-php', 'p1', 'php', '2024-01-01', '2024-01-14', 'stepped-down'),
    stay('p1-iop', 'p1', 'iop', '2024-01-15', '2024-03-10', 'stepped-down'),
    stay('p1-op', 'p1', 'outpatient', '2024-03-11', '2024-05-31', 'completed'),
    // p2: exit, back at IOP 3 days later (readmission); the second exit held.
    stay('p2-a', 'p2', 'iop', '2024-01-01', '2024-01-31', 'completed'),
    stay('p2-b', 'p2', 'iop', '2024-02-03', '2024-03-01', 'left-early'),
    // p3: stepped down to outpatient on 1 March and back up to IOP on 21 March.
    stay('p3-iop', 'p3', 'iop', '2024-01-01', '2024-02-29', 'stepped-down'),
    stay('p3-op', 'p3', 'outpatient', '2024-03-01', '2024-03-20', 'stepped-up'),
    stay('p3-back', 'p3', 'iop', '2024-03-21'),
    // p4: completed IOP, weekly therapy elsewhere 5 days later: aftercare, not a return.
    stay('p4-iop', 'p4', 'iop', '2024-01-01', '2024-01-31', 'completed'),
    stay('p4-op', 'p4', 'outpatient', '2024-02-05', undefined, undefined, {}, noProgram),
    // p5: left early, inpatient 20 days later: a step-up within the window.
    stay('p5-iop', 'p5', 'iop', '2024-01-01', '2024-01-31', 'left-early'),
    stay('p5-in', 'p5', 'inpatient', '2024-02-20', '2024-02-28', 'completed', {}, noProgram),
    // p6: exit, back 40 days later: outside the window.
    stay('p6-a', 'p6', 'iop', '2024-01-01', '2024-01-31', 'completed'),
    stay('p6-b', 'p6', 'iop', '2024-03-11', '2024-04-30', 'completed'),
  ];
  const events = followUpEvents(rows, programStays(rows), 30, today);
  const fate = (id: string) => {
    const e = events.find((x) => x.episodeId === id);
    return e && [e.kind, e.fate, e.deadline];
  };

  it('follows each step-down for 30 days from the first day at the lower level', () => {
    expect(fate('p1-php')).toEqual(['step-down', 'held', '2024-02-14']);
    expect(fate('p1-iop')).toEqual(['step-down', 'held', '2024-04-10']);
    // Back above outpatient on 21 March, inside the window to 31 March.
    expect(fate('p3-iop')).toEqual(['step-down', 'stepped-back-up', '2024-03-31']);
  });

  it('follows each exit for 30 days from the day after it', () => {
    expect(fate('p2-a')).toEqual(['exit', 'stepped-back-up', '2024-03-02']);
    expect(fate('p2-b')).toEqual(['exit', 'held', '2024-04-01']);
    expect(fate('p4-iop')).toEqual(['exit', 'held', '2024-03-02']);
    expect(fate('p5-iop')).toEqual(['exit', 'stepped-back-up', '2024-03-02']);
    expect(fate('p6-a')).toEqual(['exit', 'held', '2024-03-02']);
  });

  it('censors windows that have not passed by today, never counting them as held', () => {
    // Ended 31 May: the window runs from 1 June to 1 July inclusive (day + 30, as step-down
    // success counts it), so it has passed on 1 July and not before.
    expect(fate('p1-op')).toEqual(['exit', 'too-early', '2024-07-01']);
    const later = followUpEvents(rows, programStays(rows), 30, '2024-07-01');
    expect(later.find((e) => e.episodeId === 'p1-op')!.fate).toBe('held');
  });

  it('has no event for a step-up, an open episode or an episode outside a program', () => {
    for (const id of ['p3-op', 'p3-back', 'p4-op', 'p5-in'])
      expect(fate(id)).withContext(id).toBeUndefined();
    expect(events.length).toBe(10);
  });
});
