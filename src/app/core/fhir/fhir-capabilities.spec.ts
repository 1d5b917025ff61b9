import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CapabilitySummary, FhirCapabilities } from './fhir-capabilities';
import { BASE, capabilityStatement, fhirTestProviders } from './fhir-spec-helpers';

describe('FhirCapabilities', () => {
  let capabilities: FhirCapabilities;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: fhirTestProviders() });
    capabilities = TestBed.inject(FhirCapabilities);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const statement = capabilityStatement({
    EpisodeOfCare: {
      interactions: ['read', 'search-type', 'update', 'create'],
      params: ['patient', 'status', 'care-manager'],
      include: ['EpisodeOfCare:patient', 'EpisodeOfCare:care-manager:Practitioner'],
    },
    Patient: {
      interactions: ['read', 'search-type'],
      params: ['name'],
      include: ['*'],
      revinclude: ['Flag:patient'],
    },
  });

  it('reads metadata once and answers per type', () => {
    const seen: CapabilitySummary[] = [];
    capabilities.ready().subscribe((s) => seen.push(s));
    capabilities.ready().subscribe((s) => seen.push(s));
    const request = http.expectOne(`${BASE}/metadata`);
    expect(request.request.method).toBe('GET');
    expect(request.request.headers.get('Accept')).toBe('application/fhir+json');
    request.flush(statement);
    capabilities.ready().subscribe((s) => seen.push(s));
    expect(seen.length).toBe(3);
    expect(seen[0].known).toBeTrue();
    expect(seen[0].serverBase).toBe(BASE);

    expect(capabilities.searchParams('EpisodeOfCare')).toEqual([
      '_id',
      'patient',
      'status',
      'care-manager',
    ]);
    expect(capabilities.interactions('Patient')).toEqual(['read', 'search-type']);
    expect(capabilities.includes('EpisodeOfCare')).toEqual([
      'EpisodeOfCare:patient',
      'EpisodeOfCare:care-manager:Practitioner',
    ]);
    expect(capabilities.revIncludes('Patient')).toEqual(['Flag:patient']);
    expect(capabilities.canWrite('EpisodeOfCare', 'update')).toBeTrue();
    expect(capabilities.canWrite('EpisodeOfCare', 'create')).toBeTrue();
    expect(capabilities.canWrite('Patient', 'update')).toBeFalse();
    expect(capabilities.canWrite('Flag', 'create')).toBeFalse();
    expect(capabilities.supportsInclude('EpisodeOfCare', 'EpisodeOfCare:patient')).toBeTrue();
    expect(
      capabilities.supportsInclude('EpisodeOfCare', 'EpisodeOfCare:patient:Patient'),
    ).toBeTrue();
    expect(capabilities.supportsInclude('EpisodeOfCare', 'EpisodeOfCare:care-manager')).toBeFalse();
    expect(capabilities.supportsInclude('EpisodeOfCare', 'EpisodeOfCare:organization')).toBeFalse();
    expect(capabilities.supportsInclude('Patient', 'Patient:organization')).toBeTrue();
    expect(capabilities.supportsRevInclude('Patient', 'Flag:patient')).toBeTrue();
    expect(capabilities.supportsRevInclude('Patient', 'Observation:patient')).toBeFalse();
    expect(capabilities.supportsSearchParam('EpisodeOfCare', 'status')).toBeTrue();
    expect(capabilities.supportsSearchParam('EpisodeOfCare', 'type')).toBeFalse();
    expect(capabilities.canPostSearch('Patient')).toBeTrue();
    expect(capabilities.canPostSearch('Flag')).toBeFalse();
    capabilities.markPostSearchUnavailable();
    expect(capabilities.canPostSearch('Patient')).toBeFalse();
    expect(capabilities.error()).toBeUndefined();
  });

  it('assumes nothing and exposes the error when metadata fails', () => {
    let summary: CapabilitySummary | undefined;
    capabilities.ready().subscribe((s) => (summary = s));
    http
      .expectOne(`${BASE}/metadata`)
      .flush(
        { resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'exception' }] },
        { status: 500, statusText: 'Server Error' },
      );
    expect(summary?.known).toBeFalse();
    expect(capabilities.error()?.kind).toBe('server');
    expect(capabilities.error()?.message).toBe('The server had an unexpected problem.');
    expect(capabilities.canWrite('EpisodeOfCare', 'update')).toBeFalse();
    expect(capabilities.canPostSearch('Patient')).toBeFalse();
    expect(capabilities.supportsInclude('EpisodeOfCare', 'EpisodeOfCare:patient')).toBeUndefined();
    expect(capabilities.searchParams('Patient')).toBeUndefined();

    capabilities.reload().subscribe((s) => (summary = s));
    http.expectOne(`${BASE}/metadata`).flush(statement);
    expect(summary?.known).toBeTrue();
    expect(capabilities.error()).toBeUndefined();
  });
});
