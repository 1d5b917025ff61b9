import { Episode, SessionRecord } from '../models';
import { linkSessionsToEpisodes } from './session-episodes';

const episode = (
  id: string,
  start: string,
  end?: string,
  extra: Partial<Episode> = {},
): Episode => ({
  id,
  patientId: 'p1',
  level: 'iop',
  status: end ? 'finished' : 'active',
  start,
  ...(end ? { end } : {}),
  ...extra,
});

const session = (id: string, start: string, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  id,
  patientId: 'p1',
  modality: 'cbt',
  status: 'missed',
  start,
  minutes: 60,
  ...extra,
});

describe('linkSessionsToEpisodes', () => {
  const episodes = [
    episode('php', '2026-03-01', '2026-03-14', { level: 'php' }),
    episode('iop', '2026-03-14'),
    episode('next', '2026-06-01', undefined, { status: 'planned' }),
  ];

  it('keeps an episode the session names, even outside its days', () => {
    const named = session('s1', '2026-01-05T09:00:00Z', { episodeId: 'elsewhere' });
    expect(linkSessionsToEpisodes([named], episodes, 'UTC')[0].episodeId).toBe('elsewhere');
  });

  it('links a session without one to the episode whose days contain it, ends inclusive', () => {
    const linked = linkSessionsToEpisodes(
      [session('a', '2026-03-01T09:00:00Z'), session('b', '2026-03-13T23:00:00Z')],
      episodes,
      'UTC',
    );
    expect(linked.map((s) => s.episodeId)).toEqual(['php', 'php']);
  });

  it('gives a transition day to the newer episode', () => {
    const [linked] = linkSessionsToEpisodes(
      [session('t', '2026-03-14T10:00:00Z')],
      episodes,
      'UTC',
    );
    expect(linked.episodeId).toBe('iop');
  });

  it("reads the session's day in the program's time zone", () => {
    // 02:00 UTC on 14 March is still 13 March in Chicago, the PHP stay's last day.
    const late = session('late', '2026-03-14T02:00:00Z');
    expect(linkSessionsToEpisodes([late], episodes, 'America/Chicago')[0].episodeId).toBe('php');
    expect(linkSessionsToEpisodes([late], episodes, 'UTC')[0].episodeId).toBe('iop');
  });

  it('links nothing outside every stay, to planned episodes, or across clients', () => {
    const linked = linkSessionsToEpisodes(
      [
        session('before', '2026-02-20T09:00:00Z'),
        session('other', '2026-03-05T09:00:00Z', { patientId: 'p2' }),
        session('bad-date', 'not a date'),
      ],
      episodes,
      'UTC',
    );
    expect(linked.map((s) => s.episodeId)).toEqual([undefined, undefined, undefined]);
    const open = linkSessionsToEpisodes([session('june', '2026-06-03T09:00:00Z')], episodes, 'UTC');
    expect(open[0].episodeId).toBe('iop');
  });
});
