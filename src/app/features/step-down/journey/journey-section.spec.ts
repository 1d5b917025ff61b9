import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { configFeature } from '../../../core/config/config-feature';
import { todayIn } from '../../../domain/time/calendar-day';
import { themeFeature } from '../../../shell/theme/theme-feature';
import { provideStepDownCharts } from '../step-down-chart-registration';
import { timelineOf } from './journey-fixture';
import {
  JourneySectionState,
  selectJourneyPatientId,
  selectJourneySection,
} from './journey-selectors';
import { JourneySection } from './journey-section';

describe('JourneySection', () => {
  const today = todayIn('America/Chicago', new Date());
  const view = timelineOf();

  afterEach(() => {
    TestBed.inject(MockStore).resetSelectors();
    document.getElementById('board-journey-p1')?.remove();
  });

  async function render(patientId: string | null, section?: JourneySectionState) {
    TestBed.configureTestingModule({
      imports: [JourneySection],
      providers: [
        provideRouter([]),
        provideStepDownCharts(),
        provideMockStore({
          selectors: [
            { selector: configFeature.selectProgramTimeZone, value: 'America/Chicago' },
            { selector: themeFeature.selectMode, value: 'light' },
            { selector: selectJourneyPatientId, value: patientId },
            ...(patientId && section
              ? [{ selector: selectJourneySection(patientId, today), value: section }]
              : []),
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(JourneySection);
    await fixture.whenStable();
    return {
      fixture,
      store: TestBed.inject(MockStore),
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows nothing and takes no room while no journey is chosen', async () => {
    const { element } = await render(null);
    expect(element.querySelector('section')).toBeNull();
    expect(getComputedStyle(element).display).toBe('none');
  });

  it('shows the chosen client’s journey under a named heading, with the plan and the way on', async () => {
    const { element } = await render('p1', { status: 'ready', view });
    const section = element.querySelector('section')!;
    const h2 = section.querySelector('h2')!;
    expect(text(h2)).toBe('Journey: Robin Testfield');
    expect(section.getAttribute('aria-labelledby')).toBe(h2.id);
    expect(section.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(view.summary);
    expect(text(section.querySelector('.planned'))).toBe(
      'Planned step-down to Outpatient on 10 Dec 2026 · Reason: met step-down criteria',
    );
    const link = [...section.querySelectorAll('a')].find((a) => text(a) === 'Open progress page')!;
    expect(link.getAttribute('href')).toBe('/clients/p1');
  });

  it('closes by removing the parameter and hands focus back to the card’s Journey link', async () => {
    const { loader, fixture } = await render('p1', { status: 'ready', view });
    const cardLink = document.createElement('a');
    cardLink.id = 'board-journey-p1';
    cardLink.href = '#';
    document.body.appendChild(cardLink);
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Close journey' }))).click();
    expect(navigate).toHaveBeenCalledOnceWith([], {
      queryParams: { journey: null },
      queryParamsHandling: 'merge',
    });
    await fixture.whenStable();
    expect(document.activeElement).toBe(cardLink);
  });

  it('moves focus to the heading when a card chooses another client, not on first load', async () => {
    const { fixture, store, element } = await render('p1', { status: 'ready', view });
    expect(document.activeElement).not.toBe(element.querySelector('h2'));
    store.overrideSelector(selectJourneySection('p2', today), { status: 'loading' });
    store.overrideSelector(selectJourneyPatientId, 'p2');
    store.refreshState();
    await fixture.whenStable();
    expect(text(element.querySelector('[role="status"]'))).toBe('Loading the journey…');
    expect(document.activeElement).toBe(element.querySelector('h2'));
  });

  it('says plainly when the client is not loaded here, and still offers the progress page', async () => {
    const { element } = await render('p9', { status: 'not-loaded' });
    expect(text(element.querySelector('h2'))).toBe('Journey');
    expect(text(element.querySelector('[role="status"]'))).toContain(
      'This client is not on the board, so their journey is not loaded on this page.',
    );
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(element.querySelector('a.progress-link')?.getAttribute('href')).toBe('/clients/p9');
  });

  it('says when the board’s clients could not be loaded', async () => {
    const { element } = await render('p1', { status: 'failed' });
    expect(text(element.querySelector('[role="alert"]'))).toContain(
      'could not be loaded, so this journey cannot be shown here',
    );
  });
});
