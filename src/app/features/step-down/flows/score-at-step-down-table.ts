import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FlowsSectionView, ScoreAtStepDownView } from './flows-view-model';
import { formatNumber, span } from './flows-format';

type Scores = FlowsSectionView['scores'];

export interface ScoreRow {
  readonly label: string;
  readonly stepDowns: string;
  readonly withScore: string;
  readonly median: string;
  /** Counts in `scoreBands(…)` order. */
  readonly bands: readonly string[];
}

/** Every severity band either group names, in the order they are listed. */
export function scoreBands(scores: Scores): string[] {
  const labels = [...scores.held.bySeverity, ...scores.steppedBackUp.bySeverity].map(
    (b) => b.label,
  );
  return [...new Set(labels)];
}

/** "8 (5–11)": median and interquartile range. */
export function medianIqr(view: ScoreAtStepDownView): string {
  if (view.median === undefined) return '—';
  const iqr = view.q1 !== undefined && view.q3 !== undefined ? ` (${span(view.q1, view.q3)})` : '';
  return `${formatNumber(view.median)}${iqr}`;
}

export function scoreRows(scores: Scores): ScoreRow[] {
  const bands = scoreBands(scores);
  return [scores.held, scores.steppedBackUp].map((view) => {
    const counts = new Map(view.bySeverity.map((b) => [b.label, b.count]));
    return {
      label: view.label,
      stepDowns: String(view.stepDowns),
      withScore: String(view.withScore),
      median: medianIqr(view),
      bands: bands.map((band) => String(counts.get(band) ?? 0)),
    };
  });
}

/**
 * The one-line reading of the table, worded as an association: the score at step-down is seen
 * alongside what followed, not shown to have caused it.
 */
export function scoreComparison(scores: Scores): string {
  const held = scores.held.median;
  const back = scores.steppedBackUp.median;
  if (held === undefined || back === undefined) {
    return `Too few ${scores.instrument} scores at step-down to compare the two groups yet.`;
  }
  return (
    `Association, not cause: clients who stepped back up had a median ${scores.instrument} of ` +
    `${formatNumber(back)} at step-down against ${formatNumber(held)} for those who held.`
  );
}

/**
 * The primary measure at step-down for step-downs that held against those that stepped back up:
 * evidence for a program's step-down criteria, counts by severity band beside the medians.
 */
@Component({
  selector: 'app-score-at-step-down',
  templateUrl: './score-at-step-down-table.html',
  styleUrls: ['../../../ui/chart-frame/data-table.scss', './flows-panel.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreAtStepDownTable {
  readonly scores = input.required<Scores>();

  protected readonly bands = computed(() => scoreBands(this.scores()));
  protected readonly rows = computed(() => scoreRows(this.scores()));
  protected readonly comparison = computed(() => scoreComparison(this.scores()));
  protected readonly empty = computed(
    () => this.scores().held.stepDowns + this.scores().steppedBackUp.stepDowns === 0,
  );
}
