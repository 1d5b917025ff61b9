import { selectCaseloadSummary } from './caseload-selectors';
import { QueryStatus } from './queries-feature';

describe('selectCaseloadSummary', () => {
  const loaded = { status: 'loaded', patientIds: ['p1', 'p2'] } as unknown as QueryStatus;

  it('counts the caseload’s clients, not every patient other pages loaded', () => {
    expect(selectCaseloadSummary.projector(loaded, 200, 9380, 25967)).toEqual({
      clients: 2,
      scores: 9380,
      sessions: 25967,
    });
  });

  it('falls back to the patients held before the caseload reports its clients', () => {
    const idle = { status: 'idle' } as unknown as QueryStatus;
    expect(selectCaseloadSummary.projector(idle, 3, 0, 0).clients).toBe(3);
  });
});
