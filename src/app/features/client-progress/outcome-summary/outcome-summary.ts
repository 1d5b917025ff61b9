import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatTableModule } from '@angular/material/table';
import { OutcomeCategory } from '../../../domain/instruments/outcome-category';
import { ReliableChange } from '../../../domain/instruments/reliable-change';
import { OutcomeSummaryView } from '../progress-view-model';

export const CATEGORY_LABELS: Readonly<Record<OutcomeCategory, string>> = {
  recovered: 'Recovered',
  improved: 'Improved',
  'no-change': 'No change',
  deteriorated: 'Deteriorated',
  'not-enough-data': 'Not enough data',
};

export const RELIABLE_CHANGE_LABELS: Readonly<Record<ReliableChange, string>> = {
  'reliable-improvement': 'Reliable improvement',
  'no-reliable-change': 'No reliable change',
  'reliable-deterioration': 'Reliable deterioration',
};

const NONE = '—';
/** No-break space: "80 %" must not wrap between the number and its sign. */
const PERCENT = '\u00a0%';

const number = (n: number | undefined) => (n === undefined ? NONE : `${Math.round(n * 10) / 10}`);
const yesNo = (b: boolean | undefined) => (b === undefined ? NONE : b ? 'Yes' : 'No');
const percent = (rate: number) => `${Math.round(rate * 100)}${PERCENT}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Signed with a true minus sign (U+2212), which screen readers say as "minus" and aligns. */
export function signedChange(change: number | undefined): string {
  if (change === undefined) return NONE;
  const size = Math.round(Math.abs(change) * 10) / 10;
  if (size === 0) return '0';
  return `${change < 0 ? '\u2212' : '+'}${size}`;
}

/** The episode's outcome in words: its category, each measure's change, and the data behind it. */
@Component({
  selector: 'app-outcome-summary',
  imports: [MatCardModule, MatTableModule],
  templateUrl: './outcome-summary.html',
  styleUrl: './outcome-summary.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeSummary {
  readonly outcome = input.required<OutcomeSummaryView>();

  protected readonly columns = [
    'measure',
    'baseline',
    'latest',
    'change',
    'reliable',
    'response',
    'remission',
    'category',
  ];

  /** Undefined and 'not-enough-data' say the same thing to the reader. */
  protected readonly category = computed(() => this.outcome().category ?? 'not-enough-data');
  protected readonly categoryLabel = computed(() => CATEGORY_LABELS[this.category()]);

  protected readonly rows = computed(() =>
    this.outcome().measures.map((m) => ({
      id: m.instrumentId,
      measure: m.shortName,
      baseline: number(m.baseline),
      latest: number(m.latest),
      change: signedChange(m.change),
      reliable: m.reliableChange ? RELIABLE_CHANGE_LABELS[m.reliableChange] : NONE,
      response: yesNo(m.response),
      remission: yesNo(m.remission),
      category: m.category ? CATEGORY_LABELS[m.category] : NONE,
    })),
  );

  protected readonly completion = computed(() => {
    const c = this.outcome().measureCompletion;
    if (c.rate === undefined) return NONE;
    return `${c.weeksWithMeasure} of ${plural(c.weeksInTreatment, 'week')} (${percent(c.rate)})`;
  });

  protected readonly attendance = computed(() => {
    const a = this.outcome().attendance;
    if (a.rate === undefined) return NONE;
    const due = a.attended + a.missed;
    return `${a.attended} of ${plural(due, 'session')} attended (${percent(a.rate)})`;
  });
}
