import { DOCUMENT, Injectable, inject } from '@angular/core';
import { SESSION_STORAGE_KEYS } from './session-storage-keys';
import { PendingSignIn, SmartSession } from './smart-session';

/** An open-mode (unsecured server) session: who was picked, and nothing else. */
export interface OpenSession {
  readonly practitionerRef: string;
}

/**
 * The only code that touches sessionStorage. It holds tokens and a pending sign-in, never FHIR
 * data; a value that cannot be parsed is dropped rather than trusted.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage;

  readSession(): SmartSession | OpenSession | null {
    return this.read(SESSION_STORAGE_KEYS.session, isSession);
  }

  writeSession(session: SmartSession | OpenSession): void {
    this.storage?.setItem(SESSION_STORAGE_KEYS.session, JSON.stringify(session));
  }

  readPending(): PendingSignIn | null {
    return this.read(SESSION_STORAGE_KEYS.pendingSignIn, isPending);
  }

  writePending(pending: PendingSignIn): void {
    this.storage?.setItem(SESSION_STORAGE_KEYS.pendingSignIn, JSON.stringify(pending));
  }

  removePending(): void {
    this.storage?.removeItem(SESSION_STORAGE_KEYS.pendingSignIn);
  }

  /** Sign-out, idle log-off, a failed refresh and a 401 all end here. */
  clear(): void {
    this.storage?.clear();
  }

  private read<T>(key: string, guard: (value: unknown) => value is T): T | null {
    const text = this.storage?.getItem(key);
    if (!text) return null;
    try {
      const value: unknown = JSON.parse(text);
      if (guard(value)) return value;
    } catch {
      // fall through: a damaged entry is removed below
    }
    this.storage?.removeItem(key);
    return null;
  }
}

export function isSmartSession(session: SmartSession | OpenSession): session is SmartSession {
  return 'accessToken' in session;
}

function isSession(value: unknown): value is SmartSession | OpenSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v['practitionerRef'] !== 'string') return false;
  if (!('accessToken' in v)) return true;
  return (
    typeof v['accessToken'] === 'string' &&
    typeof v['expiresAt'] === 'number' &&
    typeof v['server'] === 'object' &&
    v['server'] !== null
  );
}

function isPending(value: unknown): value is PendingSignIn {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['state'] === 'string' &&
    typeof v['codeVerifier'] === 'string' &&
    typeof v['nonce'] === 'string' &&
    typeof v['redirectUri'] === 'string' &&
    typeof v['returnTo'] === 'string' &&
    typeof v['server'] === 'object'
  );
}
