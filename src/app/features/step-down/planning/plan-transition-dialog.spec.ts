import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { PlanTransitionDialogActions } from './planning-actions';
import { PlanningStatus, planningFeature } from './planning-feature';
import { PlanDialogData, PlanTransitionDialog } from './plan-transition-dialog';

@Component({
  selector: 'app-plan-dialog-host',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

const DATA: PlanDialogData = {
  patientId: 'p1',
  episodeId: 'e1',
  patientName: 'Robin Testfield',
  currentLevel: 'iop',
  today: '2026-11-29',
};

describe('PlanTransitionDialog', () => {
  let loader: HarnessLoader;
  let store: MockStore;
  let dispatch: jasmine.Spy;
  let ref: MatDialogRef<PlanTransitionDialog, unknown>;
  let fixture: ComponentFixture<Host>;

  async function open(data: Partial<PlanDialogData> = {}, status: PlanningStatus = 'editing') {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        provideMockStore({
          selectors: [
            { selector: planningFeature.selectStatus, value: status },
            { selector: planningFeature.selectError, value: null },
          ],
        }),
      ],
    });
    fixture = TestBed.createComponent(Host);
    store = TestBed.inject(MockStore);
    dispatch = spyOn(store, 'dispatch');
    ref = TestBed.inject(MatDialog).open(PlanTransitionDialog, { data: { ...DATA, ...data } });
    loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    return loader.getHarness(MatDialogHarness);
  }

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  const field = (label: string) =>
    loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const errorsOf = async (label: string) => (await field(label)).getTextErrors();
  const input = async (label: string) => (await (await field(label)).getControl(MatInputHarness))!;
  const button = (text: string) => loader.getHarness(MatButtonHarness.with({ text }));

  it('titles the dialog with the client and offers only real transitions, grouped and labelled by direction', async () => {
    const dialog = await open();
    expect(await dialog.getTitleText()).toBe('Plan a transition for Robin Testfield');
    expect(await dialog.getContentText()).toContain('Currently in Intensive outpatient.');
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    const groups = await select.getOptionGroups();
    expect(await Promise.all(groups.map((g) => g.getLabelText()))).toEqual([
      'Step down',
      'Step up',
    ]);
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual([
      'Step-down to Outpatient (weekly)',
      'Step-down to Aftercare',
      'Step-up to Partial hospitalization',
      'Step-up to Residential',
      'Step-up to Inpatient',
    ]);
  });

  it('offers only step-ups to a client in aftercare', async () => {
    await open({ currentLevel: 'aftercare' });
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    expect(await Promise.all((await select.getOptions()).map((o) => o.getText()))).toEqual([
      'Step-up to Outpatient (weekly)',
      'Step-up to Intensive outpatient',
      'Step-up to Partial hospitalization',
      'Step-up to Residential',
      'Step-up to Inpatient',
    ]);
  });

  it('explains every missing field, focuses the first, and sends nothing', async () => {
    await open();
    await (await button('Save plan')).click();
    expect(await errorsOf('Transition')).toEqual([
      'Choose the level of care the client will move to.',
    ]);
    expect(await errorsOf('Planned date')).toEqual(['Enter the date of the transition.']);
    expect(await errorsOf('Reason')).toEqual(['Give the reason for the transition.']);
    expect(await errorsOf('Note (optional)')).toEqual([]);
    expect(await (await loader.getHarness(MatSelectHarness)).isFocused()).toBeTrue();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('takes a date from today on, with the min attribute set to today', async () => {
    await open();
    const date = await input('Planned date');
    expect(await (await date.host()).getAttribute('min')).toBe('2026-11-29');
    expect(await date.getType()).toBe('date');
    await date.setValue('2026-11-28');
    await date.blur();
    expect(await errorsOf('Planned date')).toEqual([
      'The date must be today (29 Nov 2026) or later.',
    ]);
    await date.setValue('2026-11-29');
    expect(await errorsOf('Planned date')).toEqual([]);
  });

  it('focuses the first invalid field when the level is chosen but the date is not', async () => {
    await open();
    await (
      await loader.getHarness(MatSelectHarness)
    ).clickOptions({ text: 'Step-down to Aftercare' });
    await (await button('Save plan')).click();
    expect(await (await input('Planned date')).isFocused()).toBeTrue();
  });

  it('suggests reasons for the direction chosen, and takes free text', async () => {
    await open();
    const reason = await loader.getHarness(MatAutocompleteHarness);
    await reason.focus();
    const all = await Promise.all((await reason.getOptions()).map((o) => o.getText()));
    expect(all).toContain('Treatment goals met');
    expect(all).toContain('Safety concern');
    await (
      await loader.getHarness(MatSelectHarness)
    ).clickOptions({
      text: 'Step-up to Partial hospitalization',
    });
    await reason.enterText('sympt');
    expect(await Promise.all((await reason.getOptions()).map((o) => o.getText()))).toEqual([
      'Symptoms worsening',
    ]);
    await reason.selectOption({ text: 'Symptoms worsening' });
    expect(await reason.getValue()).toBe('Symptoms worsening');
  });

  it('submits the plan: trimmed reason, and no note when none was written', async () => {
    await open();
    await (
      await loader.getHarness(MatSelectHarness)
    ).clickOptions({
      text: 'Step-down to Outpatient (weekly)',
    });
    await (await input('Planned date')).setValue('2026-12-12');
    await (await input('Reason')).setValue('  Treatment goals met  ');
    await (await input('Note (optional)')).setValue('   ');
    await (await button('Save plan')).click();
    expect(dispatch).toHaveBeenCalledOnceWith(
      PlanTransitionDialogActions.submitted({
        patientId: 'p1',
        episodeId: 'e1',
        plan: {
          targetLevel: 'outpatient',
          plannedDate: '2026-12-12',
          reason: 'Treatment goals met',
        },
      }),
    );
  });

  it('refuses a reason of spaces alone, and counts the note', async () => {
    await open();
    await (await input('Reason')).setValue('   ');
    await (await input('Reason')).blur();
    expect(await errorsOf('Reason')).toEqual(['Give the reason for the transition.']);
    await (await input('Note (optional)')).setValue('Keep Thursday group');
    expect(await (await field('Note (optional)')).getTextHints()).toEqual(['19 / 1000']);
  });

  it('starts from the plan the episode already has and says this replaces it', async () => {
    const dialog = await open({
      existing: {
        targetLevel: 'outpatient',
        plannedDate: '2026-12-20',
        reason: 'Goals met',
        note: 'Team agreed',
      },
    });
    expect(await dialog.getContentText()).toContain(
      'This replaces the plan already recorded: Step-down to Outpatient on 20 Dec 2026.',
    );
    expect(await (await loader.getHarness(MatSelectHarness)).getValueText()).toBe(
      'Step-down to Outpatient (weekly)',
    );
    expect(await (await input('Planned date')).getValue()).toBe('2026-12-20');
    expect(await (await input('Reason')).getValue()).toBe('Goals met');
    expect(await (await input('Note (optional)')).getValue()).toBe('Team agreed');
  });

  it('leaves out an earlier plan\u2019s date once it has passed', async () => {
    await open({
      existing: { targetLevel: 'outpatient', plannedDate: '2026-11-01', reason: 'Goals met' },
    });
    expect(await (await input('Planned date')).getValue()).toBe('');
  });

  it('shows the save in progress and holds the dialog open until it ends', async () => {
    const dialog = await open({}, 'saving');
    const save = await button('Saving…');
    expect(await save.isDisabled()).toBeTrue();
    expect(await (await loader.getHarness(MatSelectHarness)).isDisabled()).toBeTrue();
    expect(ref.disableClose).toBeTrue();
    await dialog.close();
    expect(await loader.getAllHarnesses(MatDialogHarness)).toHaveSize(1);
  });

  it('shows why a save failed, as an alert, and focuses the button to try again', async () => {
    await open();
    store.overrideSelector(planningFeature.selectError, {
      message:
        'You are not permitted to plan transitions for this client: only their care team can.',
      forbidden: true,
    });
    store.refreshState();
    await fixture.whenStable();
    const alert = document.querySelector('app-plan-transition-dialog [role="alert"]');
    expect(alert?.textContent?.trim()).toBe(
      'You are not permitted to plan transitions for this client: only their care team can.',
    );
    expect(await (await button('Save plan')).isFocused()).toBeTrue();
  });

  it('closes with no result on Escape', async () => {
    const dialog = await open();
    let result: unknown = 'open';
    ref.afterClosed().subscribe((r) => (result = r));
    await dialog.close();
    expect(result).toBeUndefined();
  });

  it('closes on Cancel without the result the effects use for a finished plan', async () => {
    await open();
    let result: unknown = 'open';
    ref.afterClosed().subscribe((r) => (result = r));
    await (await button('Cancel')).click();
    await fixture.whenStable();
    expect(result).not.toBe('open');
    expect(result).not.toBe('done');
  });
});
