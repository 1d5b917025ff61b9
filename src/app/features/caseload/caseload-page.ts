import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { DecimalPipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { authFeature } from '../../core/auth/auth-feature';
import { configFeature } from '../../core/config/config-feature';
import { markWhenReady } from '../../core/perf/ready-mark';
import { ATTENTION_LABELS, AttentionKind } from '../../domain/caseload/attention-flags';
import { LevelOfCare } from '../../domain/models';
import { todayIn } from '../../domain/time/calendar-day';
import { DataStatusActions } from '../../store/clinical-actions';
import { queriesFeature } from '../../store/queries-feature';
import { selectQueryParams } from '../../store/router-selectors';
import { Sparkline } from '../../ui/sparkline/sparkline';
import { rowWindow } from '../../ui/row-window/row-window';
import { CaseloadPageActions } from './caseload-actions';
import { downloadText } from '../../ui/csv/csv';
import { caseloadCsv } from './caseload-csv';
import {
  CaseloadFilters,
  CaseloadSort,
  SORT_KEYS,
  filtersFromParams,
  scopeRows,
  visibleRows,
} from './caseload-filters';
import { CaseloadRow } from './caseload-row';
import { selectCareManagers, selectCaseloadRows, selectPrograms } from './caseload-selectors';
import { summarise } from './caseload-summary';

/** Must match the row height in caseload-page.scss. */
const ROW_HEIGHT = 96;
const MAX_TABLE_HEIGHT = 760;

/** Quick filters offered as chips (the others stay reachable through "Flagged"). */
const FLAG_CHIPS: readonly AttentionKind[] = [
  'safety',
  'not-on-track-red',
  'not-on-track-amber',
  'missed-sessions',
  'missing-measure',
  'plan-review',
  'ready-to-step-down',
];

const CHANGE_LABELS = {
  'reliable-improvement': 'reliable improvement',
  'reliable-deterioration': 'reliable deterioration',
  'no-reliable-change': 'no reliable change',
} as const;

@Component({
  selector: 'app-caseload-page',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    Sparkline,
    DecimalPipe,
  ],
  templateUrl: './caseload-page.html',
  styleUrl: './caseload-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadPage {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private readonly timeZone = this.store.selectSignal(configFeature.selectProgramTimeZone)();
  private readonly today = todayIn(this.timeZone, new Date());
  private readonly params = this.store.selectSignal(selectQueryParams);
  protected readonly filters = computed(() => filtersFromParams(this.params() ?? {}));
  private readonly rows = this.store.selectSignal(selectCaseloadRows(this.today));
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('caseload'));
  protected readonly isDirector = computed(
    () => this.store.selectSignal(authFeature.selectUser)()?.role === 'director',
  );
  protected readonly careManagers = this.store.selectSignal(selectCareManagers);
  protected readonly programs = this.store.selectSignal(selectPrograms);

  protected readonly scoped = computed(() => scopeRows(this.rows(), this.filters()));
  protected readonly visible = computed(() => visibleRows(this.rows(), this.filters()));
  protected readonly summary = computed(() => summarise(this.scoped()));
  protected readonly levels = computed(() => this.summary().byLevel);

  /**
   * Rows have a fixed height so a long list (a director's whole program) renders only the rows
   * in view of its scroll box; up to 100 rows render whole.
   */
  protected readonly maxTableHeight = MAX_TABLE_HEIGHT;
  private readonly scrollTop = signal(0);
  protected readonly window = computed(() =>
    rowWindow(this.visible(), ROW_HEIGHT, this.scrollTop(), MAX_TABLE_HEIGHT),
  );

  protected readonly subtitle = computed(() => {
    const clients = this.summary().clients;
    if (this.query().status === 'loading' && clients === 0) return 'Loading…';
    const order =
      this.filters().sort === 'need'
        ? 'ordered by need: safety first'
        : `sorted by ${this.filters().sort}`;
    return `${clients} ${clients === 1 ? 'client' : 'clients'} in care · ${order}`;
  });

  constructor() {
    markWhenReady(
      'caseload',
      computed(() => this.query().status === 'loaded' && this.rows().length > 0),
    );
  }

  protected readonly flagChips = FLAG_CHIPS.map((kind) => ({
    kind,
    label: ATTENTION_LABELS[kind],
  }));
  protected readonly columns = [
    'client',
    'level',
    'score',
    'change',
    'trend',
    'attendance',
    'next',
    'flags',
  ];
  protected readonly sortActive = computed(() =>
    this.filters().sort === 'need' ? '' : this.filters().sort,
  );

  protected scrolled(event: Event): void {
    this.scrollTop.set((event.target as HTMLElement).scrollTop);
  }

  protected update(change: Partial<CaseloadFilters>, typing = false): void {
    this.store.dispatch(
      CaseloadPageActions.viewChanged({ filters: { ...this.filters(), ...change }, typing }),
    );
  }

  protected search(event: Event): void {
    this.update({ q: (event.target as HTMLInputElement).value }, true);
  }

  protected toggleFlag(kind: AttentionKind | 'flagged'): void {
    this.update({ flag: this.filters().flag === kind ? null : kind });
  }

  protected toggleLevel(level: LevelOfCare): void {
    this.update({ level: this.filters().level === level ? null : level });
  }

  protected sortChanged(sort: Sort): void {
    const active = SORT_KEYS.includes(sort.active as CaseloadSort)
      ? (sort.active as CaseloadSort)
      : 'need';
    this.update(
      sort.direction ? { sort: active, dir: sort.direction } : { sort: 'need', dir: 'asc' },
    );
  }

  protected open(row: CaseloadRow): void {
    void this.router.navigate(['/clients', row.patientId]);
  }

  protected retry(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }

  protected export(): void {
    const csv = caseloadCsv(this.visible(), format(new Date(), 'yyyy-MM-dd HH:mm'));
    downloadText(this.document, `caseload-${this.today}.csv`, csv);
  }

  protected changeLabel(row: CaseloadRow): string {
    const a = row.attention;
    if (a.improvement === undefined) return '—';
    const points =
      a.improvement > 0
        ? `${a.improvement} better`
        : a.improvement < 0
          ? `${-a.improvement} worse`
          : 'no change';
    return a.change ? `${points}, ${CHANGE_LABELS[a.change]}` : points;
  }

  protected attendanceLabel(row: CaseloadRow): string {
    const a = row.attention.attendance;
    const rate = a.rate === undefined ? 'no sessions due' : `${Math.round(a.rate * 100)}%`;
    const hours = `${Math.round(a.attendedHours * 10) / 10} h`;
    return a.minimumHours === undefined
      ? `${rate} · ${hours}`
      : `${rate} · ${hours} of ${a.minimumHours} h`;
  }

  protected nextLabel(row: CaseloadRow): string {
    const next = row.attention.nextSession;
    // In the program's time zone, where the session takes place, not the browser's.
    return next ? format(new TZDate(next, this.timeZone), 'EEE d MMM, HH:mm') : 'none booked';
  }

  protected trendLabel(row: CaseloadRow): string {
    const values = row.attention.sparkline;
    return values.length
      ? `${row.primary.shortName} scores, oldest first: ${values.join(', ')}`
      : 'no scores';
  }
}
