import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { successRows } from './flows-fixture';
import { StepDownSuccessView } from './flows-view-model';
import {
  SMALL_GROUP_MARKER,
  StepDownSuccessTable,
  stepDownSuccessRows,
} from './step-down-success-table';

describe('StepDownSuccessTable', () => {
  async function render(rows: readonly StepDownSuccessView[] = successRows()) {
    TestBed.configureTestingModule({ imports: [StepDownSuccessTable] });
    const fixture = TestBed.createComponent(StepDownSuccessTable);
    fixture.componentRef.setInput('rows', rows);
    await fixture.whenStable();
    return {
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('shows counts, rate and interval for each window, and the too-early counts', async () => {
    const { loader } = await render();
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual([
      'Level pair',
      'Held at 30 days',
      'Held at 90 days',
      'Too early to judge (30 / 90)',
    ]);
    const rows = await table.getCellTextByColumnName();
    expect(rows['at30'].text).toEqual([
      '18 of 20 · 90 % (70–97 %)',
      '8 of 10 · 80 % (49–94 %)',
      '—no step-downs judged yet',
    ]);
    expect(rows['at90'].text).toEqual([
      '14 of 17 · 82 % (59–94 %)',
      '6 of 9 · 67 % (35–88 %)',
      '—no step-downs judged yet',
    ]);
    expect(rows['tooEarly'].text).toEqual(['0 / 3', '4 / 5', '2 / 2']);
  });

  it('marks small groups in words, not colour alone', async () => {
    const { loader, element } = await render();
    const pairs = (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName())[
      'pair'
    ].text;
    expect(pairs).toEqual([
      'PHP → IOP',
      `IOP → Outpatient ${SMALL_GROUP_MARKER}`,
      `IOP → Aftercare ${SMALL_GROUP_MARKER}`,
    ]);
    expect(SMALL_GROUP_MARKER).toBe('small group (n < 10): not ranked');
    expect(element.querySelectorAll('.marker').length).toBe(2);
    // The pair names its row for screen readers.
    expect(element.querySelector('tbody td')!.getAttribute('role')).toBe('rowheader');
  });

  it('hides the bare dash from screen readers and says why there is no rate', async () => {
    const { element } = await render();
    const lastRow = element.querySelectorAll('tbody tr')[2];
    const dash = lastRow.querySelector('[aria-hidden="true"]')!;
    expect(dash.textContent).toBe('—');
    expect(lastRow.querySelector('.why')!.textContent).toBe('no step-downs judged yet');
  });

  it('explains "held" and the intervals in the caption', async () => {
    const { element } = await render();
    expect(element.querySelector('caption')!.textContent!.trim()).toBe(
      'Held = no step-up or readmission within the window. 95 % Wilson intervals.',
    );
  });

  it('says so when there are no step-downs', async () => {
    const { element } = await render([]);
    expect(element.querySelector('table')).toBeNull();
    expect(element.textContent).toContain('No step-downs in this cohort yet');
  });

  it('builds rows from the view, one per level pair', () => {
    const rows = stepDownSuccessRows(successRows());
    expect(rows.map((r) => r.pair)).toEqual(['PHP → IOP', 'IOP → Outpatient', 'IOP → Aftercare']);
    expect(rows.map((r) => r.smallGroup)).toEqual([false, true, true]);
    expect(rows[2].at30).toEqual({ text: '—', note: 'no step-downs judged yet' });
  });
});
