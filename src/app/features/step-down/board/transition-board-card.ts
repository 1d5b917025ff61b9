import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Sparkline } from '../../../ui/sparkline/sparkline';
import { JOURNEY_PARAM, journeyLinkId } from '../journey/journey-param';
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
  /** This client's journey is the one open below the board. */
  readonly selected = input(false);
  /** The plan button was used; the board dispatches, so the card stays free of the store. */
  readonly plan = output<void>();

  protected readonly headingId = computed(() => `board-card-${this.card().patientId}`);
  protected readonly journeyLinkId = computed(() => journeyLinkId(this.card().patientId));
  /** The journey is chosen in the URL, so it survives a reload and Back closes it. */
  protected readonly journeyParams = computed(() => ({ [JOURNEY_PARAM]: this.card().patientId }));
}
