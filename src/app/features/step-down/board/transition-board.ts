import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { configFeature } from '../../../core/config/config-feature';
import { todayIn } from '../../../domain/time/calendar-day';
import { DataStatusActions } from '../../../store/clinical-actions';
import { queriesFeature } from '../../../store/queries-feature';
import { selectCareManagers, selectPrograms } from '../../caseload/caseload-selectors';
import { selectJourneyPatientId } from '../journey/journey-selectors';
import { TransitionBoardActions } from '../step-down-actions';
import { TransitionBoardPageActions } from './transition-board-actions';
import { TransitionBoardCard } from './transition-board-card';
import { BoardFilters } from './transition-board-filters';
import { selectTransitionBoard } from './transition-board-selectors';
import { BoardCard } from './transition-board-view';

/**
 * Today's transition board: every client in care by level of care, at risk of step-up first,
 * then ready to step down, with the plan action for clients whose care team includes the user.
 */
@Component({
  selector: 'app-transition-board',
  imports: [MatButtonModule, MatFormFieldModule, MatSelectModule, TransitionBoardCard],
  templateUrl: './transition-board.html',
  styleUrl: './transition-board.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransitionBoard {
  private readonly store = inject(Store);

  private readonly today = todayIn(
    this.store.selectSignal(configFeature.selectProgramTimeZone)(),
    new Date(),
  );
  protected readonly board = this.store.selectSignal(selectTransitionBoard(this.today));
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('caseload'));
  protected readonly careManagers = this.store.selectSignal(selectCareManagers);
  protected readonly programs = this.store.selectSignal(selectPrograms);
  protected readonly journeyPatientId = this.store.selectSignal(selectJourneyPatientId);

  protected readonly subtitle = computed(() => {
    const { shown, total } = this.board();
    const count = shown === total ? `${total}` : `${shown} of ${total}`;
    return `${count} ${total === 1 ? 'client' : 'clients'} in care · at risk of step-up first, then ready to step down`;
  });

  private readonly scroller = viewChild<ElementRef<HTMLElement>>('scroller');
  private readonly resized = signal(0);
  /** A scroll box that overflows must be reachable by keyboard (WCAG 2.1.1), and only then. */
  protected readonly overflows = signal(false);

  constructor() {
    effect((onCleanup) => {
      const element = this.scroller()?.nativeElement;
      if (!element || typeof ResizeObserver === 'undefined') return;
      const observer = new ResizeObserver(() => this.resized.update((n) => n + 1));
      observer.observe(element);
      onCleanup(() => observer.disconnect());
    });
    afterRenderEffect({
      read: () => {
        this.board();
        this.resized();
        const element = this.scroller()?.nativeElement;
        this.overflows.set(!!element && element.scrollWidth > element.clientWidth);
      },
    });
  }

  protected update(change: Partial<BoardFilters>): void {
    this.store.dispatch(
      TransitionBoardPageActions.viewChanged({ filters: { ...this.board().filters, ...change } }),
    );
  }

  protected plan(card: BoardCard): void {
    this.store.dispatch(
      TransitionBoardActions.planTransitionClicked({
        patientId: card.patientId,
        episodeId: card.episodeId,
      }),
    );
  }

  protected retry(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }
}
