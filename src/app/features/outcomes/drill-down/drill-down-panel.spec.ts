import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { PART_2_NOTICE } from '../../../ui/csv/csv';
import { DrillDownView, DrillRowView } from '../outcomes-view-model';
import { DrillDownPanel } from './drill-down-panel';

const row = (id: string, name: string, inNumerator: boolean): DrillRowView => ({
  episodeId: id,
  pseudonym: `C-${id.toUpperCase()}`,
  name,
  program: 'Adult IOP',
  therapist: 'Rowan Bramblecote',
  level: 'IOP',
  start: '2 Mar 2026',
  end: '10 May 2026',
  scores: '15 → 6',
  outcome: inNumerator ? 'Response' : 'No response',
  inNumerator,
});

const view: DrillDownView = {
  title: 'Response',
  description: '2 episodes with a PHQ-9 pair; 1 responded.',
  rows: [row('a1', 'Ash Example', true), row('b2', 'Birch Sample', false)],
  partTwo: true,
};

describe('DrillDownPanel', () => {
  let fixture: ComponentFixture<DrillDownPanel>;
  let loader: HarnessLoader;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(DrillDownPanel);
    fixture.componentRef.setInput('view', view);
    await fixture.whenStable();
    loader = TestbedHarnessEnvironment.loader(fixture);
    element = fixture.nativeElement as HTMLElement;
  });

  const headers = () =>
    Array.from(element.querySelectorAll('thead th')).map((th) => th.textContent?.trim());

  it('lists the episodes under pseudonyms, with no names until asked', async () => {
    expect(element.querySelector('h2')?.textContent).toBe('Response');
    expect(element.textContent).toContain('2 episodes with a PHQ-9 pair; 1 responded.');
    expect(headers()).not.toContain('Name');
    expect(element.textContent).not.toContain('Ash Example');
    const firstRow = element.querySelectorAll('tbody tr')[0];
    expect(firstRow.querySelector('th')?.textContent).toBe('C-A1');
    expect(firstRow.classList).toContain('counted');

    const toggle = await loader.getHarness(MatSlideToggleHarness.with({ label: 'Show names' }));
    expect(await toggle.isChecked()).toBeFalse();
    await toggle.toggle();
    expect(headers()[1]).toBe('Name');
    expect(element.textContent).toContain('Ash Example');
  });

  it('takes focus to its heading when it opens', () => {
    expect(document.activeElement).toBe(element.querySelector('h2'));
  });

  it('says when substance-use records are included, and exports with the Part 2 notice', async () => {
    expect(element.textContent).toContain('42 CFR part 2');
    let saved: Blob | undefined;
    spyOn(URL, 'createObjectURL').and.callFake((blob) => {
      saved = blob as Blob;
      return 'blob:drill';
    });
    spyOn(URL, 'revokeObjectURL');
    const click = spyOn(HTMLAnchorElement.prototype, 'click');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Export CSV' }))).click();
    expect(click).toHaveBeenCalled();
    const csv = await saved!.text();
    expect(csv).toContain(PART_2_NOTICE);
    expect(csv).toContain('C-A1,Adult IOP');
    expect(csv).not.toContain('Ash Example');
  });

  it('says so when no episode is behind the number, and closes on request', async () => {
    let closed = 0;
    fixture.componentInstance.closed.subscribe(() => closed++);
    fixture.componentRef.setInput('view', { ...view, rows: [], partTwo: false });
    await fixture.whenStable();
    expect(element.textContent).toContain('No episodes are behind this number.');
    expect(element.querySelector('table')).toBeNull();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Close list' }))).click();
    expect(closed).toBe(1);
  });
});
