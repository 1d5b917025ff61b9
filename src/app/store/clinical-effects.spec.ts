import { TestBed } from '@angular/core/testing';
import { provideMockActions } from '@ngrx/effects/testing';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { Observable, ReplaySubject, Subject, of, throwError } from 'rxjs';
import { UserMenuActions } from '../core/auth/auth-actions';
import { APP_CONFIG } from '../core/config/app-config';
import { authFeature } from '../core/auth/auth-feature';
import { SignedInUser } from '../core/auth/signed-in-user';
import { FhirClient, SearchOutcome } from '../core/fhir/fhir-client';
import { FhirError } from '../core/fhir/fhir-error';
import { FhirResource } from '../core/fhir/fhir-resource';
import { ClinicalApiActions, DataStatusActions, RouteDataActions } from './clinical-actions';
import { refreshQueries$, runQuery$, startNeededQueries$ } from './clinical-effects';
import { IDLE_QUERY, QueryStatus, queriesFeature } from './queries-feature';
import { searchOutcome } from './store-fixtures';

const user: SignedInUser = {
  practitionerRef: 'Practitioner/t1',
  name: 'Avery Lanternfield',
  role: 'therapist',
  organizationRefs: [],
};

/** A small but real caseload: one episode with its patient, one PHQ-9, one unreadable score. */
const RESOURCES: Record<string, SearchOutcome> = {
  EpisodeOfCare: searchOutcome(
    [
      {
        resourceType: 'EpisodeOfCare',
        id: 'e1',
        status: 'active',
        type: [
          {
            coding: [
              { system: 'https://waypoint.example.org/fhir/CodeSystem/level-of-care', code: 'iop' },
            ],
          },
        ],
        patient: { reference: 'Patient/p1' },
        period: { start: '2026-10-05' },
      },
    ],
    [{ resourceType: 'Patient', id: 'p1', name: [{ given: ['Robin'], family: 'Testfield' }] }],
  ),
  Observation: searchOutcome([
    {
      resourceType: 'Observation',
      id: 'o1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-02',
      valueInteger: 14,
    },
    {
      resourceType: 'Observation',
      id: 'o2',
      status: 'final',
      code: { coding: [{ system: 'http://example.org/local', code: 'mood' }] },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-02',
      valueInteger: 3,
    },
  ]),
};

const LOCAL_PHP = { system: 'urn:oid:2.16.840.1.113883.3.999', code: 'DAY-TX', level: 'php' };

describe('clinical effects', () => {
  let actions$: ReplaySubject<Action>;
  let store: MockStore;
  let search: jasmine.Spy<(type: string) => Observable<SearchOutcome>>;

  let read: jasmine.Spy<(type: string, id: string) => Observable<FhirResource>>;

  function setup(query: QueryStatus = IDLE_QUERY, client: QueryStatus = IDLE_QUERY) {
    actions$ = new ReplaySubject<Action>();
    search = jasmine
      .createSpy('search')
      .and.callFake((type: string) => of(RESOURCES[type] ?? searchOutcome([])));
    read = jasmine
      .createSpy('read')
      .and.callFake((type: string, id: string) => of({ resourceType: type, id }));
    TestBed.configureTestingModule({
      providers: [
        provideMockActions(() => actions$),
        provideMockStore({
          selectors: [
            { selector: authFeature.selectUser, value: user },
            { selector: queriesFeature.selectQuery('caseload'), value: query },
            { selector: queriesFeature.selectQuery('client/p9'), value: client },
            { selector: queriesFeature.selectByKey, value: { caseload: query } },
          ],
        }),
        { provide: FhirClient, useValue: { search, read } },
        // The program's config.json: one local level-of-care code of its own.
        { provide: APP_CONFIG, useValue: { codeMaps: { levelOfCare: [LOCAL_PHP] } } },
      ],
    });
    store = TestBed.inject(MockStore);
  }

  afterEach(() => store.resetSelectors());

  function collect(effect: () => Observable<Action>): Action[] {
    const out: Action[] = [];
    TestBed.runInInjectionContext(effect).subscribe((a) => out.push(a));
    return out;
  }

  /** Lets a load's mapping, which runs a slice per task, finish. */
  async function mapped(out: readonly Action[], count = 1): Promise<void> {
    for (let i = 0; i < 100 && out.length < count; i++)
      await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it('starts a needed query unless it is loading or loaded within the cache time', () => {
    setup({ ...IDLE_QUERY, status: 'loaded', loadedAt: Date.now() });
    const out = collect(startNeededQueries$);
    actions$.next(RouteDataActions.dataNeeded({ query: 'caseload' }));
    expect(out).toEqual([]);
    TestBed.resetTestingModule();

    setup({ ...IDLE_QUERY, status: 'loaded', loadedAt: Date.now() - 6 * 60_000 });
    const stale = collect(startNeededQueries$);
    actions$.next(RouteDataActions.dataNeeded({ query: 'caseload' }));
    expect(stale.map((a) => a.type)).toEqual([ClinicalApiActions.queryStarted.type]);
  });

  it('refreshes loaded queries whatever the cache says', () => {
    setup({ ...IDLE_QUERY, status: 'loaded', loadedAt: Date.now() });
    const out = collect(refreshQueries$);
    actions$.next(DataStatusActions.refreshClicked());
    expect(out.map((a) => a.type)).toEqual([ClinicalApiActions.queryStarted.type]);
  });

  it('loads, maps and reports what could not be read', async () => {
    setup();
    const out = collect(runQuery$);
    actions$.next(ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 0 }));
    await mapped(out);
    expect(out.length).toBe(1);
    const loaded = out[0] as ReturnType<typeof ClinicalApiActions.queryLoaded>;
    expect(loaded.type).toBe(ClinicalApiActions.queryLoaded.type);
    expect(loaded.patientIds).toEqual(['p1']);
    expect(loaded.data.episodes.map((e) => [e.id, e.level])).toEqual([['e1', 'iop']]);
    expect(loaded.data.patients.map((p) => p.id)).toEqual(['p1']);
    expect(loaded.data.scores.map((s) => [s.instrumentId, s.total])).toEqual([['phq-9', 14]]);
    expect(loaded.mapping.rejected).toBe(1);
    expect(loaded.mapping.examples[0]).toEqual(
      jasmine.objectContaining({ resourceType: 'Observation', id: 'o2', severity: 'rejected' }),
    );
    // 1 caseload search, 9 per patient, staff and programs.
    expect(search.calls.count()).toBe(12);
    // Sessions and scores from 8 days before the episode began (2026-10-05): recent history.
    expect(loaded.historyFrom).toBe('2026-09-27');
  });

  it('maps episodes with the level-of-care codes config.json adds', async () => {
    setup();
    const [episode] = RESOURCES['EpisodeOfCare'].matches;
    const local = {
      ...episode,
      type: [{ coding: [{ system: LOCAL_PHP.system, code: LOCAL_PHP.code }] }],
    };
    search.and.callFake((type: string) =>
      of(
        type === 'EpisodeOfCare'
          ? { ...RESOURCES['EpisodeOfCare'], matches: [local] }
          : (RESOURCES[type] ?? searchOutcome([])),
      ),
    );
    const out = collect(runQuery$);
    actions$.next(ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 0 }));
    await mapped(out);
    const loaded = out[0] as ReturnType<typeof ClinicalApiActions.queryLoaded>;
    expect(loaded.data.episodes.map((e) => [e.id, e.level])).toEqual([['e1', 'php']]);
  });

  it('reports a refusal as not permitted', () => {
    setup();
    search.and.returnValue(
      throwError(() => new FhirError({ kind: 'forbidden', status: 403, message: 'no' })),
    );
    const out = collect(runQuery$);
    actions$.next(ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 0 }));
    expect(out).toEqual([
      ClinicalApiActions.queryFailed({
        query: 'caseload',
        message: 'The FHIR server did not permit loading this caseload.',
        forbidden: true,
      }),
    ]);
  });

  it('drops a load still running when the session ends, so nothing refills the store', async () => {
    setup();
    const pending = new Subject<SearchOutcome>();
    search.and.returnValue(pending);
    const out = collect(runQuery$);
    actions$.next(ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 0 }));
    actions$.next(UserMenuActions.signOutClicked());
    pending.next(RESOURCES['EpisodeOfCare']);
    pending.complete();
    await mapped(out);
    expect(out).toEqual([]);
  });

  it('drops a load whose mapping is under way when the session ends', async () => {
    setup();
    const out = collect(runQuery$);
    actions$.next(ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 0 }));
    // The searches answered at once; the mapping waits for its first slice.
    actions$.next(UserMenuActions.signOutClicked());
    await mapped(out);
    expect(out).toEqual([]);
  });

  describe('a client page', () => {
    const fresh = (patientIds: string[]): QueryStatus => ({
      ...IDLE_QUERY,
      status: 'loaded',
      loadedAt: Date.now(),
      patientIds,
    });

    it("is served from a fresh caseload that read the client's whole record, with no extra requests", () => {
      setup(fresh(['p1', 'p9']));
      const out = collect(startNeededQueries$);
      actions$.next(RouteDataActions.dataNeeded({ query: 'client/p9' }));
      expect(out).toEqual([]);
    });

    it('loads the client itself when the caseload that covers them is partial', () => {
      setup({ ...fresh(['p1', 'p9']), partial: true, partialReasons: ['A page failed.'] });
      const out = collect(startNeededQueries$);
      actions$.next(RouteDataActions.dataNeeded({ query: 'client/p9' }));
      expect(out.map((a) => a.type)).toEqual([ClinicalApiActions.queryStarted.type]);
    });

    it('loads the client itself when the caseload read recent history only', () => {
      setup({ ...fresh(['p1', 'p9']), historyFrom: '2026-09-27' });
      const out = collect(startNeededQueries$);
      actions$.next(RouteDataActions.dataNeeded({ query: 'client/p9' }));
      expect(out.map((a) => a.type)).toEqual([ClinicalApiActions.queryStarted.type]);
    });

    it('does not refetch a client loaded within the cache time', () => {
      setup({ ...fresh(['p1', 'p9']), historyFrom: '2026-09-27' }, fresh(['p9']));
      const out = collect(startNeededQueries$);
      actions$.next(RouteDataActions.dataNeeded({ query: 'client/p9' }));
      expect(out).toEqual([]);
    });

    it('does not wait for a caseload load in flight', () => {
      setup({ ...IDLE_QUERY, status: 'loading' });
      const out = collect(startNeededQueries$);
      actions$.next(RouteDataActions.dataNeeded({ query: 'client/p9' }));
      expect(out.map((a) => a.type)).toEqual([ClinicalApiActions.queryStarted.type]);
      expect((out[0] as ReturnType<typeof ClinicalApiActions.queryStarted>).query).toBe(
        'client/p9',
      );
    });

    it('reads the patient, then searches their record once per resource type', async () => {
      setup();
      const out = collect(runQuery$);
      actions$.next(ClinicalApiActions.queryStarted({ query: 'client/p9', startedAt: 0 }));
      await mapped(out);
      const loaded = out[0] as ReturnType<typeof ClinicalApiActions.queryLoaded>;
      expect(loaded.type).toBe(ClinicalApiActions.queryLoaded.type);
      expect(loaded.patientIds).toEqual(['p9']);
      expect(read).toHaveBeenCalledOnceWith('Patient', 'p9');
      expect(search.calls.allArgs().map(([type]) => type)).toEqual([
        'EpisodeOfCare',
        'Observation',
        'QuestionnaireResponse',
        'Appointment',
        'Encounter',
        'Flag',
        'CarePlan',
        'Condition',
        'CareTeam',
      ]);
      expect(loaded.requests).toBe(10);
    });

    it('does not cancel the caseload load when a client load starts', async () => {
      setup();
      const pending = new Subject<SearchOutcome>();
      // Only the caseload's first search (the episodes the therapist manages) is held back.
      search.and.callFake(((type: string, params: Record<string, unknown>) =>
        params['care-manager'] ? pending : of(RESOURCES[type] ?? searchOutcome([]))) as never);
      const out = collect(runQuery$);
      actions$.next(ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 0 }));
      actions$.next(ClinicalApiActions.queryStarted({ query: 'client/p9', startedAt: 0 }));
      pending.next(RESOURCES['EpisodeOfCare']);
      pending.complete();
      await mapped(out, 2);
      expect(
        out.map((a) => (a as ReturnType<typeof ClinicalApiActions.queryLoaded>).query).sort(),
      ).toEqual(['caseload', 'client/p9']);
    });

    it('says "not found or not permitted" when the server will not show the patient', () => {
      setup();
      read.and.returnValue(
        throwError(() => new FhirError({ kind: 'not-found', status: 404, message: 'gone' })),
      );
      const out = collect(runQuery$);
      actions$.next(ClinicalApiActions.queryStarted({ query: 'client/p9', startedAt: 0 }));
      expect(out).toEqual([
        ClinicalApiActions.queryFailed({
          query: 'client/p9',
          message: "This client's record was not found, or you are not permitted to see it.",
          forbidden: true,
        }),
      ]);
      expect(search).not.toHaveBeenCalled();
    });
  });
});
