import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { Store, createSelector } from '@ngrx/store';
import { format } from 'date-fns';
import { configFeature } from '../../core/config/config-feature';
import { markWhenReady } from '../../core/perf/ready-mark';
import { instrumentById } from '../../domain/instruments/instrument-catalogue';
import { levelDefinition } from '../../domain/levels/level-of-care';
import { todayIn } from '../../domain/time/calendar-day';
import { themeFeature } from '../../shell/theme/theme-feature';
import { DataStatusActions, RouteDataActions } from '../../store/clinical-actions';
import { episodesSlice, staffSlice } from '../../store/clinical-slices';
import { selectProgramOptions } from '../../store/directory-selectors';
import { queriesFeature } from '../../store/queries-feature';
import { selectQueryParams } from '../../store/router-selectors';
import { csvPreamble, csvText, downloadText } from '../../ui/csv/csv';
import { doseLines, trendsLines } from './outcomes-csv';
import { BreakdownDrill, BreakdownTable } from './breakdowns/breakdown-table';
import { breakdownCsv } from './breakdowns/breakdown-csv';
import { DoseTables } from './dose/dose-tables';
import { DrillDownPanel } from './drill-down/drill-down-panel';
import { KpiTiles } from './kpis/kpi-tiles';
import {
  OUTCOME_INSTRUMENTS,
  OUTCOME_LEVELS,
  OutcomesFilters,
  PERIOD_CHOICES,
  filterParams,
  filtersFromParams,
} from './outcomes-filters';
import { selectOutcomesCompleteness } from './outcomes-completeness';
import { filtersPeriod, selectOutcomesView } from './outcomes-selectors';
import { BREAKDOWN_LABELS, BreakdownDimension } from './outcomes-view-model';
import { CensusTrendChart } from './trends/census-trend-chart';
import { RateTrendChart } from './trends/rate-trend-chart';

/** Primary therapists of any episode loaded, by name. */
const selectTherapists = createSelector(
  episodesSlice.selectAll,
  staffSlice.selectEntities,
  (episodes, staff) =>
    [...new Set(episodes.map((e) => e.careManagerId).filter((id): id is string => !!id))]
      .map((id) => ({ id, name: staff[id]?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name)),
);

/**
 * The program director's outcomes: is the program working, for whom, and where to act. Every
 * number is computed in memoised selectors from the `outcomes` query (every episode, measure
 * and session the director may see); the filters and the open list live in the URL.
 */
@Component({
  selector: 'app-outcomes-page',
  imports: [
    BreakdownTable,
    CensusTrendChart,
    DoseTables,
    DrillDownPanel,
    KpiTiles,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    RateTrendChart,
  ],
  templateUrl: './outcomes-page.html',
  styleUrl: './outcomes-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesPage {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private readonly today = todayIn(
    this.store.selectSignal(configFeature.selectProgramTimeZone)(),
    new Date(),
  );
  private readonly params = this.store.selectSignal(selectQueryParams);
  protected readonly filters = computed(() => filtersFromParams(this.params() ?? {}));
  protected readonly period = computed(() => filtersPeriod(this.filters(), this.today));
  private readonly viewSignal = computed(() =>
    this.store.selectSignal(selectOutcomesView(this.filters(), this.today)),
  );
  protected readonly view = computed(() => this.viewSignal()());
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('outcomes'));
  protected readonly completeness = this.store.selectSignal(selectOutcomesCompleteness);
  protected readonly ready = computed(() => {
    const q = this.query();
    return q.status === 'loaded' || q.loadedAt !== undefined;
  });
  protected readonly programs = this.store.selectSignal(selectProgramOptions);
  protected readonly therapists = this.store.selectSignal(selectTherapists);
  protected readonly dark = computed(
    () => this.store.selectSignal(themeFeature.selectMode)() === 'dark',
  );

  protected readonly periodChoices = PERIOD_CHOICES;
  protected readonly levels = OUTCOME_LEVELS.map((level) => ({
    level,
    label: levelDefinition(level).shortLabel,
  }));
  protected readonly instruments = OUTCOME_INSTRUMENTS.map((id) => ({
    id,
    label: instrumentById(id)!.shortName,
  }));
  protected readonly dimensions = Object.entries(BREAKDOWN_LABELS).map(([id, label]) => ({
    id: id as BreakdownDimension,
    label,
  }));

  constructor() {
    // Asked for here, not in route data: only directors' pages load the whole program.
    this.store.dispatch(RouteDataActions.dataNeeded({ query: 'outcomes' }));
    markWhenReady('outcomes', this.ready);
  }

  protected update(change: Partial<OutcomesFilters>): void {
    const next: OutcomesFilters = { ...this.filters(), ...change };
    const cleared = Object.fromEntries(
      Object.entries(next).filter(([, value]) => value !== '' && value !== undefined),
    ) as unknown as OutcomesFilters;
    void this.router.navigate([], {
      queryParams: filterParams(cleared),
      queryParamsHandling: 'merge',
      // The filters and lists a director looks at are worth a Back step each.
      replaceUrl: false,
    });
  }

  protected periodChanged(value: string): void {
    if (value === 'custom') {
      const { from, to } = this.period();
      this.update({ period: 'custom', from, to, drill: undefined });
    } else
      this.update({
        period: value as OutcomesFilters['period'],
        from: undefined,
        to: undefined,
        drill: undefined,
      });
  }

  protected dateChanged(which: 'from' | 'to', value: string): void {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value))
      this.update({ period: 'custom', ...this.period(), [which]: value, drill: undefined });
  }

  protected drill(key: string): void {
    this.update({ drill: key });
  }

  protected drillGroup({ rate, groupKey }: BreakdownDrill): void {
    this.drill(`group:${rate}:${groupKey}`);
  }

  protected closeDrill(): void {
    this.update({ drill: undefined });
  }

  protected exportBreakdown(): void {
    const view = this.view();
    const csv = breakdownCsv(
      view.breakdown,
      view.partTwo,
      this.exportTitle(),
      format(new Date(), 'yyyy-MM-dd HH:mm'),
    );
    downloadText(this.document, `outcomes-by-${view.breakdown.dimension}-${this.today}.csv`, csv);
  }

  protected exportTrends(): void {
    const view = this.view();
    this.exportLines('trends', view.partTwo, trendsLines(view.trends, view.census));
  }

  protected exportDose(): void {
    const view = this.view();
    this.exportLines('dose-response', view.partTwo, doseLines(view.dose, view.instrument));
  }

  /** A section's tables as CSV, after the notices and what the figures are for. */
  private exportLines(name: string, partTwo: boolean, lines: string[][]): void {
    const csv = csvText([
      ...csvPreamble(partTwo, format(new Date(), 'yyyy-MM-dd HH:mm')),
      [this.exportTitle()],
      ...lines,
    ]);
    downloadText(this.document, `outcomes-${name}-${this.today}.csv`, csv);
  }

  /** What the figures are for; partial data is said in the file too, never exported as whole. */
  private exportTitle(): string {
    const view = this.view();
    const title = `${view.periodLabel} · ${view.levelLabel} · ${view.instrument}`;
    const { partial, reasons } = this.completeness();
    return partial
      ? `${title} · PARTIAL DATA, figures may be low or wrong: ${reasons.join('; ')}`
      : title;
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected retry(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }
}
