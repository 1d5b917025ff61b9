import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { AppConfig, provideAppConfig } from '../../../core/config/app-config';
import { MappedEpisode } from '../../../fhir-mapping';
import { PlanConflict } from './plan-conflict';
import { ConflictChoice, PlanConflictDialog } from './plan-conflict-dialog';

@Component({
  selector: 'app-conflict-dialog-host',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

const config: AppConfig = {
  fhirBaseUrl: '/fhir',
  auth: 'smart',
  clientId: 'waypoint',
  scopes: '',
  idleTimeoutMinutes: 15,
  programTimeZone: 'America/Chicago',
  programName: 'Spec',
  codeMaps: {},
  clinicalThresholds: {},
};

const current: MappedEpisode = {
  id: 'e1',
  patientId: 'p1',
  level: 'iop',
  status: 'active',
  start: '2026-10-05',
  versionId: '4',
};

const CONFLICT: PlanConflict = {
  patientId: 'p1',
  episodeId: 'e1',
  stage: 'saving',
  changedBy: 'Avery Lanternfield',
  changedAt: '2026-11-29T15:42:07Z',
  changes: [
    {
      what: 'Planned transition',
      before: 'None',
      after: 'Step-down to Outpatient on 12 Dec 2026',
    },
    { what: 'Reason', before: 'None', after: 'Treatment goals met' },
  ],
  current,
};

describe('PlanConflictDialog', () => {
  let loader: HarnessLoader;
  let fixture: ComponentFixture<Host>;
  let ref: MatDialogRef<PlanConflictDialog, ConflictChoice>;

  async function open(conflict: PlanConflict) {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        provideAppConfig(config),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    fixture = TestBed.createComponent(Host);
    ref = TestBed.inject(MatDialog).open(PlanConflictDialog, {
      data: { conflict },
      role: 'alertdialog',
    });
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    return loader.getHarness(MatDialogHarness);
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  const buttons = async () =>
    Promise.all((await loader.getAllHarnesses(MatButtonHarness)).map((b) => b.getText()));

  it('says who changed the episode and when, that nothing was overwritten, and what changed', async () => {
    const dialog = await open(CONFLICT);
    expect(await dialog.getTitleText()).toBe('Someone else changed this episode');
    expect(await dialog.getRole()).toBe('alertdialog');
    const text = await dialog.getContentText();
    expect(text).toContain('Changed by Avery Lanternfield on 29 Nov 2026 at 09:42.');
    expect(text).toContain('Your plan was not saved, and nothing was overwritten.');
    const rows = [...document.querySelectorAll('app-plan-conflict-dialog tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Planned transition', 'None', 'Step-down to Outpatient on 12 Dec 2026'],
      ['Reason', 'None', 'Treatment goals met'],
    ]);
    expect(document.querySelector('app-plan-conflict-dialog caption')?.textContent?.trim()).toBe(
      'What changed',
    );
    expect(await buttons()).toEqual(['Keep theirs', 'Review and plan again']);
  });

  it('offers to plan again against the new version', async () => {
    await open(CONFLICT);
    let choice: ConflictChoice | undefined;
    ref.afterClosed().subscribe((c) => (choice = c));
    await (
      await loader.getHarness(MatButtonHarness.with({ text: 'Review and plan again' }))
    ).click();
    await fixture.whenStable();
    expect(choice).toBe('plan-again');
  });

  it('keeps theirs on request', async () => {
    await open(CONFLICT);
    let choice: ConflictChoice | undefined;
    ref.afterClosed().subscribe((c) => (choice = c));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Keep theirs' }))).click();
    await fixture.whenStable();
    expect(choice).toBe('keep-theirs');
  });

  it('closes on Escape with no choice, which the effects treat as keeping theirs', async () => {
    const dialog = await open(CONFLICT);
    let choice: ConflictChoice | undefined | 'open' = 'open';
    ref.afterClosed().subscribe((c) => (choice = c));
    await dialog.close();
    expect(choice).toBeUndefined();
  });

  it('when the episode could not be read again, only offers to keep theirs', async () => {
    const dialog = await open({ patientId: 'p1', episodeId: 'e1', stage: 'opening', changes: [] });
    const text = await dialog.getContentText();
    expect(text).toContain('It was changed after you opened it.');
    expect(text).toContain(
      'It changed after this page loaded it. Review the change before planning.',
    );
    expect(text).toContain('The episode as it is now could not be loaded.');
    expect(await buttons()).toEqual(['Keep theirs']);
  });

  it('says when only parts the page does not show changed', async () => {
    const dialog = await open({ ...CONFLICT, changedBy: undefined, changes: [] });
    expect(await dialog.getContentText()).toContain(
      'Nothing this page shows about the episode changed, but its record did.',
    );
  });
});
