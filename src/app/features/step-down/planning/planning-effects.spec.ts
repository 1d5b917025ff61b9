import { TestBed } from '@angular/core/testing';
import { provideMockActions } from '@ngrx/effects/testing';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { Observable, ReplaySubject, Subject, of, throwError } from 'rxjs';
import { UserMenuActions } from '../../../core/auth/auth-actions';
import { authFeature } from '../../../core/auth/auth-feature';
import { SignedInUser } from '../../../core/auth/signed-in-user';
import { AppConfig, provideAppConfig } from '../../../core/config/app-config';
import { FhirClient, OutgoingBundle, TransactionOutcome } from '../../../core/fhir/fhir-client';
import { FhirError } from '../../../core/fhir/fhir-error';
import { FhirResource } from '../../../core/fhir/fhir-resource';
import { EXTENSIONS } from '../../../domain/fhir-codes';
import { EpisodeOfCare, Extension, MappedEpisode, PatientSummary } from '../../../fhir-mapping';
import { TransitionBundle, TransitionPlan } from '../../../fhir-mapping/transition-bundle';
import { ClinicalApiActions } from '../../../store/clinical-actions';
import { episodesSlice, patientsSlice } from '../../../store/clinical-slices';
import { IDLE_QUERY, queriesFeature } from '../../../store/queries-feature';
import { selectPlannablePatients } from '../planning-availability';
import { TransitionBoardActions } from '../step-down-actions';
import { PlanConflictDialogData } from './plan-conflict-dialog';
import { PlanDialogData } from './plan-transition-dialog';
import {
  PlanConflictDialogActions,
  PlanTransitionDialogActions,
  PlanningSession,
  TransitionApiActions,
} from './planning-actions';
import { OpenedDialog, PlanningDialogs } from './planning-dialogs';
import {
  announceOpeningFailure$,
  announcePlanned$,
  loadPlanningEpisode$,
  openConflictDialog$,
  openPlanDialog$,
  reloadPlannedClient$,
  savePlan$,
} from './planning-effects';
import { planningFeature } from './planning-feature';

const LEVEL = 'https://waypoint.example.org/fhir/CodeSystem/level-of-care';
const NOT_PERMITTED =
  'You are not permitted to plan transitions for this client: only their care team can.';

const user: SignedInUser = {
  practitionerRef: 'Practitioner/pr-therapist-1',
  name: 'Avery Lanternfield',
  role: 'therapist',
  organizationRefs: [],
};

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

const seen: MappedEpisode = {
  id: 'e1',
  patientId: 'p1',
  level: 'iop',
  status: 'active',
  start: '2026-10-05',
  versionId: '3',
};

const episodeResource = (
  version: string,
  extension?: Extension[],
): EpisodeOfCare & FhirResource => ({
  resourceType: 'EpisodeOfCare',
  id: 'e1',
  meta: { versionId: version, lastUpdated: '2026-11-29T15:42:07Z' },
  ...(extension ? { extension } : {}),
  status: 'active',
  type: [{ coding: [{ system: LEVEL, code: 'iop' }] }],
  patient: { reference: 'Patient/p1' },
  period: { start: '2026-10-05' },
});

const colleaguePlan = [
  {
    url: EXTENSIONS.plannedTransition,
    extension: [
      { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'aftercare' } },
      { url: 'plannedDate', valueDate: '2026-12-20' },
      { url: 'reason', valueString: 'Goals met' },
      {
        url: 'recordedBy',
        valueReference: { reference: 'Practitioner/pr-therapist-2', display: 'Morgan Quillstone' },
      },
      { url: 'recordedAt', valueDateTime: '2026-11-29T15:42:07Z' },
    ],
  },
];

const plan: TransitionPlan = {
  targetLevel: 'outpatient',
  plannedDate: '2026-12-12',
  reason: 'Treatment goals met',
};

const session: PlanningSession = {
  patientId: 'p1',
  episodeId: 'e1',
  patientName: 'Robin Testfield',
  seen: { ...seen, versionId: '3' },
  episode: episodeResource('3'),
};

/** Lets the dialog promises resolve. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve));

class FakeDialog<R> implements OpenedDialog<R> {
  readonly closed = new Subject<R | undefined>();
  readonly close = jasmine.createSpy('close').and.callFake((result?: R) => {
    this.closed.next(result);
    this.closed.complete();
  });
}

describe('transition planning effects', () => {
  let actions$: ReplaySubject<Action>;
  let store: MockStore;
  let read: jasmine.Spy<(type: string, id: string) => Observable<FhirResource>>;
  let transaction: jasmine.Spy<(bundle: OutgoingBundle) => Observable<TransactionOutcome>>;
  let planDialog: FakeDialog<'done'>;
  let conflictDialog: FakeDialog<'keep-theirs' | 'plan-again'>;
  let dialogs: jasmine.SpyObj<PlanningDialogs>;

  beforeEach(() => {
    actions$ = new ReplaySubject<Action>();
    read = jasmine.createSpy('read').and.returnValue(of(episodeResource('3')));
    transaction = jasmine.createSpy('transaction').and.returnValue(
      of<TransactionOutcome>({
        kind: 'saved',
        response: { resourceType: 'Bundle', type: 'transaction-response', entry: [] },
      }),
    );
    planDialog = new FakeDialog();
    conflictDialog = new FakeDialog();
    dialogs = jasmine.createSpyObj<PlanningDialogs>('PlanningDialogs', {
      openPlan: Promise.resolve(planDialog),
      openConflict: Promise.resolve(conflictDialog),
      announce: Promise.resolve(),
    });
    TestBed.configureTestingModule({
      providers: [
        provideMockActions(() => actions$),
        provideMockStore({
          selectors: [
            { selector: authFeature.selectUser, value: user },
            { selector: episodesSlice.selectEntities, value: { e1: seen } },
            {
              selector: patientsSlice.selectEntities,
              value: {
                p1: { id: 'p1', name: 'Robin Testfield', active: true } satisfies PatientSummary,
              },
            },
            { selector: selectPlannablePatients, value: new Set(['p1']) },
            { selector: planningFeature.selectSession, value: session },
            {
              selector: queriesFeature.selectByKey,
              value: {
                caseload: { ...IDLE_QUERY, status: 'loaded', patientIds: ['p1', 'p2'] },
                'client/p2': { ...IDLE_QUERY, status: 'loaded', patientIds: ['p2'] },
                'client/p1': { ...IDLE_QUERY, status: 'failed' },
              },
            },
          ],
        }),
        provideAppConfig(config),
        { provide: FhirClient, useValue: { read, transaction } },
        { provide: PlanningDialogs, useValue: dialogs },
      ],
    });
    store = TestBed.inject(MockStore);
  });

  afterEach(() => store.resetSelectors());

  function collect(effect: () => Observable<Action>): Action[] {
    const out: Action[] = [];
    TestBed.runInInjectionContext(effect).subscribe((a) => out.push(a));
    return out;
  }

  const clicked = TransitionBoardActions.planTransitionClicked({
    patientId: 'p1',
    episodeId: 'e1',
  });

  describe('opening a plan', () => {
    it('reads the episode once and opens the plan against the version the board showed', () => {
      const out = collect(loadPlanningEpisode$);
      actions$.next(clicked);
      expect(read.calls.allArgs()).toEqual([['EpisodeOfCare', 'e1']]);
      expect(out).toEqual([TransitionApiActions.planningEpisodeLoaded({ session })]);
    });

    it('reads the planned episode an earlier plan made, so a re-plan changes it', () => {
      const plannedRef = {
        url: EXTENSIONS.plannedTransition,
        extension: [
          { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'outpatient' } },
          { url: 'plannedDate', valueDate: '2026-12-12' },
          { url: 'plannedEpisode', valueReference: { reference: 'EpisodeOfCare/e2' } },
        ],
      };
      const planned: EpisodeOfCare & FhirResource = {
        resourceType: 'EpisodeOfCare',
        id: 'e2',
        status: 'planned',
      };
      read.and.callFake((_type: string, id: string) =>
        of(id === 'e1' ? episodeResource('3', [plannedRef]) : planned),
      );
      const out = collect(loadPlanningEpisode$);
      actions$.next(clicked);
      expect(read.calls.allArgs()).toEqual([
        ['EpisodeOfCare', 'e1'],
        ['EpisodeOfCare', 'e2'],
      ]);
      expect(out).toEqual([
        TransitionApiActions.planningEpisodeLoaded({
          session: {
            ...session,
            episode: episodeResource('3', [plannedRef]),
            plannedEpisode: planned,
          },
        }),
      ]);

      read.and.callFake((_type: string, id: string) =>
        id === 'e1'
          ? of(episodeResource('3', [plannedRef]))
          : throwError(() => new FhirError({ kind: 'not-found', status: 410, message: 'gone' })),
      );
      actions$.next(clicked);
      expect(out[1]).toEqual(
        TransitionApiActions.planningEpisodeLoaded({
          session: { ...session, episode: episodeResource('3', [plannedRef]) },
        }),
      );
    });

    it('shows the conflict at once when the episode changed since the board loaded it', () => {
      read.and.returnValue(of(episodeResource('4', colleaguePlan)));
      const out = collect(loadPlanningEpisode$);
      actions$.next(clicked);
      expect(out.length).toBe(1);
      const action = out[0] as ReturnType<typeof TransitionApiActions.planConflicted>;
      expect(action.type).toBe(TransitionApiActions.planConflicted.type);
      expect(action.conflict).toEqual(
        jasmine.objectContaining({
          patientId: 'p1',
          episodeId: 'e1',
          stage: 'opening',
          changedBy: 'Morgan Quillstone',
          changedAt: '2026-11-29T15:42:07Z',
          changes: [
            {
              what: 'Planned transition',
              before: 'None',
              after: 'Step-down to Aftercare on 20 Dec 2026',
            },
            { what: 'Reason', before: 'None', after: 'Goals met' },
          ],
        }),
      );
      expect(action.conflict.current?.versionId).toBe('4');
    });

    it('plans again against the version the conflict showed', () => {
      read.and.returnValue(of(episodeResource('4')));
      const out = collect(loadPlanningEpisode$);
      actions$.next(
        PlanConflictDialogActions.planAgainChosen({
          patientId: 'p1',
          episodeId: 'e1',
          seen: { ...seen, versionId: '4' },
        }),
      );
      expect(out).toEqual([
        TransitionApiActions.planningEpisodeLoaded({
          session: { ...session, seen: { ...seen, versionId: '4' }, episode: episodeResource('4') },
        }),
      ]);
    });

    it('refuses a client outside the user\u2019s care team without a request', () => {
      store.overrideSelector(selectPlannablePatients, new Set<string>());
      const out = collect(loadPlanningEpisode$);
      actions$.next(clicked);
      expect(read).not.toHaveBeenCalled();
      expect(out).toEqual([
        TransitionApiActions.planFailed({
          patientId: 'p1',
          episodeId: 'e1',
          stage: 'opening',
          message: NOT_PERMITTED,
          forbidden: true,
        }),
      ]);
    });

    it('says "not permitted" when the server refuses the read (403)', () => {
      read.and.returnValue(
        throwError(() => new FhirError({ kind: 'forbidden', status: 403, message: 'x' })),
      );
      const out = collect(loadPlanningEpisode$);
      actions$.next(clicked);
      expect(out).toEqual([
        TransitionApiActions.planFailed({
          patientId: 'p1',
          episodeId: 'e1',
          stage: 'opening',
          message: NOT_PERMITTED,
          forbidden: true,
        }),
      ]);
    });

    it('will not plan against an episode without a version, or one not loaded', () => {
      const out = collect(loadPlanningEpisode$);
      store.overrideSelector(episodesSlice.selectEntities, {
        e1: { ...seen, versionId: undefined },
      });
      store.refreshState();
      actions$.next(clicked);
      store.overrideSelector(episodesSlice.selectEntities, {});
      store.refreshState();
      actions$.next(clicked);
      expect(read).not.toHaveBeenCalled();
      expect(out.map((a) => (a as { message?: string }).message)).toEqual([
        'This server did not say which version of the episode this is, so a plan cannot be saved without risking overwriting someone else’s change.',
        'This episode is not loaded any more. Refresh the page and try again.',
      ]);
    });

    it('opens the dialog with the form\u2019s facts and reports Cancel or Escape as Cancelled', async () => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date('2026-11-29T18:00:00Z'));
      const out = collect(openPlanDialog$);
      actions$.next(TransitionApiActions.planningEpisodeLoaded({ session }));
      jasmine.clock().uninstall();
      await settle();
      expect(dialogs.openPlan).toHaveBeenCalledOnceWith({
        patientId: 'p1',
        episodeId: 'e1',
        patientName: 'Robin Testfield',
        currentLevel: 'iop',
        today: '2026-11-29',
      } satisfies PlanDialogData);
      planDialog.close(undefined);
      expect(out).toEqual([
        PlanTransitionDialogActions.cancelled({ patientId: 'p1', episodeId: 'e1' }),
      ]);
      // The Cancel button closes with '' (mat-dialog-close without a value).
      planDialog = new FakeDialog();
      dialogs.openPlan.and.returnValue(Promise.resolve(planDialog));
      actions$.next(TransitionApiActions.planningEpisodeLoaded({ session }));
      await settle();
      planDialog.close('' as 'done');
      expect(out.length).toBe(2);
    });

    it('closes the dialog itself when the plan is saved or conflicts, without a Cancelled', async () => {
      const out = collect(openPlanDialog$);
      actions$.next(TransitionApiActions.planningEpisodeLoaded({ session }));
      await settle();
      actions$.next(
        TransitionApiActions.transitionPlanned({
          patientId: 'p9',
          episodeId: 'e9',
          plan,
          stepDown: true,
        }),
      );
      expect(planDialog.close).not.toHaveBeenCalled();
      actions$.next(
        TransitionApiActions.transitionPlanned({
          patientId: 'p1',
          episodeId: 'e1',
          plan,
          stepDown: true,
        }),
      );
      expect(planDialog.close).toHaveBeenCalledOnceWith('done');
      expect(out).toEqual([]);
    });

    it('closes an open dialog when the session ends', async () => {
      collect(openPlanDialog$);
      actions$.next(TransitionApiActions.planningEpisodeLoaded({ session }));
      await settle();
      actions$.next(UserMenuActions.signOutClicked());
      expect(planDialog.close).toHaveBeenCalledOnceWith('done');
    });
  });

  describe('saving a plan', () => {
    const submitted = PlanTransitionDialogActions.submitted({
      patientId: 'p1',
      episodeId: 'e1',
      plan,
    });

    it('sends one transaction: the update guarded by the version seen, and the new planned episode', () => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date('2026-11-29T15:42:07Z'));
      const out = collect(savePlan$);
      actions$.next(submitted);
      jasmine.clock().uninstall();
      expect(transaction).toHaveBeenCalledTimes(1);
      const bundle = transaction.calls.argsFor(0)[0] as TransitionBundle;
      expect(bundle.type).toBe('transaction');
      expect(bundle.entry.map((e) => e.request)).toEqual([
        { method: 'PUT', url: 'EpisodeOfCare/e1', ifMatch: 'W/"3"' },
        { method: 'POST', url: 'EpisodeOfCare' },
      ]);
      expect(bundle.entry[1].fullUrl).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      const parts = bundle.entry[0].resource.extension?.[0].extension;
      expect(parts).toContain({
        url: 'recordedBy',
        valueReference: { reference: 'Practitioner/pr-therapist-1', display: 'Avery Lanternfield' },
      });
      expect(parts).toContain({ url: 'recordedAt', valueDateTime: '2026-11-29T15:42:07.000Z' });
      expect(parts).toContain({
        url: 'plannedEpisode',
        valueReference: { reference: bundle.entry[1].fullUrl! },
      });
      expect(read).not.toHaveBeenCalled();
      expect(out).toEqual([
        TransitionApiActions.transitionPlanned({
          patientId: 'p1',
          episodeId: 'e1',
          plan,
          stepDown: true,
        }),
      ]);
    });

    it('on a 412 writes nothing more: reads the episode only to show who changed what', () => {
      transaction.and.returnValue(
        of<TransactionOutcome>({ kind: 'conflict', message: 'Someone else changed this record.' }),
      );
      read.and.returnValue(of(episodeResource('4', colleaguePlan)));
      const out = collect(savePlan$);
      actions$.next(submitted);
      expect(transaction).toHaveBeenCalledTimes(1);
      expect(read.calls.allArgs()).toEqual([['EpisodeOfCare', 'e1']]);
      const action = out[0] as ReturnType<typeof TransitionApiActions.planConflicted>;
      expect(action.type).toBe(TransitionApiActions.planConflicted.type);
      expect(action.conflict).toEqual(
        jasmine.objectContaining({
          stage: 'saving',
          changedBy: 'Morgan Quillstone',
          changedAt: '2026-11-29T15:42:07Z',
        }),
      );
    });

    it('still reports the conflict when the episode cannot be read afterwards', () => {
      transaction.and.returnValue(of<TransactionOutcome>({ kind: 'conflict', message: 'x' }));
      read.and.returnValue(
        throwError(() => new FhirError({ kind: 'forbidden', status: 403, message: 'x' })),
      );
      const out = collect(savePlan$);
      actions$.next(submitted);
      expect(out).toEqual([
        TransitionApiActions.planConflicted({
          conflict: { patientId: 'p1', episodeId: 'e1', stage: 'saving', changes: [] },
        }),
      ]);
    });

    it('shows a 403 as "not permitted"', () => {
      transaction.and.returnValue(
        throwError(() => new FhirError({ kind: 'forbidden', status: 403, message: 'x' })),
      );
      const out = collect(savePlan$);
      actions$.next(submitted);
      expect(out).toEqual([
        TransitionApiActions.planFailed({
          patientId: 'p1',
          episodeId: 'e1',
          stage: 'saving',
          message: NOT_PERMITTED,
          forbidden: true,
        }),
      ]);
    });

    it('reports other failures with the server\u2019s sentence, or a plain one', () => {
      const out = collect(savePlan$);
      transaction.and.returnValue(
        throwError(
          () =>
            new FhirError({
              kind: 'server',
              status: 500,
              message: 'The server had a problem answering (HTTP 500). Try again later.',
            }),
        ),
      );
      actions$.next(submitted);
      transaction.and.returnValue(throwError(() => new Error('boom')));
      actions$.next(submitted);
      expect(out.map((a) => (a as { message?: string }).message)).toEqual([
        'The server had a problem answering (HTTP 500). Try again later.',
        'The plan could not be saved. Try again in a moment.',
      ]);
      expect(out.every((a) => (a as { forbidden?: boolean }).forbidden === false)).toBeTrue();
    });

    it('refuses a submit for another episode than the one open', () => {
      const out = collect(savePlan$);
      actions$.next(
        PlanTransitionDialogActions.submitted({ patientId: 'p1', episodeId: 'e7', plan }),
      );
      expect(transaction).not.toHaveBeenCalled();
      expect((out[0] as { message?: string }).message).toBe(
        'This plan is no longer open. Start again from the board.',
      );
    });
  });

  describe('after a save or a conflict', () => {
    it('opens the conflict dialog and turns its choice into an event', async () => {
      const out = collect(openConflictDialog$);
      const current = { ...seen, versionId: '4' };
      const conflict = {
        patientId: 'p1',
        episodeId: 'e1',
        stage: 'saving' as const,
        changes: [],
        current,
      };
      actions$.next(TransitionApiActions.planConflicted({ conflict }));
      await settle();
      expect(dialogs.openConflict).toHaveBeenCalledOnceWith({
        conflict,
      } satisfies PlanConflictDialogData);
      conflictDialog.close('plan-again');
      expect(out).toEqual([
        PlanConflictDialogActions.planAgainChosen({
          patientId: 'p1',
          episodeId: 'e1',
          seen: current,
        }),
      ]);

      conflictDialog = new FakeDialog();
      dialogs.openConflict.and.returnValue(Promise.resolve(conflictDialog));
      actions$.next(TransitionApiActions.planConflicted({ conflict }));
      await settle();
      conflictDialog.close(undefined);
      expect(out[1]).toEqual(
        PlanConflictDialogActions.keepTheirsChosen({ patientId: 'p1', episodeId: 'e1' }),
      );
    });

    it('reloads every query that holds the client, and no other', () => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date(1_000));
      const out = collect(reloadPlannedClient$);
      actions$.next(
        TransitionApiActions.transitionPlanned({
          patientId: 'p1',
          episodeId: 'e1',
          plan,
          stepDown: true,
        }),
      );
      jasmine.clock().uninstall();
      expect(out).toEqual([
        ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 1_000 }),
        ClinicalApiActions.queryStarted({ query: 'client/p1', startedAt: 1_000 }),
      ]);
    });

    it('confirms a saved plan in a snackbar', () => {
      collect(announcePlanned$);
      actions$.next(
        TransitionApiActions.transitionPlanned({
          patientId: 'p1',
          episodeId: 'e1',
          plan,
          stepDown: true,
        }),
      );
      expect(dialogs.announce).toHaveBeenCalledOnceWith(
        'Step-down to Outpatient planned for 12 Dec 2026',
      );
    });

    it('announces a failure that happened before the dialog opened, not one the dialog shows', () => {
      collect(announceOpeningFailure$);
      const failed = (stage: 'opening' | 'saving') =>
        TransitionApiActions.planFailed({
          patientId: 'p1',
          episodeId: 'e1',
          stage,
          message: NOT_PERMITTED,
          forbidden: true,
        });
      actions$.next(failed('saving'));
      actions$.next(failed('opening'));
      expect(dialogs.announce).toHaveBeenCalledOnceWith(NOT_PERMITTED);
    });
  });
});
