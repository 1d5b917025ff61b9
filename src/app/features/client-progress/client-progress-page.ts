import { DecimalPipe } from '@angular/common';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  afterNextRender,
  computed,
  inject,
  input,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatExpansionModule } from '@angular/material/expansion';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { configFeature } from '../../core/config/config-feature';
import { markWhenReady } from '../../core/perf/ready-mark';
import { todayIn } from '../../domain/time/calendar-day';
import { formatDay } from '../../domain/progress/measure-summary';
import { themeFeature } from '../../shell/theme/theme-feature';
import { DataStatusActions } from '../../store/clinical-actions';
import { warmUpCharts } from './charts/chart-warm-up';
import { DoseChart } from './charts/dose-chart';
import { MeasureChart } from './charts/measure-chart';
import { ModalityWeeksChart } from './charts/modality-weeks-chart';
import { selectClientLoad, selectClientProgress } from './client-progress-selectors';
import { ItemHeatMap } from './item-heat-map/item-heat-map';
import { JourneyStrip } from './journey-strip/journey-strip';
import { OutcomeSummary } from './outcome-summary/outcome-summary';
import { ItemGridView, ProgressRange } from './progress-view-model';
import { RenderWhenSeen } from './render-when-seen';
import { RELIABLE_CHANGE_LABELS } from '../../domain/progress/measure-summary';

const RANGES: readonly { readonly value: ProgressRange; readonly label: string }[] = [
  { value: 'journey', label: 'Whole journey' },
  { value: 'current-level', label: 'Current level' },
  { value: 'last-8-weeks', label: 'Last 8 weeks' },
];

function isRange(value: unknown): value is ProgressRange {
  return RANGES.some((r) => r.value === value);
}

/**
 * One client's progress: is the client getting better, on which measures, with which parts of
 * treatment, and is the level of care still right? Served from the caseload's data when it
 * covers the client, else from the client's own load (see store/clinical-effects.ts).
 */
@Component({
  selector: 'app-client-progress-page',
  imports: [
    DecimalPipe,
    DoseChart,
    ItemHeatMap,
    JourneyStrip,
    MatButtonModule,
    MatButtonToggleModule,
    MatExpansionModule,
    MeasureChart,
    ModalityWeeksChart,
    OutcomeSummary,
    RenderWhenSeen,
    RouterLink,
  ],
  templateUrl: './client-progress-page.html',
  styleUrl: './client-progress-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientProgressPage {
  readonly patientId = input.required<string>();
  /** The `range` query parameter: the measure charts' time range. */
  readonly range = input<string>();

  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  protected readonly timeZone = this.store.selectSignal(configFeature.selectProgramTimeZone);
  private readonly today = todayIn(this.timeZone(), new Date());
  protected readonly dark = computed(
    () => this.store.selectSignal(themeFeature.selectMode)() === 'dark',
  );

  // One selector per client, made when the page shows that client and dropped with the page.
  private readonly viewSignal = computed(() =>
    this.store.selectSignal(selectClientProgress(this.patientId(), this.today)),
  );
  protected readonly view = computed(() => this.viewSignal()());
  private readonly loadSignal = computed(() =>
    this.store.selectSignal(selectClientLoad(this.patientId())),
  );
  protected readonly load = computed(() => this.loadSignal()());

  protected readonly ranges = RANGES;
  protected readonly selectedRange = computed<ProgressRange>(() => {
    const r = this.range();
    return isRange(r) ? r : 'journey';
  });
  protected readonly dayRange = computed(() => this.view()?.ranges[this.selectedRange()]);
  protected readonly changeLabels = RELIABLE_CHANGE_LABELS;
  protected readonly formatDay = formatDay;

  protected readonly refused = computed(() => {
    const { status } = this.load();
    return status.status === 'failed' && !!status.forbidden;
  });
  /** Show data only once it is known to be the user's to see and loaded (no flash of data). */
  protected readonly ready = computed(() => {
    const { status } = this.load();
    return (
      !this.refused() &&
      status.status !== 'idle' &&
      !!this.view() &&
      (status.status === 'loaded' || !!status.loadedAt)
    );
  });
  protected readonly safetyFirstFlags = computed(() => this.view()?.header.flags ?? []);

  constructor() {
    // The first frame showing the client's record. Its charts draw as they come near the
    // visible area (ChartFrame's drawWhenSeen), the first screen's just after this frame; each
    // marks `waypoint:chart-drawn` when Chart.js has drawn it (see ChartCanvas).
    markWhenReady('client-charts', this.ready);
    this.warmUpWhileLoading();
  }

  /**
   * While the client's data is on its way, draw two small charts off the page so the real ones
   * do not pay for Chart.js's first run (see chart-warm-up.ts), in a task of its own just after
   * the page's first frame, while the requests are out. Not when the record is already here
   * (a client loaded a moment ago), nor once it has arrived. (At the lowest priority among the
   * mapping slices instead, it ran between the last slice and the ready frame: later, not
   * sooner.)
   */
  private warmUpWhileLoading(): void {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      if (this.ready()) return;
      const timer = setTimeout(() => {
        if (!this.ready()) warmUpCharts(this.document);
      });
      destroyRef.onDestroy(() => clearTimeout(timer));
    });
  }

  protected rangeChanged(range: ProgressRange): void {
    void this.router.navigate([], {
      queryParams: { range: range === 'journey' ? null : range },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected retry(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }

  /** Session times in the program's time zone, whatever the reader's machine is set to. */
  protected sessionTime(start: string): string {
    return format(new TZDate(start, this.timeZone()), 'EEE d MMM, HH:mm');
  }

  /** About the height an item heat map takes (caption, dates, legend, one row per item). */
  protected heatMapReserve(grid: ItemGridView): string {
    return `calc(8.5rem + ${grid.items.length * 2}rem)`;
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
