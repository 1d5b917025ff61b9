import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { KpiTileView } from '../outcomes-view-model';
import { KpiTiles } from './kpi-tiles';

const tiles: KpiTileView[] = [
  {
    id: 'response',
    label: 'Response',
    value: '48 %',
    detail: '95 % CI 35–61 % · n = 52',
    comparison: { text: '+6 points vs. previous 90 days', direction: 'up', better: true },
    episodes: 52,
  },
  {
    id: 'census',
    label: 'In care today',
    value: '41',
    detail: 'clients',
    parts: ['IOP 22', 'PHP 6'],
    comparison: { text: '+3 vs. 90 days earlier', direction: 'up' },
  },
  {
    id: 'deterioration',
    label: 'Reliable deterioration',
    value: '11 %',
    detail: '95 % CI 2–44 % · n = 9',
    comparison: { text: '+11 points', direction: 'up', better: false },
    episodes: 9,
    small: true,
  },
];

describe('KpiTiles', () => {
  let loader: HarnessLoader;
  let element: HTMLElement;
  let drilled: string[];

  beforeEach(async () => {
    const fixture = TestBed.createComponent(KpiTiles);
    fixture.componentRef.setInput('tiles', tiles);
    drilled = [];
    fixture.componentInstance.drill.subscribe((id) => drilled.push(id));
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
    element = fixture.nativeElement as HTMLElement;
  });

  it('shows each number with its n, interval and change, in a list of labelled tiles', () => {
    const items = element.querySelectorAll('.tiles > li');
    expect(items.length).toBe(3);
    const response = element.querySelector('[data-kpi="response"]')!;
    expect(response.querySelector('h3')?.textContent?.trim()).toBe('Response');
    expect(response.textContent).toContain('48 %');
    expect(response.textContent).toContain('95 % CI 35–61 % · n = 52');
    expect(response.querySelector('.comparison')?.textContent).toContain('(better)');
    const census = element.querySelector('[data-kpi="census"]')!;
    expect(Array.from(census.querySelectorAll('.parts li')).map((li) => li.textContent)).toEqual([
      'IOP 22',
      'PHP 6',
    ]);
    expect(census.querySelector('.comparison')?.textContent).not.toContain('better');
  });

  it('marks a tile with fewer than 10 and a worse change', () => {
    const tile = element.querySelector('[data-kpi="deterioration"]')!;
    expect(tile.classList).toContain('small');
    expect(tile.textContent).toContain('fewer than 10');
    expect(tile.querySelector('.comparison')?.classList).toContain('worse');
    expect(tile.querySelector('.comparison')?.textContent).toContain('(worse)');
  });

  it('opens the episodes behind a tile, and offers none for numbers not made of episodes', async () => {
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    expect(await Promise.all(buttons.map((b) => b.getText()))).toEqual([
      'Show the 52 episodes',
      'Show the 9 episodes',
    ]);
    await buttons[1].click();
    expect(drilled).toEqual(['deterioration']);
    const host = await buttons[0].host();
    expect(await host.getAttribute('aria-describedby')).toBe('kpi-response');
  });
});
