import { DOCUMENT, Injectable, Injector, inject, signal } from '@angular/core';
import { Subject } from 'rxjs';
import { APP_CONFIG } from '../config/app-config';
import { FhirBase } from '../fhir/fhir-base';
import { OpenSession, SessionStore, isSmartSession } from './session-store';
import { SignedInUser } from './signed-in-user';
import { PendingSignIn, SignInError, SmartSession } from './smart-session';
import type { StaffIdentity } from './staff-identity';

/** Refresh this long before the access token expires, so no request meets an expired one. */
export const REFRESH_MARGIN_MS = 60_000;

const loadLaunch = () => import('./smart-launch');
const loadIdentity = () => import('./staff-identity').then((m) => m.StaffIdentity);

/**
 * The one service that knows how Waypoint signs in: SMART App Launch (standalone or EHR) or,
 * for servers without security, an open session for a picked practitioner. It holds the
 * tokens, renews them before they expire and ends the session; NgRx effects call it.
 */
@Injectable({ providedIn: 'root' })
export class SmartAuth {
  private readonly config = inject(APP_CONFIG);
  private readonly document = inject(DOCUMENT);
  private readonly sessions = inject(SessionStore);
  private readonly injector = inject(Injector);
  private readonly base = inject(FhirBase);
  private readonly fhirBase = this.base.href;

  private readonly current = signal<SmartSession | OpenSession | null>(this.sessions.readSession());
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  private readonly refreshFailures = new Subject<string>();
  /** Emits when a scheduled refresh fails, so the app can end the session with a message. */
  readonly refreshFailed$ = this.refreshFailures.asObservable();

  readonly session = this.current.asReadonly();

  get isOpenMode(): boolean {
    return this.config.auth === 'open';
  }

  /** The bearer token for FHIR requests, if the session has one. */
  accessToken(): string | null {
    const session = this.current();
    return session && isSmartSession(session) ? session.accessToken : null;
  }

  /** Whether a URL is on the configured FHIR server, so it may carry the token. */
  isFhirUrl(url: string): boolean {
    return this.base.contains(url);
  }

  /** Standalone or EHR launch: discovery, then a full-page redirect to the authorise URL. */
  async startSignIn(returnTo: string, launch?: { iss: string; launch: string }): Promise<void> {
    if (launch && launch.iss.replace(/\/+$/, '') !== this.fhirBase) {
      // A launch naming another server must not receive this app's sign-in.
      throw new SignInError(
        `This launch names a FHIR server (${launch.iss}) that Waypoint is not configured for.`,
      );
    }
    const smart = await loadLaunch();
    const server = await smart.discoverServer(this.fhirBase);
    const { url, pending } = await smart.beginSignIn(server, {
      fhirBaseUrl: this.fhirBase,
      clientId: this.config.clientId,
      scopes: this.config.scopes,
      redirectUri: new URL('callback', this.document.baseURI).toString(),
      returnTo,
      launch: launch?.launch,
    });
    this.sessions.writePending(pending);
    this.document.location.assign(url.toString());
  }

  /** The redirect back from the authorisation server: returns where the user was going. */
  async completeSignIn(callbackUrl: string): Promise<{ user: SignedInUser; returnTo: string }> {
    const pending: PendingSignIn | null = this.sessions.readPending();
    this.sessions.removePending();
    if (!pending) {
      throw new SignInError(
        'This sign-in response does not belong to a sign-in started in this tab. Start again.',
      );
    }
    const smart = await loadLaunch();
    const { session, launchPatient } = await smart.completeSignIn(
      pending,
      this.config.clientId,
      new URL(callbackUrl),
    );
    this.setSession(session);
    // Launched from a patient's chart in the EHR: open that client's progress page, which
    // itself says "not permitted" if the user is not on the client's care team.
    const returnTo = launchPatient ? `/clients/${launchPatient}` : pending.returnTo;
    return { user: await this.staffIdentity(session.practitionerRef), returnTo };
  }

  /** Open mode: the picked practitioner, with no token. */
  async openAs(practitionerRef: string): Promise<SignedInUser> {
    this.setSession({ practitionerRef });
    return this.staffIdentity(practitionerRef);
  }

  /** After a reload: the session in sessionStorage, renewed if it expired meanwhile. */
  async restore(now = Date.now()): Promise<SignedInUser | null> {
    const session = this.current();
    if (!session) return null;
    if (isSmartSession(session)) {
      if (session.expiresAt - REFRESH_MARGIN_MS <= now && !(await this.refresh())) return null;
      this.scheduleRefresh(this.current() as SmartSession);
    }
    return this.staffIdentity(session.practitionerRef);
  }

  /** Renews the access token once, however many callers ask at the same moment. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** Ends the session here: revokes the refresh token (best effort) and forgets everything. */
  async signOut(): Promise<void> {
    const session = this.current();
    this.clear();
    if (session && isSmartSession(session)) {
      const smart = await loadLaunch();
      await smart.revokeSession(session, this.config.clientId);
    }
  }

  /** Forgets the session and clears sessionStorage, without telling the server. */
  clear(): void {
    clearTimeout(this.refreshTimer);
    this.current.set(null);
    this.sessions.clear();
  }

  /** Who the user is, from the FHIR server (the client and mappers download only now). */
  private async staffIdentity(practitionerRef: string): Promise<SignedInUser> {
    const identity: StaffIdentity = this.injector.get(await loadIdentity());
    return identity.load(practitionerRef);
  }

  private async doRefresh(): Promise<boolean> {
    const session = this.current();
    if (!session || !isSmartSession(session) || !session.refreshToken) return false;
    try {
      const smart = await loadLaunch();
      this.setSession(await smart.refreshSession(session, this.config.clientId));
      return true;
    } catch {
      return false;
    }
  }

  private setSession(session: SmartSession | OpenSession): void {
    this.current.set(session);
    this.sessions.writeSession(session);
    if (isSmartSession(session)) this.scheduleRefresh(session);
  }

  private scheduleRefresh(session: SmartSession): void {
    clearTimeout(this.refreshTimer);
    if (!session.refreshToken) return;
    const delay = Math.max(5_000, session.expiresAt - REFRESH_MARGIN_MS - Date.now());
    this.refreshTimer = setTimeout(async () => {
      if (!(await this.refresh())) {
        this.refreshFailures.next('Your session could not be renewed. Sign in again to continue.');
      }
    }, delay);
  }
}
