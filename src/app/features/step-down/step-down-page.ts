import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { authFeature } from '../../core/auth/auth-feature';
import { TransitionBoard } from './board/transition-board';
import { FlowsSection } from './flows/flows-section';
import { JourneySection } from './journey/journey-section';

/**
 * The step-down page: one section per view, each under its own h2. The transition board is for
 * everyone (a therapist's clients, a director's whole program), and so is the journey of the
 * client chosen on it; flows and outcomes across an admission cohort are the director's, so only
 * a director's session loads every episode.
 */
@Component({
  selector: 'app-step-down-page',
  imports: [FlowsSection, JourneySection, TransitionBoard],
  templateUrl: './step-down-page.html',
  styleUrl: './step-down-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepDownPage {
  private readonly user = inject(Store).selectSignal(authFeature.selectUser);
  protected readonly isDirector = computed(() => this.user()?.role === 'director');
}
