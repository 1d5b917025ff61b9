import { Proportion, wilsonInterval } from '../stats/wilson';
import { OUTCOME_RATES, OutcomeEpisodeFlags, OutcomeRate } from './episode-flags';

/** The episodes behind a rate, for the page's drill-down. */
export interface KpiMembers {
  /** Episode ids in the denominator. */
  readonly denominator: readonly string[];
  /** Episode ids in the numerator (a subset of `denominator`). */
  readonly numerator: readonly string[];
}

/** A rate over episodes: its value with `n` and a Wilson 95 % interval, and its members. */
export interface RateKpi {
  readonly value: Proportion;
  readonly members: KpiMembers;
}

/** Collects a rate's members from flags that are undefined outside its denominator. */
export class RateCollector {
  private readonly denominator: string[] = [];
  private readonly numerator: string[] = [];

  add(episodeId: string, flag: boolean | undefined): void {
    if (flag === undefined) return;
    this.denominator.push(episodeId);
    if (flag) this.numerator.push(episodeId);
  }

  result(): RateKpi {
    return {
      value: wilsonInterval(this.numerator.length, this.denominator.length),
      members: { denominator: this.denominator, numerator: this.numerator },
    };
  }
}

export type OutcomeRates = Readonly<Record<OutcomeRate, RateKpi>>;

/** Collects every outcome rate of `OUTCOME_RATES` from per-episode flags. */
export class OutcomeRatesCollector {
  private readonly rates = new Map<OutcomeRate, RateCollector>(
    OUTCOME_RATES.map((r) => [r, new RateCollector()]),
  );

  add(episodeId: string, flags: OutcomeEpisodeFlags): void {
    for (const rate of OUTCOME_RATES) this.rates.get(rate)!.add(episodeId, flags[rate]);
  }

  result(): OutcomeRates {
    const out = {} as Record<OutcomeRate, RateKpi>;
    for (const rate of OUTCOME_RATES) out[rate] = this.rates.get(rate)!.result();
    return out;
  }
}
