import { TestBed } from '@angular/core/testing';
import { ItemGridView } from '../progress-view-model';
import { ItemHeatMap, shadeFor } from './item-heat-map';

const LABELS = [
  '1. Little interest or pleasure in doing things',
  '2. Feeling down, depressed or hopeless',
  '3. Trouble falling or staying asleep, or sleeping too much',
  '4. Feeling tired or having little energy',
  '5. Poor appetite or overeating',
  '6. Feeling bad about yourself',
  '7. Trouble concentrating on things',
  '8. Moving or speaking slowly, or being fidgety or restless',
  '9. Thoughts of self-harm',
];

const DAYS = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24', '2026-12-01', '2026-12-08'];

/** Six weekly PHQ-9s of a client improving in IOP, with a brief rise on item 9 in weeks 3–4. */
function phq9Grid(): ItemGridView {
  return {
    instrumentId: 'phq-9',
    shortName: 'PHQ-9',
    items: LABELS.map((label, i) => ({ id: `${i + 1}`, label, safety: i === 8 })),
    columns: DAYS.map((day, i) => ({ id: `obs-${i + 1}`, day })),
    cells: [
      [3, 3, 2, 2, 1, 1],
      [3, 2, 3, 2, 1, 0],
      [2, 2, 2, undefined, 1, 1],
      [3, 3, 2, 2, 2, 1],
      [1, 1, 1, 0, 0, 0],
      [2, 2, 2, 1, 1, 1],
      [2, 1, 1, 1, 1, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 1, 2, 0, 0],
    ],
    itemMax: 3,
  };
}

/** Sixteen weeks of GAD-7: too many columns for the table to fit a page width. */
function longGrid(): ItemGridView {
  const weeks = 16;
  return {
    instrumentId: 'gad-7',
    shortName: 'GAD-7',
    items: [
      { id: '1', label: '1. Feeling nervous, anxious or on edge', safety: false },
      { id: '2', label: '2. Not being able to stop or control worrying', safety: false },
    ],
    columns: Array.from({ length: weeks }, (_, i) => ({
      id: `g-${i}`,
      day: `2027-0${1 + Math.floor(i / 4)}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
    })),
    cells: [Array.from({ length: weeks }, () => 2), Array.from({ length: weeks }, () => 1)],
    itemMax: 3,
  };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('ItemHeatMap', () => {
  async function render(grid: ItemGridView, width?: string, scaleLabels?: readonly string[]) {
    const fixture = TestBed.createComponent(ItemHeatMap);
    const element = fixture.nativeElement as HTMLElement;
    if (width) element.style.width = width;
    fixture.componentRef.setInput('grid', grid);
    if (scaleLabels) fixture.componentRef.setInput('scaleLabels', scaleLabels);
    await fixture.whenStable();
    return { fixture, element };
  }

  const text = (el: Element | null | undefined) =>
    (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const bodyRows = (element: HTMLElement) => [...element.querySelectorAll('tbody tr')];

  it('is a captioned table with one column per administration date', async () => {
    const { element } = await render(phq9Grid());
    expect(text(element.querySelector('table > caption'))).toBe('PHQ-9 items over time');
    const headers = [...element.querySelectorAll('thead th')];
    expect(headers.map((h) => h.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    expect(text(headers[0])).toBe('Item');
    const dates = headers.slice(1);
    expect(dates.map((h) => text(h.querySelector('[aria-hidden="true"]')))).toEqual([
      '3 Nov',
      '10 Nov',
      '17 Nov',
      '24 Nov',
      '1 Dec',
      '8 Dec',
    ]);
    expect(text(dates[0].querySelector('.cdk-visually-hidden'))).toBe('3 November 2026');
    expect(dates[4].querySelector('time')?.getAttribute('datetime')).toBe('2026-12-01');
  });

  it('has a row per item, headed by its label, with the scores as text', async () => {
    const { element } = await render(phq9Grid());
    const rows = bodyRows(element);
    expect(rows.length).toBe(9);
    expect(rows.map((r) => r.querySelector('th[scope="row"]')?.textContent?.trim())).toEqual([
      ...LABELS.slice(0, 8),
      jasmine.stringMatching(/^9\. Thoughts of self-harm\s+Safety item$/),
    ]);
    expect([...rows[1].querySelectorAll('td')].map(text)).toEqual(['3', '2', '3', '2', '1', '0']);
  });

  it('marks the safety item in words and each positive item 9 score', async () => {
    const { element } = await render(phq9Grid());
    const rows = bodyRows(element);
    expect(rows.filter((r) => r.classList.contains('safety'))).toEqual([rows[8]]);
    expect(element.querySelectorAll('.safety-marker').length).toBe(1);
    expect(text(rows[8].querySelector('th .safety-marker'))).toBe('Safety item');

    const cells = [...rows[8].querySelectorAll('td')];
    expect(cells.map((c) => c.classList.contains('positive'))).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(text(cells[3])).toBe('2 !, safety item positive');
    expect(text(cells[3].querySelector('.cdk-visually-hidden'))).toBe(', safety item positive');
    expect(text(cells[0])).toBe('0');
    // A high score on an ordinary item is shaded, not flagged.
    expect(element.querySelectorAll('td.positive').length).toBe(2);
    expect(text(element)).not.toMatch(/3\s*!/);
  });

  it('shows an unanswered item as a dash that reads "not answered"', async () => {
    const { element } = await render(phq9Grid());
    const missing = bodyRows(element)[2].querySelectorAll('td')[3];
    expect(missing.classList).toContain('missing');
    expect(text(missing.querySelector('[aria-hidden="true"]'))).toBe('–');
    expect(text(missing.querySelector('.cdk-visually-hidden'))).toBe('not answered');
    expect(element.querySelectorAll('td.missing').length).toBe(1);
  });

  it('tolerates a row shorter than the columns as unanswered', async () => {
    const grid = phq9Grid();
    const { element } = await render({ ...grid, cells: [[1, 2], ...grid.cells.slice(1)] });
    const cells = [...bodyRows(element)[0].querySelectorAll('td')];
    expect(cells.map((c) => c.classList.contains('missing'))).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('grades shading by score relative to the item maximum', async () => {
    expect([0, 1, 2, 3].map((s) => shadeFor(s, 3))).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3, 4].map((s) => shadeFor(s, 4))).toEqual([0, 1, 2, 3, 3]);
    const { element } = await render(phq9Grid());
    const shades = [...bodyRows(element)[1].querySelectorAll('td')].map((c) =>
      c.getAttribute('data-shade'),
    );
    expect(shades).toEqual(['3', '2', '3', '2', '1', '0']);
  });

  it('keeps score text at 4.5:1 or better on every shade, in light and dark schemes', async () => {
    const { element, fixture } = await render(phq9Grid());
    const row = bodyRows(element)[1];
    const cells = [5, 4, 3, 0].map((i) => row.querySelectorAll('td')[i] as HTMLElement);
    const strongest: string[] = [];
    for (const scheme of ['light', 'dark']) {
      element.style.colorScheme = scheme;
      await fixture.whenStable();
      const backgrounds = new Set<string>();
      for (const cell of cells) {
        const style = getComputedStyle(cell);
        backgrounds.add(style.backgroundColor);
        const ratio = contrast(parseColour(style.color), parseColour(style.backgroundColor));
        expect(ratio)
          .withContext(`${scheme}, shade ${cell.dataset['shade']}`)
          .toBeGreaterThanOrEqual(4.5);
      }
      expect(backgrounds.size).withContext(`${scheme}: four distinct shades`).toBe(4);
      strongest.push(getComputedStyle(cells[2]).backgroundColor);
    }
    expect(strongest[0]).withContext('the dark scheme has its own shades').not.toBe(strongest[1]);
  });

  it('explains the shading with the response scale, or the labels it is given', async () => {
    const { element } = await render(phq9Grid());
    expect([...element.querySelectorAll('.legend li')].map(text)).toEqual([
      '0 Not at all',
      '1 Several days',
      '2 More than half the days',
      '3 Nearly every day',
    ]);
    TestBed.resetTestingModule();
    const custom = await render(phq9Grid(), undefined, ['Never', 'Sometimes', 'Often', 'Always']);
    expect(text(custom.element.querySelector('.legend li:last-child'))).toBe('3 Always');
  });

  it('does not add a tab stop when the table fits', async () => {
    const { element } = await render(phq9Grid(), '1400px');
    await nextFrame();
    await nextFrame();
    const scroller = element.querySelector('.scroller')!;
    expect(scroller.hasAttribute('tabindex')).toBeFalse();
    expect(scroller.hasAttribute('role')).toBeFalse();
  });

  it('makes many columns a keyboard-scrollable region with the item column sticky', async () => {
    const { element } = await render(longGrid(), '600px');
    const region = element.querySelector('.scroller') as HTMLElement;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-label')).toBe('GAD-7 items over time, scrolls sideways');
    expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    const itemHeader = element.querySelector('tbody th[scope="row"]') as HTMLElement;
    expect(getComputedStyle(itemHeader).position).toBe('sticky');
    region.scrollLeft = 200;
    expect(Math.round(itemHeader.getBoundingClientRect().left)).toBe(
      Math.round(region.getBoundingClientRect().left),
    );
  });

  it('becomes scrollable and focusable when a few columns overflow a narrow box', async () => {
    const { element, fixture } = await render(phq9Grid(), '280px');
    await nextFrame();
    await nextFrame();
    await fixture.whenStable();
    const region = element.querySelector('.scroller')!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
  });
});

/** WCAG 2 contrast ratio of two sRGB colours given as 0–1 channels. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = ([r, g, b]: readonly number[]) => {
    const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Computed colours come back as `rgb(…)` or, from color-mix(), as `color(srgb …)`. */
function parseColour(value: string): number[] {
  const rgb = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)/.exec(value);
  if (rgb) return [rgb[1], rgb[2], rgb[3]].map((c) => Number(c) / 255);
  const srgb = /^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(value);
  if (srgb) return [srgb[1], srgb[2], srgb[3]].map(Number);
  throw new Error(`unparsed colour ${value}`);
}
