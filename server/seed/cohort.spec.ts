import { Episode } from '../../src/app/domain/models';
import { simulateCohort } from './cohort';
import { addDays, daysFrom, weekday } from './seed-calendar';
import { SimulatedClient } from './simulate-client';

const today = '2026-11-28';
const settings = { seed: 314159, today, timeZone: 'America/Chicago', historyDays: 365 };

function share(part: number, whole: number): number {
  return part / whole;
}

describe('synthetic cohort', () => {
  let cohort: SimulatedClient[];
  /** Clients admitted long enough ago for their IOP outcome to be known. */
  let settled: SimulatedClient[];

  beforeAll(() => {
    cohort = simulateCohort(settings, 1200);
    settled = cohort.filter((c) => c.admission < addDays(today, -200));
  });

  it('is deterministic from the seed, and more clients never change the earlier ones', () => {
    const again = simulateCohort(settings, 30);
    expect(JSON.stringify(again)).toEqual(JSON.stringify(cohort.slice(0, 30)));
    const other = simulateCohort({ ...settings, seed: 2 }, 30);
    expect(JSON.stringify(other)).not.toEqual(JSON.stringify(again));
  });

  it('admits clients by the expected entry routes (30 / 15 / 20 / 35 %)', () => {
    const count = (route: string) =>
      share(cohort.filter((c) => c.entryRoute === route).length, cohort.length);
    expect(count('inpatient')).toBeCloseTo(0.3, 1);
    expect(count('residential')).toBeCloseTo(0.15, 1);
    expect(count('php')).toBeCloseTo(0.2, 1);
    expect(count('direct')).toBeCloseTo(0.35, 1);
  });

  it('keeps completed IOP stays to 8–12 weeks and PHP stays to 2–4 weeks', () => {
    const finished = (level: string) =>
      cohort.flatMap((c) => c.episodes).filter((e) => e.level === level && e.status === 'finished');
    const lengthWeeks = (e: Episode) => (daysFrom(e.start, e.end!) + 1) / 7;
    const completedIop = finished('iop').filter((e) => e.endReason === 'stepped-down');
    expect(completedIop.length).toBeGreaterThan(100);
    // A return to IOP after a step-up is shorter (4–8 weeks); first stays run 8–12.
    for (const e of completedIop) expect(lengthWeeks(e)).toBeGreaterThanOrEqual(4);
    const firstIops = cohort
      .map((c) => c.episodes.find((e) => e.level === 'iop'))
      .filter((e): e is Episode => e?.endReason === 'stepped-down');
    for (const e of firstIops) {
      expect(lengthWeeks(e)).toBeGreaterThanOrEqual(8);
      expect(lengthWeeks(e)).toBeLessThanOrEqual(12);
    }
    for (const e of finished('php').filter((e) => e.endReason === 'stepped-down')) {
      expect(lengthWeeks(e)).toBeGreaterThanOrEqual(2);
      expect(lengthWeeks(e)).toBeLessThanOrEqual(4);
    }
  });

  it('schedules IOP on 3–5 weekdays at about 3 hours a day, and PHP at 20+ hours a week', () => {
    const iopDayHours: number[] = [];
    for (const client of cohort.slice(0, 300)) {
      for (const episode of client.episodes.filter((e) => e.level === 'iop' || e.level === 'php')) {
        const sessions = client.sessions.filter((s) => s.episodeId === episode.id);
        const byDay = new Map<string, number>();
        for (const s of sessions)
          byDay.set(s.start.slice(0, 10), (byDay.get(s.start.slice(0, 10)) ?? 0) + s.minutes);
        const weeks = new Map<number, Set<string>>();
        for (const [day, minutes] of byDay) {
          expect(weekday(day)).toBeLessThanOrEqual(5);
          if (episode.level !== 'iop') continue;
          iopDayHours.push(minutes / 60);
          const week = Math.floor(daysFrom(episode.start, day) / 7);
          weeks.set(week, (weeks.get(week) ?? new Set()).add(day));
        }
        // Full IOP weeks before any taper run 3–5 days.
        const secondWeek = weeks.get(1);
        if (
          secondWeek &&
          episode.level === 'iop' &&
          daysFrom(episode.start, episode.end ?? today) > 35
        ) {
          expect(secondWeek.size).toBeGreaterThanOrEqual(3);
          expect(secondWeek.size).toBeLessThanOrEqual(5);
        }
        if (episode.level === 'php' && daysFrom(episode.start, episode.end ?? today) >= 7) {
          const week1 = sessions.filter((s) => daysFrom(episode.start, s.start.slice(0, 10)) < 7);
          expect(week1.reduce((sum, s) => sum + s.minutes, 0) / 60).toBeGreaterThanOrEqual(20);
        }
      }
    }
    iopDayHours.sort((a, b) => a - b);
    const median = iopDayHours[Math.floor(iopDayHours.length / 2)];
    expect(median).toBeGreaterThanOrEqual(2.7);
    expect(median).toBeLessThanOrEqual(3.3);
    expect(iopDayHours[0]).toBeGreaterThanOrEqual(2);
  });

  it('tapers IOP attendance in the last weeks before a step-down', () => {
    let tapered = 0;
    let checked = 0;
    for (const client of cohort) {
      const iop = client.episodes.find((e) => e.level === 'iop' && e.endReason === 'stepped-down');
      if (!iop) continue;
      const days = (from: string, to: string) =>
        new Set(
          client.sessions
            .filter(
              (s) =>
                s.episodeId === iop.id &&
                s.start.slice(0, 10) >= from &&
                s.start.slice(0, 10) <= to,
            )
            .map((s) => s.start.slice(0, 10)),
        ).size;
      const early = days(addDays(iop.start, 7), addDays(iop.start, 13));
      const last = days(addDays(iop.end!, -6), iop.end!);
      checked++;
      if (last < early) tapered++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(share(tapered, checked)).toBeGreaterThan(0.9);
  });

  it('steps up 8–12 % of clients and sees 15–25 % leave early', () => {
    const steppedUp = settled.filter((c) => c.episodes.some((e) => e.endReason === 'stepped-up'));
    const leftEarly = settled.filter((c) => c.episodes.some((e) => e.endReason === 'left-early'));
    expect(share(steppedUp.length, settled.length)).toBeGreaterThanOrEqual(0.08);
    expect(share(steppedUp.length, settled.length)).toBeLessThanOrEqual(0.12);
    expect(share(leftEarly.length, settled.length)).toBeGreaterThanOrEqual(0.15);
    expect(share(leftEarly.length, settled.length)).toBeLessThanOrEqual(0.25);
  });

  it('misses 10–15 % of past sessions and books the next two weeks for clients in care', () => {
    const sessions = cohort.flatMap((c) => c.sessions);
    const past = sessions.filter((s) => s.status !== 'scheduled');
    const missed = past.filter((s) => s.status === 'missed');
    expect(share(missed.length, past.length)).toBeGreaterThanOrEqual(0.1);
    expect(share(missed.length, past.length)).toBeLessThanOrEqual(0.15);
    const future = sessions.filter((s) => s.status === 'scheduled');
    expect(future.length).toBeGreaterThan(0);
    for (const s of future)
      expect(s.start.slice(0, 10) > today && s.start.slice(0, 10) <= addDays(today, 15)).toBeTrue();
  });

  it('mixes modalities by presenting problem', () => {
    const attends = (c: SimulatedClient, modality: string) =>
      c.sessions.some((s) => s.modality === modality);
    const ptsd = cohort.filter((c) => c.problems.includes('ptsd') && c.sessions.length > 30);
    const substance = cohort.filter(
      (c) => c.problems.includes('substance-use') && c.sessions.length > 30,
    );
    expect(ptsd.every((c) => attends(c, 'trauma-focused'))).toBeTrue();
    expect(substance.every((c) => attends(c, 'mi-relapse-prevention'))).toBeTrue();
    const neither = cohort.filter((c) => !c.problems.includes('ptsd'));
    expect(neither.some((c) => attends(c, 'trauma-focused'))).toBeFalse();
  });

  it('has responders, slow responders, non-responders and 5–8 % deteriorators', () => {
    const kinds = new Set(cohort.map((c) => c.trajectory));
    expect([...kinds].sort()).toEqual([
      'deteriorator',
      'non-responder',
      'responder',
      'slow-responder',
    ]);
    const deteriorators = share(
      cohort.filter((c) => c.trajectory === 'deteriorator').length,
      cohort.length,
    );
    expect(deteriorators).toBeGreaterThanOrEqual(0.05);
    expect(deteriorators).toBeLessThanOrEqual(0.08);
    // Responders end lower than deteriorators on PHQ-9, on average, after 8 weeks.
    const lastPhq = (c: SimulatedClient) =>
      c.scores.filter((s) => s.instrumentId === 'phq-9').at(-1)?.total;
    const meanLast = (kind: string) => {
      const values = settled
        .filter((c) => c.trajectory === kind)
        .map(lastPhq)
        .filter((v): v is number => v !== undefined);
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(meanLast('responder')).toBeLessThan(meanLast('deteriorator') - 6);
  });

  it('writes PHQ-9 weekly with items that add up, item 9 positive in a few percent, mostly at high severity', () => {
    const phq = cohort.flatMap((c) => c.scores).filter((s) => s.instrumentId === 'phq-9');
    for (const s of phq.slice(0, 2000)) {
      const items = Object.values(s.items ?? {});
      expect(items.length).toBe(9);
      expect(items.reduce((a, b) => a + b, 0)).toBe(s.total);
      expect(items.every((v) => Number.isInteger(v) && v >= 0 && v <= 3)).toBeTrue();
    }
    const positive = phq.filter((s) => (s.items?.['9'] ?? 0) > 0);
    expect(share(positive.length, phq.length)).toBeGreaterThan(0.01);
    expect(share(positive.length, phq.length)).toBeLessThan(0.08);
    expect(share(positive.filter((s) => s.total >= 15).length, positive.length)).toBeGreaterThan(
      0.6,
    );
  });

  it('misses some due measures, as programs do (about 8 % of IOP and PHP weeks have no PHQ-9)', () => {
    let due = 0;
    let missing = 0;
    for (const client of cohort) {
      const programStart = client.episodes.find((e) => e.programId)?.start;
      if (!programStart) continue;
      const phqWeeks = new Set(
        client.scores
          .filter((s) => s.instrumentId === 'phq-9')
          .map((s) => Math.floor(daysFrom(programStart, s.date.slice(0, 10)) / 7)),
      );
      const attendedWeeks = new Set<number>();
      for (const session of client.sessions) {
        const episode = client.episodes.find((e) => e.id === session.episodeId);
        if (session.status !== 'attended' || (episode?.level !== 'iop' && episode?.level !== 'php'))
          continue;
        const week = Math.floor(daysFrom(programStart, session.start.slice(0, 10)) / 7);
        if (week > 0) attendedWeeks.add(week);
      }
      for (const week of attendedWeeks) {
        due++;
        if (!phqWeeks.has(week)) missing++;
      }
    }
    expect(due).toBeGreaterThan(1000);
    expect(share(missing, due)).toBeGreaterThan(0.04);
    expect(share(missing, due)).toBeLessThan(0.12);
  });

  it('raises a safety flag after every positive item 9', () => {
    for (const client of cohort) {
      const positives = client.scores.filter(
        (s) => s.instrumentId === 'phq-9' && (s.items?.['9'] ?? 0) > 0,
      );
      if (positives.length === 0) {
        expect(client.flags).toEqual([]);
        continue;
      }
      expect(client.flags[0].start).toBe(positives[0].date.slice(0, 10));
    }
  });

  it('gives every client a treatment plan with a 30-day review cycle, and completers an aftercare plan', () => {
    for (const client of cohort) {
      const plan = client.carePlans.find((p) => p.kind === 'treatment-plan')!;
      expect(daysFrom(client.admission, plan.nextReview!) % 30).toBe(0);
    }
    const completers = settled.filter((c) =>
      c.episodes.some((e) => e.level === 'iop' && e.endReason === 'stepped-down'),
    );
    const withAftercare = completers.filter((c) => c.carePlans.some((p) => p.kind === 'aftercare'));
    expect(share(withAftercare.length, completers.length)).toBeGreaterThan(0.8);
  });

  it('uses obviously fictional names', () => {
    for (const c of cohort.slice(0, 50)) expect(c.patient.family).toMatch(/^[A-Z][a-z]+$/);
  });
});
