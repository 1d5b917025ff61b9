import { Chart } from 'chart.js';
import { PhaseView, TransitionMarker } from '../progress-view-model';
import { JOURNEY, phq9 } from './chart-fixtures';
import { provideProgressCharts } from './chart-registration';
import { measureChartConfig } from './measure-chart-config';
import { LabelBox, overlaps } from './backdrop-labels';

/** A journey crowded at its start: three days inpatient, a week in PHP, then IOP. */
const PHASES: readonly PhaseView[] = [
  phase('ep-ip', 'inpatient', 'Inpatient', '2026-08-24', '2026-08-26', 3),
  phase('ep-php', 'php', 'PHP', '2026-08-27', '2026-09-02', 7),
  phase('ep-iop', 'iop', 'IOP', '2026-09-03', '2026-11-02', 61),
];
const TRANSITIONS: readonly TransitionMarker[] = [
  { day: '2026-08-27', kind: 'step-down', label: 'Step-down to PHP' },
  { day: '2026-09-03', kind: 'step-down', label: 'Step-down to IOP' },
  { day: '2026-10-30', kind: 'planned', label: 'Planned step-down to OP' },
];

function phase(
  episodeId: string,
  level: PhaseView['level'],
  label: string,
  from: string,
  to: string,
  days: number,
): PhaseView {
  return { episodeId, level, label, from, to, days, ongoing: false };
}

describe('progress backdrop labels', () => {
  let canvas: HTMLCanvasElement;
  // Only destroyed: its exact type depends on which Chart.js type registrations are compiled in.
  let chart: { destroy(): void } | undefined;

  beforeEach(() => {
    provideProgressCharts();
    canvas = document.createElement('canvas');
    const box = document.createElement('div');
    box.style.cssText = 'width: 640px; height: 260px; position: fixed; left: 0; top: 0';
    box.appendChild(canvas);
    document.body.appendChild(box);
  });

  afterEach(() => {
    chart?.destroy();
    canvas.parentElement!.remove();
  });

  /** Draws the chart and returns the transition labels' boxes and every text drawn. */
  function draw(): { boxes: LabelBox[]; texts: string[] } {
    const context = CanvasRenderingContext2D.prototype;
    const boxes: LabelBox[] = [];
    const texts: string[] = [];
    spyOn(context, 'roundRect').and.callFake((x: number, y: number, w: number, h: number) => {
      boxes.push({ left: x, right: x + w, top: y, bottom: y + h });
    });
    spyOn(context, 'fillText').and.callFake((text: string) => {
      texts.push(text);
    });
    const config = measureChartConfig(phq9(), {
      phases: PHASES,
      transitions: TRANSITIONS,
      events: [],
      range: JOURNEY,
    });
    chart = new Chart(canvas, config);
    return { boxes, texts };
  }

  it('stacks transition labels a few days apart instead of drawing them over each other', () => {
    const { boxes, texts } = draw();
    for (const name of TRANSITIONS.map((t) => t.label)) expect(texts).toContain(name);
    // The score lines' labels are drawn first, then the transitions' (the last three boxes).
    const transitions = boxes.slice(-TRANSITIONS.length);
    for (let i = 0; i < transitions.length; i++)
      for (let j = i + 1; j < transitions.length; j++)
        expect(overlaps(transitions[i], transitions[j]))
          .withContext(`transition labels ${i} and ${j}`)
          .toBeFalse();
  });

  it('names a level only where its stay is wide enough for the name', () => {
    const { texts } = draw();
    // Three days of ten weeks are ~25 px: "Inpatient" would run into "PHP".
    expect(texts).not.toContain('Inpatient');
    expect(texts).toContain('PHP');
    expect(texts).toContain('IOP');
  });
});
