import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { BreakdownRowView, BreakdownView, RateCellView } from '../outcomes-view-model';
import { BreakdownDrill, BreakdownTable } from './breakdown-table';

const cell = (rate: number | undefined, n: number): RateCellView => ({
  rate,
  n,
  text: rate === undefined ? '—' : `${Math.round(rate * 100)} %, n = ${n}`,
});

const row = (key: string, n: number, response: number): BreakdownRowView => ({
  key,
  label: key,
  n,
  small: n < 10,
  rates: {
    completion: cell(0.8, n),
    response: cell(response, n),
    remission: cell(0.3, n),
    reliableImprovement: cell(0.5, n),
    reliableDeterioration: cell(undefined, 0),
  },
  meanImprovement: 4.25,
  adjusted: key === 'Ash' ? 1.24 : -0.5,
  adjustedText: 'observed 4.3, expected 3.0 (n = 20)',
});

const view: BreakdownView = {
  dimension: 'therapist',
  instrument: 'PHQ-9',
  overlapping: false,
  rows: [row('Ash', 20, 0.5), row('Birch', 30, 0.7), row('Tiny', 3, 1)],
};

describe('BreakdownTable', () => {
  let loader: HarnessLoader;
  let element: HTMLElement;
  let drills: BreakdownDrill[];

  beforeEach(async () => {
    const fixture = TestBed.createComponent(BreakdownTable);
    fixture.componentRef.setInput('view', view);
    drills = [];
    fixture.componentInstance.drill.subscribe((d) => drills.push(d));
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
    element = fixture.nativeElement as HTMLElement;
  });

  const groups = () =>
    Array.from(element.querySelectorAll('tbody th')).map((th) =>
      th.firstChild?.textContent?.trim(),
    );

  it('lists groups by size with small ones last and marked', () => {
    expect(groups()).toEqual(['Birch', 'Ash', 'Tiny']);
    const tiny = element.querySelectorAll('tbody tr')[2];
    expect(tiny.classList).toContain('small');
    expect(tiny.textContent).toContain('n < 10, not ranked');
    expect(element.querySelector('caption')?.textContent).toContain(
      'Outcomes by therapist (PHQ-9)',
    );
    expect(element.querySelectorAll('tbody tr')[1].textContent).toContain('+1.2');
  });

  it('sorts by a rate through the column header, small groups staying last', async () => {
    const sort = await loader.getHarness(MatSortHarness);
    const header = (await sort.getSortHeaders({ label: 'Response' }))[0];
    await header.click();
    await header.click();
    expect(await header.getSortDirection()).toBe('desc');
    expect(groups()).toEqual(['Birch', 'Ash', 'Tiny']);
    await header.click();
    await header.click();
    expect(await header.getSortDirection()).toBe('asc');
    expect(groups()).toEqual(['Ash', 'Birch', 'Tiny']);
  });

  it('opens the episodes behind a cell, and offers nothing where no episode is counted', async () => {
    const button = await loader.getHarness(
      MatButtonHarness.with({ selector: '[aria-label^="Response for Ash"]' }),
    );
    await button.click();
    expect(drills).toEqual([{ rate: 'response', groupKey: 'Ash' }]);
    const deterioration = await loader.getAllHarnesses(
      MatButtonHarness.with({ selector: '[aria-label^="Reliable deterioration"]' }),
    );
    expect(deterioration.length).toBe(0);
  });
});
