import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Sparkline } from '../../../ui/sparkline/sparkline';
import { BoardCard } from './transition-board-view';

/** One client on the transition board. Presentational: the board decides what it may offer. */
@Component({
  selector: 'app-transition-board-card',
  imports: [MatButtonModule, RouterLink, Sparkline],
  templateUrl: './transition-board-card.html',
  styleUrl: './transition-board-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransitionBoardCard {
  readonly card = input.required<BoardCard>();
  /** The plan button was used; the board dispatches, so the card stays free of the store. */
  readonly plan = output<void>();

  protected readonly headingId = computed(() => `board-card-${this.card().patientId}`);
}
