import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { LevelDurationView } from './flows-view-model';
import {
  timeInLevelConfig,
  timeInLevelHeight,
  timeInLevelRows,
  timeInLevelSummary,
} from './time-in-level-config';

/**
 * Days at each level for finished stays: a box from the first to the third quartile, the median
 * across it, whiskers to the shortest and longest stay, over the program's expected length.
 */
@Component({
  selector: 'app-time-in-level-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './time-in-level-chart.html',
  styleUrls: ['../../../ui/chart-frame/data-table.scss', './flows-panel.scss'],
  // The frame's chart box takes its height from here: one band per level.
  host: { '[style.--chart-height]': 'height()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeInLevelChart {
  readonly durations = input.required<readonly LevelDurationView[]>();
  readonly dark = input(false);

  protected readonly config = computed(() => timeInLevelConfig(this.durations(), this.dark()));
  protected readonly height = computed(() => `${timeInLevelHeight(this.durations().length)}px`);
  protected readonly summary = computed(() => timeInLevelSummary(this.durations()));
  protected readonly rows = computed(() => timeInLevelRows(this.durations()));
  protected readonly caption =
    'Days at each level, finished stays; open stays counted as still there';
}
