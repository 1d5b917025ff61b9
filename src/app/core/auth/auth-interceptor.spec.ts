import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { AuthApiActions } from './auth-actions';
import { authInterceptor } from './auth-interceptor';
import { SmartAuth } from './smart-auth';

describe('authInterceptor', () => {
  let token: string | null;
  let refreshResult: boolean;
  let refreshes: number;
  let dispatch: jasmine.Spy;
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    token = 'token-1';
    refreshResult = true;
    refreshes = 0;
    dispatch = jasmine.createSpy('dispatch');
    const auth: Partial<SmartAuth> = {
      isFhirUrl: (url: string) => url.startsWith('https://fhir.example.org/r4/'),
      accessToken: () => token,
      refresh: async () => {
        refreshes++;
        if (refreshResult) token = 'token-2';
        return refreshResult;
      },
    };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: SmartAuth, useValue: auth },
        { provide: Store, useValue: { dispatch } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the bearer token to the FHIR server and to nothing else', () => {
    http.get('https://fhir.example.org/r4/Patient').subscribe();
    http.get('https://elsewhere.example.com/data').subscribe();
    expect(
      backend.expectOne('https://fhir.example.org/r4/Patient').request.headers.get('Authorization'),
    ).toBe('Bearer token-1');
    expect(
      backend.expectOne('https://elsewhere.example.com/data').request.headers.has('Authorization'),
    ).toBeFalse();
  });

  it('renews the token once on a 401 and retries with the new one', async () => {
    const result = firstValueFrom(http.get('https://fhir.example.org/r4/Patient/p1'));
    backend
      .expectOne('https://fhir.example.org/r4/Patient/p1')
      .flush(null, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    await Promise.resolve();
    const retry = backend.expectOne('https://fhir.example.org/r4/Patient/p1');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush({ resourceType: 'Patient', id: 'p1' });
    expect(await result).toEqual({ resourceType: 'Patient', id: 'p1' });
    expect(refreshes).toBe(1);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('ends the session when the renewal fails', async () => {
    refreshResult = false;
    const result = firstValueFrom(http.get('https://fhir.example.org/r4/Patient'));
    backend
      .expectOne('https://fhir.example.org/r4/Patient')
      .flush(null, { status: 401, statusText: 'Unauthorized' });
    await expectAsync(result).toBeRejected();
    expect(dispatch).toHaveBeenCalledOnceWith(AuthApiActions.sessionExpired());
  });

  it('ends the session when the retried request is refused too', async () => {
    const result = firstValueFrom(http.get('https://fhir.example.org/r4/Patient'));
    backend
      .expectOne('https://fhir.example.org/r4/Patient')
      .flush(null, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    await Promise.resolve();
    backend
      .expectOne('https://fhir.example.org/r4/Patient')
      .flush(null, { status: 401, statusText: 'Unauthorized' });
    await expectAsync(result).toBeRejected();
    expect(refreshes).toBe(1);
    expect(dispatch).toHaveBeenCalledOnceWith(AuthApiActions.sessionExpired());
  });

  it('passes other errors through without renewing', async () => {
    const result = firstValueFrom(http.get('https://fhir.example.org/r4/Patient'));
    backend
      .expectOne('https://fhir.example.org/r4/Patient')
      .flush(null, { status: 403, statusText: 'Forbidden' });
    await expectAsync(result).toBeRejected();
    expect(refreshes).toBe(0);
    expect(dispatch).not.toHaveBeenCalled();
  });
});
