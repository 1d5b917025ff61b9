import { instrumentById } from '../instruments/instrument-catalogue';
import { OUTCOME_RATES, episodeOutcomeFlags } from './episode-flags';
import { row } from './outcome-fixture';
import { programOutcomes } from './program-outcomes';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;

describe('per-episode outcome flags', () => {
  it('sets every flag of a recovered, completed episode', () => {
    expect(episodeOutcomeFlags(row('a', [20, 4]), phq9)).toEqual({
      completion: true,
      response: true,
      remission: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      recovery: true,
      reliableRecovery: true,
      improvement: 16,
      category: 'recovered',
      paired: undefined,
    });
  });

  it('leaves a flag undefined outside its denominator', () => {
    // Not at caseness at the start (8 < 10): outside recovery; deteriorated by 6.
    const up = episodeOutcomeFlags(row('c', [8, 14], {}, { endReason: 'stepped-down' }), phq9);
    expect([up.completion, up.response, up.recovery, up.reliableRecovery]).toEqual([
      true,
      false,
      undefined,
      undefined,
    ]);
    expect([up.reliableDeterioration, up.category]).toEqual([true, 'deteriorated']);
    // Active, no score pair: outside every denominator.
    const open = episodeOutcomeFlags(
      row('e', undefined, { end: undefined }, { status: 'active', endReason: undefined }),
      phq9,
    );
    for (const rate of OUTCOME_RATES) expect(open[rate]).withContext(rate).toBeUndefined();
    expect([open.improvement, open.category]).toEqual([undefined, undefined]);
    // Left early is finished but not completed.
    expect(
      episodeOutcomeFlags(row('b', [16, 12], {}, { endReason: 'left-early' }), phq9).completion,
    ).toBeFalse();
  });

  it('adds the paired PHQ-9 + GAD-7 flags only when both were measured', () => {
    const both = episodeOutcomeFlags(
      row('a', [20, 4], { paired: { baseline: 12, final: 5 } }),
      phq9,
      gad7,
    );
    expect(both.paired).toEqual(
      jasmine.objectContaining({
        recovery: true,
        reliableImprovement: true,
        reliableDeterioration: false,
      }),
    );
    expect(episodeOutcomeFlags(row('d', [15, 8]), phq9, gad7).paired).toBeUndefined();
  });

  it('gives the same counts as programOutcomes, which tallies them', () => {
    const rows = [
      row('a', [20, 4]),
      row('b', [16, 12], {}, { endReason: 'left-early' }),
      row('c', [8, 14], {}, { endReason: 'stepped-down' }),
      row('d', [12, 6], {}, { level: 'php' }),
      row('f', [0, 0], {}, { endReason: 'stepped-up' }),
      row('g', undefined, {}, { status: 'active', endReason: undefined }),
    ];
    const outcomes = programOutcomes(rows, phq9);
    for (const rate of OUTCOME_RATES) {
      const flags = rows.map((r) => episodeOutcomeFlags(r, phq9)[rate]);
      const n = flags.filter((f) => f !== undefined).length;
      const successes = flags.filter((f) => f === true).length;
      expect([outcomes[rate].successes, outcomes[rate].n])
        .withContext(rate)
        .toEqual([successes, n]);
    }
  });
});
