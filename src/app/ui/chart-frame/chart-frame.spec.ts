import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component, Directive, OnDestroy, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { CHART_FRAME } from './chart-frame';

/** Counts its instances, to show a view is built only while it is on show. */
@Directive({ selector: '[appProbe]' })
class Probe implements OnDestroy {
  static live = 0;
  constructor() {
    Probe.live++;
  }
  ngOnDestroy(): void {
    Probe.live--;
  }
}

@Component({
  imports: [CHART_FRAME, Probe],
  template: `
    <app-chart-frame [summary]="summary()" caption="Scores by week">
      <table *appTableView appProbe>
        <caption>
          Scores by week
        </caption>
        <tbody>
          <tr>
            <td>18</td>
          </tr>
        </tbody>
      </table>
      <canvas *appChartView appProbe></canvas>
      <p *appBelowChart class="legend">Legend</p>
    </app-chart-frame>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly summary = signal('Scores fell from 18 to 9');
}

/** A frame far below the fold that asks to be drawn only when seen. */
@Component({
  imports: [CHART_FRAME, Probe],
  template: `
    <div style="block-size: 4000px"></div>
    <app-chart-frame drawWhenSeen summary="Scores fell from 18 to 9" caption="Scores by week">
      <table *appTableView>
        <caption>
          Scores by week
        </caption>
      </table>
      <canvas *appChartView appProbe></canvas>
      <p *appBelowChart class="legend">Legend</p>
    </app-chart-frame>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FarHost {}

describe('ChartFrame', () => {
  async function render() {
    Probe.live = 0;
    TestBed.configureTestingModule({ imports: [Host] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('shows the chart as an image named by the summary, with only the chart built', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe('Scores fell from 18 to 9');
    expect(img.querySelector('canvas')).not.toBeNull();
    // The legend sits beside the image, not inside it, where it would be hidden from readers.
    expect(img.querySelector('.legend')).toBeNull();
    expect(element.querySelector('.legend')).not.toBeNull();
    expect(element.querySelector('table')).toBeNull();
    expect(Probe.live).toBe(1);

    fixture.componentInstance.summary.set('Scores rose from 9 to 18');
    await fixture.whenStable();
    expect(img.getAttribute('aria-label')).toBe('Scores rose from 9 to 18');
  });

  it('swaps the chart for the table in a region named by the caption, and back', async () => {
    const { loader, element } = await render();
    const toggle = await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }));
    await toggle.click();

    expect(await toggle.getText()).toBe('Show chart');
    expect(element.querySelector('canvas')).toBeNull();
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(element.querySelector('.legend')).toBeNull();
    const region = element.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Scores by week');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.querySelector('table')).not.toBeNull();
    expect(Probe.live).toBe(1);

    await toggle.click();
    expect(await toggle.getText()).toBe('Show table');
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('[role="region"]')).toBeNull();
    expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
    expect(Probe.live).toBe(1);
  });

  it('points the toggle at the container it swaps, unique per frame', async () => {
    const { loader, element } = await render();
    const toggle = await loader.getHarness(MatButtonHarness);
    const controlled = await (await toggle.host()).getAttribute('aria-controls');
    expect(controlled).toBeTruthy();
    const container = element.querySelector(`#${controlled}`)!;
    expect(container.querySelector('[role="img"]')).not.toBeNull();

    await toggle.click();
    expect(container.querySelector('[role="region"] table')).not.toBeNull();

    const other = TestBed.createComponent(Host);
    await other.whenStable();
    const otherId = (other.nativeElement as HTMLElement)
      .querySelector('button')!
      .getAttribute('aria-controls');
    expect(otherId).not.toBe(controlled);
  });

  describe('drawWhenSeen', () => {
    async function renderFar() {
      Probe.live = 0;
      TestBed.configureTestingModule({ imports: [FarHost] });
      const fixture = TestBed.createComponent(FarHost);
      await fixture.whenStable();
      const element = fixture.nativeElement as HTMLElement;
      return { fixture, element, frame: element.querySelector('app-chart-frame')! };
    }

    /** Lets the browser render and report intersections, until `done` or about a second. */
    async function framesUntil(fixture: ComponentFixture<unknown>, done: () => boolean) {
      for (let i = 0; i < 60 && !done(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 16));
        await fixture.whenStable();
      }
    }

    it('builds the chart once the frame is scrolled near, with its label and legend before', async () => {
      const { fixture, element, frame } = await renderFar();
      await framesUntil(fixture, () => false);
      expect(Probe.live).toBe(0);
      const img = element.querySelector('[role="img"]')!;
      expect(img.getAttribute('aria-label')).toBe('Scores fell from 18 to 9');
      expect(element.querySelector('.legend')).not.toBeNull();
      expect(element.querySelector('button')!.textContent).toContain('Show table');

      frame.scrollIntoView();
      await framesUntil(fixture, () => Probe.live > 0);
      expect(img.querySelector('canvas')).not.toBeNull();
      expect(Probe.live).toBe(1);
    });

    it('builds every waiting chart as the page prints, before the printout is laid out', async () => {
      const { element } = await renderFar();
      expect(Probe.live).toBe(0);
      window.dispatchEvent(new Event('beforeprint'));
      // No await: the browser lays out the printout as soon as the event's handlers return.
      expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
      expect(Probe.live).toBe(1);
    });

    it('stops waiting when the frame goes away unseen', async () => {
      const { fixture } = await renderFar();
      fixture.destroy();
      expect(Probe.live).toBe(0);
      window.dispatchEvent(new Event('beforeprint'));
      expect(Probe.live).toBe(0);
    });
  });
});
