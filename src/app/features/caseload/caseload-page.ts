import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  afterRenderEffect,
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
import { format } from 'date-fns';
import { authFeature } from '../../core/auth/auth-feature';
import { configFeature } from '../../core/config/config-feature';
import { markWhenReady } from '../../core/perf/ready-mark';
import { ATTENTION_LABELS, AttentionKind } from '../../domain/caseload/attention-flags';
import { LevelOfCare } from '../../domain/models';
import { todayIn } from '../../domain/time/calendar-day';
import { DataStatusActions } from '../../store/clinical-actions';
import { queriesFeature } from '../../store/queries-feature';
import { Sparkline } from '../../ui/sparkline/sparkline';
import { RowWindow, rowWindow } from '../../ui/row-window/row-window';
import { CaseloadPageActions } from './caseload-actions';
import { downloadText } from '../../ui/csv/csv';
import { caseloadCsv } from './caseload-csv';
import {
  CaseloadFilters,
  CaseloadSort,
  MAX_SEARCH_LENGTH,
  SORT_KEYS,
  matchRows,
  orderRows,
  scopeRows,
} from './caseload-filters';
import { CaseloadRow } from './caseload-row';
import { CaseloadRowLabels, caseloadRowLabels } from './caseload-row-labels';
import {
  selectCareManagers,
  selectCaseloadFilters,
  selectCaseloadRows,
  selectPrograms,
} from './caseload-selectors';
import { summarise } from './caseload-summary';

/** The row height must match caseload-page.scss; the header row is Material's own 56 px. */
const ROW_HEIGHT = 96;
const HEADER_HEIGHT = 56;
const MAX_TABLE_HEIGHT = 760;
/** Rows rendered beyond the scroll box's edges, so fast scrolling does not show gaps. */
const WINDOW_BUFFER_ROWS = 8;
/** A therapist's caseload (15–40 clients, docs/caseload-triage.md) is rendered whole. */
const RENDER_WHOLE_UP_TO = 40;
/**
 * Rows created per task when the table is first drawn: about the scroll box's worth, so the
 * first screen paints without waiting for the rest and no task holds the page for long.
 */
const ROWS_PER_TASK = 8;

/** The first `count` rows of a window, the space of the others kept below them. */
function firstRows<T>(window: RowWindow<T>, count: number): RowWindow<T> {
  if (window.rows.length <= count) return window;
  return {
    rows: window.rows.slice(0, count),
    before: window.before,
    after: window.after + (window.rows.length - count) * ROW_HEIGHT,
  };
}

/** Shallow equality of two small records of filter values. */
function sameValues<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as (keyof T)[]).every((k) => a[k] === b[k]);
}

function sameWindow<T>(a: RowWindow<T>, b: RowWindow<T>): boolean {
  return (
    a.before === b.before &&
    a.after === b.after &&
    a.rows.length === b.rows.length &&
    a.rows.every((row, i) => row === b.rows[i])
  );
}

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
  private readonly labelCache = new WeakMap<CaseloadRow, CaseloadRowLabels>();
  // Equal by value: the URL catching up with the typed search changes nothing on the page.
  protected readonly filters = this.store.selectSignal(selectCaseloadFilters, {
    equal: sameValues,
  });
  private readonly rows = this.store.selectSignal(selectCaseloadRows(this.today));
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('caseload'));
  protected readonly isDirector = computed(
    () => this.store.selectSignal(authFeature.selectUser)()?.role === 'director',
  );
  protected readonly careManagers = this.store.selectSignal(selectCareManagers);
  protected readonly programs = this.store.selectSignal(selectPrograms);

  // The view in three parts, each recomputed only when its own filters change: a keystroke in
  // the search box re-filters the rows already in order, without scoping, sorting or
  // summarising again.
  private readonly scope = computed(
    () => ({ therapist: this.filters().therapist, program: this.filters().program }),
    { equal: sameValues },
  );
  private readonly order = computed(
    () => ({ sort: this.filters().sort, dir: this.filters().dir }),
    { equal: sameValues },
  );
  private readonly narrowing = computed(
    () => ({ q: this.filters().q, level: this.filters().level, flag: this.filters().flag }),
    { equal: sameValues },
  );
  protected readonly scoped = computed(() => scopeRows(this.rows(), this.scope()));
  private readonly ordered = computed(() => orderRows(this.scoped(), this.order()));
  protected readonly visible = computed(() => matchRows(this.ordered(), this.narrowing()));
  protected readonly summary = computed(() => summarise(this.scoped()));
  protected readonly levels = computed(() => this.summary().byLevel);

  /**
   * Rows have a fixed height so a long list (a director's whole program) renders only the rows
   * in view of its scroll box, and a keystroke creates at most that many; a therapist's
   * caseload renders whole. A scroll within a row, or a keystroke that leaves the same rows in
   * view, gives the same window, so the table is not touched.
   */
  protected readonly maxTableHeight = MAX_TABLE_HEIGHT;
  protected readonly maxSearchLength = MAX_SEARCH_LENGTH;
  private readonly scrollTop = signal(0);
  private readonly wholeWindow = computed(
    () =>
      rowWindow(
        this.visible(),
        ROW_HEIGHT,
        this.scrollTop(),
        MAX_TABLE_HEIGHT,
        WINDOW_BUFFER_ROWS,
        RENDER_WHOLE_UP_TO,
      ),
    { equal: sameWindow },
  );
  /** How many of the window's rows exist yet: more each task until all do (see constructor). */
  private readonly drawnRows = signal(ROWS_PER_TASK);
  protected readonly window = computed(() => firstRows(this.wholeWindow(), this.drawnRows()), {
    equal: sameWindow,
  });

  /** No rows yet and the first load still to come or under way: the page shows its shape. */
  protected readonly waiting = computed(() => {
    const status = this.query().status;
    return this.rows().length === 0 && (status === 'idle' || status === 'loading');
  });
  /** As many placeholder rows as the table's scroll box shows under its header. */
  protected readonly skeletonRows = Array.from(
    { length: Math.floor((MAX_TABLE_HEIGHT - HEADER_HEIGHT) / ROW_HEIGHT) },
    (_, i) => i,
  );

  protected readonly subtitle = computed(() => {
    const clients = this.summary().clients;
    if (this.waiting()) return 'Loading…';
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
    // After each frame that left rows of the window undrawn, draw the next few in a later task.
    afterRenderEffect((onCleanup) => {
      if (this.wholeWindow().rows.length <= this.drawnRows()) return;
      const timer = setTimeout(() => this.drawnRows.update((n) => n + ROWS_PER_TASK));
      onCleanup(() => clearTimeout(timer));
    });
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

  /** A refresh rebuilds every row: the same client keeps their table row. */
  protected readonly trackRow = (_: number, row: CaseloadRow) => row.patientId;

  protected scrolled(event: Event): void {
    this.scrollTop.set((event.target as HTMLElement).scrollTop);
  }

  protected update(change: Partial<CaseloadFilters>): void {
    this.store.dispatch(
      CaseloadPageActions.viewChanged({ filters: { ...this.filters(), ...change } }),
    );
  }

  protected search(event: Event): void {
    this.store.dispatch(
      CaseloadPageActions.searchTyped({ q: (event.target as HTMLInputElement).value }),
    );
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

  /**
   * A row's labels, worked out once per row rather than at every check of the table (the date
   * is formatted in the program's time zone, which is not cheap).
   */
  protected labels(row: CaseloadRow): CaseloadRowLabels {
    let labels = this.labelCache.get(row);
    if (!labels) this.labelCache.set(row, (labels = caseloadRowLabels(row, this.timeZone)));
    return labels;
  }
}
