import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  afterRenderEffect,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { configFeature } from '../../../core/config/config-feature';
import { formatDay } from '../../../domain/progress/measure-summary';
import { todayIn } from '../../../domain/time/calendar-day';
import { themeFeature } from '../../../shell/theme/theme-feature';
import { JourneyChart } from './journey-chart';
import { JOURNEY_PARAM, journeyLinkId } from './journey-param';
import {
  JourneySectionState,
  selectJourneyPatientId,
  selectJourneySection,
} from './journey-selectors';

/**
 * The journey of the client chosen on the board (`?journey=<patient id>`): stays by level of care
 * over time with the primary measure laid over them, the planned transition, and a way on to
 * the client's progress page. Choosing a card moves focus here; closing returns it to the card.
 */
@Component({
  selector: 'app-journey-section',
  imports: [JourneyChart, MatButtonModule, RouterLink],
  templateUrl: './journey-section.html',
  styleUrl: './journey-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JourneySection {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private readonly today = todayIn(
    this.store.selectSignal(configFeature.selectProgramTimeZone)(),
    new Date(),
  );
  protected readonly patientId = this.store.selectSignal(selectJourneyPatientId);
  // One selector per client shown, dropped when another is chosen.
  private readonly sectionSignal = computed(() => {
    const id = this.patientId();
    return id ? this.store.selectSignal(selectJourneySection(id, this.today)) : undefined;
  });
  protected readonly section = computed(
    (): JourneySectionState => this.sectionSignal()?.() ?? { status: 'not-loaded' },
  );
  protected readonly view = computed(() => {
    const s = this.section();
    return s.status === 'ready' ? s.view : undefined;
  });
  protected readonly dark = computed(
    () => this.store.selectSignal(themeFeature.selectMode)() === 'dark',
  );
  protected readonly formatDay = formatDay;

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  constructor() {
    // Focus follows a choice made on the board, not a page opened with the parameter already
    // in its URL: only a change after the first render moves it.
    let previous: string | null | undefined;
    afterRenderEffect(() => {
      const id = this.patientId();
      const heading = this.heading()?.nativeElement;
      if (previous !== undefined && id && id !== previous) heading?.focus();
      previous = id;
    });
  }

  protected async close(patientId: string): Promise<void> {
    await this.router.navigate([], {
      queryParams: { [JOURNEY_PARAM]: null },
      queryParamsHandling: 'merge',
    });
    this.document.getElementById(journeyLinkId(patientId))?.focus();
  }
}
