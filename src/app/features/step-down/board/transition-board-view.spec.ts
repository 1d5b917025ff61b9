import { ReadinessAssessment } from '../../../domain/readiness/readiness';
import { StepUpRiskAssessment } from '../../../domain/readiness/step-up-risk';
import { NO_FILTERS, boardFiltersFromParams, boardParams } from './transition-board-filters';
import {
  ASH,
  BRIAR,
  CEDAR,
  DUNE,
  ELM,
  FERN,
  TODAY,
  boardCards,
  card,
} from './transition-board-fixture';
import {
  BoardOptions,
  cardStatus,
  plannedTransitionText,
  transitionBoard,
} from './transition-board-view';

const options = (change: Partial<BoardOptions> = {}): BoardOptions => ({
  filters: NO_FILTERS,
  director: false,
  planning: { available: true },
  plannable: new Set(['p1', 'p3']),
  ...change,
});

const names = (board: ReturnType<typeof transitionBoard>) =>
  board.columns.map((c) => c.cards.map((k) => k.name));

describe('transition board view', () => {
  it('puts each client in a column for their level, most intensive first, with counts', () => {
    const board = transitionBoard(boardCards(), options());
    expect(board.columns.map((c) => c.level)).toEqual(['php', 'iop']);
    expect(board.columns.map((c) => c.heading)).toEqual(['PHP · 1 client', 'IOP · 5 clients']);
    expect(board.total).toBe(6);
    expect(board.shown).toBe(6);
  });

  it('orders a column at risk first, then ready, then the rest, each by name', () => {
    const iop = transitionBoard(boardCards(), options()).columns[1];
    expect(iop.cards.map((c) => `${c.name}: ${c.status}`)).toEqual([
      'Briar Quillfeather: at-risk',
      'Cedar Mossbank: at-risk',
      'Ash Fernhollow: ready',
      'Dune Larkspur: not-ready',
      'Fern Alderbrook: unknown',
    ]);
  });

  it('has no columns, and says so through its counts, with nobody in care', () => {
    const board = transitionBoard([], options());
    expect(board.columns).toEqual([]);
    expect(board.total).toBe(0);
    expect(board.shown).toBe(0);
  });

  it('lists the readiness criteria a ready client meets', () => {
    const ash = card(ASH);
    expect(ash.statusLabel).toBe('Ready to step down');
    expect(ash.reasons).toEqual([
      'PHQ-9 below caseness at the last 2 administrations',
      'No safety signal in the last 14 days',
      'Attendance at least 80% over 14 days',
      'At least 6 weeks in IOP',
      'Relapse-prevention plan in place',
      'Aftercare plan in place',
    ]);
    expect(ash.missing).toBeUndefined();
  });

  it('gives each step-up risk factor present with its evidence', () => {
    const briar = card(BRIAR);
    expect(briar.statusLabel).toBe('At risk of step-up');
    expect(briar.reasons[0]).toBe(
      'Reliable deterioration: PHQ-9 12 on 2026-10-05 (baseline), 21 on 2026-11-23',
    );
    expect(briar.reasons[1]).toMatch(/^Well below expected recovery \(red\): /);
    expect(card(CEDAR).reasons).toEqual([
      'Safety signal in the last 14 days: PHQ-9 item 9 (thoughts of self-harm) scored 1 on 2026-11-23',
    ]);
  });

  it('says in one line what keeps a client from being ready', () => {
    expect(card(DUNE).statusLabel).toBe('Not ready to step down');
    expect(card(DUNE).missing).toBe(
      'Not met: Relapse-prevention plan in place; Aftercare plan in place',
    );
    expect(card(ELM).missing).toBe(
      'Not met: PHQ-9 below caseness at the last 2 administrations; At least 2 weeks in PHP',
    );
    expect(card(FERN).statusLabel).toBe('Readiness not known yet');
    expect(card(FERN).missing).toBe(
      'Cannot tell yet: only 1 PHQ-9 score(s); no safety screen (PHQ-9 item 9 or C-SSRS) in the last 14 days',
    );
    expect(card(DUNE).reasons).toEqual([]);
  });

  it('carries the caseload row’s week, latest score, change and sparkline', () => {
    const ash = card(ASH);
    expect(ash.weekLabel).toBe('week 8 of ~10');
    expect(ash.measure.latest).toEqual({
      score: 7,
      day: '2026-11-23',
      severity: 'Mild',
      severityLevel: 1,
    });
    expect(ash.measure.change).toBe('7 better, reliable improvement');
    expect(ash.measure.sparkline).toEqual([14, 12, 10, 9, 8, 8, 7, 7]);
    expect(ash.measure.trendLabel).toBe('PHQ-9 scores, oldest first: 14, 12, 10, 9, 8, 8, 7, 7');
    expect(card(FERN).measure.change).toBe('not enough scores to compare yet');
  });

  it('shows a planned transition with its direction, date, countdown and reason', () => {
    expect(card(ASH).planned).toEqual({
      text: 'Planned step-down to Outpatient on 12 Dec 2026',
      when: 'in 15 days',
      reason: 'Goals met',
    });
    expect(
      plannedTransitionText(
        { level: 'iop', plannedTransition: { targetLevel: 'php', plannedDate: TODAY } },
        TODAY,
      ),
    ).toEqual({ text: 'Planned step-up to PHP on 27 Nov 2026', when: 'today' });
    expect(
      plannedTransitionText(
        {
          level: 'iop',
          plannedTransition: { targetLevel: 'outpatient', plannedDate: '2026-11-26' },
        },
        TODAY,
      )?.when,
    ).toBe('1 day overdue');
    expect(card(BRIAR).planned).toBeUndefined();
  });

  it('lets risk outrank readiness', () => {
    const readiness: ReadinessAssessment = { verdict: 'ready', summary: '', criteria: [] };
    const risk: StepUpRiskAssessment = {
      atRisk: true,
      verdict: 'at-risk',
      summary: '',
      criteria: [],
    };
    expect(cardStatus(readiness, risk)).toBe('at-risk');
    expect(cardStatus(readiness, { ...risk, atRisk: false, verdict: 'unknown' })).toBe('ready');
  });

  it('offers planning only when available and only for clients on the user’s care teams', () => {
    const plannable = (board: ReturnType<typeof transitionBoard>) =>
      board.columns.flatMap((c) => c.cards.filter((k) => k.canPlan).map((k) => k.patientId));
    const available = transitionBoard(boardCards(), options());
    expect(plannable(available)).toEqual(['p3', 'p1']);
    expect(available.anyPlannable).toBeTrue();
    const unavailable = transitionBoard(
      boardCards(),
      options({ planning: { available: false, reason: 'Read-only.' } }),
    );
    expect(plannable(unavailable)).toEqual([]);
    expect(unavailable.anyPlannable).toBeFalse();
    expect(unavailable.planning.reason).toBe('Read-only.');
    expect(
      transitionBoard(boardCards(), options({ plannable: new Set() })).anyPlannable,
    ).toBeFalse();
  });

  it('narrows a director’s board by program and therapist', () => {
    const director = (filters: Partial<typeof NO_FILTERS>) =>
      transitionBoard(
        boardCards(),
        options({ director: true, filters: { ...NO_FILTERS, ...filters } }),
      );
    const young = director({ program: 'young-adult' });
    expect(names(young)).toEqual([['Elm Thistledown']]);
    expect(young.shown).toBe(1);
    expect(young.total).toBe(6);
    expect(director({ therapist: 't1' }).columns.map((c) => c.heading)).toEqual([
      'IOP · 5 clients',
    ]);
    expect(director({ therapist: 't1', program: 'young-adult' }).columns).toEqual([]);
  });

  it('ignores filters in the URL of someone who cannot change them', () => {
    const board = transitionBoard(
      boardCards(),
      options({ filters: { therapist: null, program: 'young-adult' } }),
    );
    expect(board.shown).toBe(6);
  });

  it('reads the filters from the URL and writes them back, clearing what is unset', () => {
    expect(boardFiltersFromParams({ program: 'young-adult', therapist: ['t2', 't3'] })).toEqual({
      program: 'young-adult',
      therapist: 't2',
    });
    expect(boardFiltersFromParams({ program: '', sort: 'name' })).toEqual(NO_FILTERS);
    expect(boardParams({ program: 'young-adult', therapist: null })).toEqual({
      program: 'young-adult',
      therapist: null,
    });
  });
});
