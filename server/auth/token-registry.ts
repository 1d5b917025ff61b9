import { createHash, randomBytes } from 'node:crypto';
import { DemoUser } from './demo-users';

/** What an EHR launch hands the app (SMART App Launch 2, launch context). */
export interface LaunchContext {
  readonly patient?: string;
  readonly encounter?: string;
  readonly needPatientBanner: boolean;
}

export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly nonce?: string;
  readonly launch?: LaunchContext;
  readonly expiresAt: number;
}

export interface Grant {
  readonly user: DemoUser;
  readonly clientId: string;
  readonly scope: string;
  readonly nonce?: string;
  readonly launch?: LaunchContext;
}

export type CodeGrant = Grant & { readonly redirectUri: string; readonly codeChallenge: string };

interface Issued<T> {
  readonly value: T;
  readonly expiresAt: number;
}

/** 256 bits from the system's CSPRNG, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

const PENDING_MS = 10 * 60_000;
const CODE_MS = 60_000;
const LAUNCH_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * In-memory state of the demo authorisation server: pending sign-ins, launch contexts, one-time
 * codes, access tokens and single-use refresh tokens grouped in families (one family per
 * sign-in), so that reuse of a spent refresh token revokes everything issued from that sign-in,
 * access tokens included (RFC 6819 §5.2.2.3, OAuth 2.0 Security BCP §4.14).
 *
 * Access tokens are opaque random strings rather than JWTs: the resource server is this same
 * process, so a lookup is all validation needs, and an opaque token can be revoked at once.
 * Expired entries are swept at most once a minute so a long-running server does not grow.
 */
export class TokenRegistry {
  private readonly pending = new Map<string, AuthorizationRequest>();
  private readonly launches = new Map<string, Issued<LaunchContext>>();
  private readonly codes = new Map<string, Issued<CodeGrant>>();
  private readonly access = new Map<string, Issued<Grant> & { family?: string }>();
  private readonly refresh = new Map<string, Issued<Grant> & { family: string }>();
  /** Spent refresh token → its family, kept as long as the token would have lived. */
  private readonly spentRefresh = new Map<string, Issued<string>>();
  private lastSweep = 0;

  constructor(
    readonly accessTokenSeconds: number,
    readonly refreshTokenSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  addPending(request: Omit<AuthorizationRequest, 'expiresAt'>): string {
    this.sweep();
    const id = randomToken();
    this.pending.set(id, { ...request, expiresAt: this.now() + PENDING_MS });
    return id;
  }

  /** A pending sign-in is single use: the form's request id cannot be replayed. */
  takePending(id: string): AuthorizationRequest | undefined {
    const request = this.pending.get(id);
    this.pending.delete(id);
    return request && request.expiresAt > this.now() ? request : undefined;
  }

  /** An EHR launch context; it may be used by several authorisations until it expires. */
  createLaunch(context: LaunchContext): string {
    this.sweep();
    const id = randomToken();
    this.launches.set(id, { value: context, expiresAt: this.now() + LAUNCH_MS });
    return id;
  }

  lookupLaunch(id: string): LaunchContext | undefined {
    const launch = this.launches.get(id);
    return launch && launch.expiresAt > this.now() ? launch.value : undefined;
  }

  issueCode(grant: Grant, redirectUri: string, codeChallenge: string): string {
    this.sweep();
    const code = randomToken();
    this.codes.set(code, {
      value: { ...grant, redirectUri, codeChallenge },
      expiresAt: this.now() + CODE_MS,
    });
    return code;
  }

  /** Codes are single use: taken out whether or not the exchange then succeeds. */
  takeCode(code: string): CodeGrant | undefined {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    return issued && issued.expiresAt > this.now() ? issued.value : undefined;
  }

  issueAccess(grant: Grant, family?: string): string {
    this.sweep();
    const token = randomToken();
    this.access.set(token, {
      value: grant,
      expiresAt: this.now() + this.accessTokenSeconds * 1000,
      ...(family ? { family } : {}),
    });
    return token;
  }

  lookupAccess(token: string): Grant | 'expired' | undefined {
    const issued = this.access.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= this.now()) {
      this.access.delete(token);
      return 'expired';
    }
    return issued.value;
  }

  /** A fresh family id, for the first tokens of a sign-in. */
  newFamily(): string {
    return randomToken();
  }

  issueRefresh(grant: Grant, family: string): string {
    this.sweep();
    const token = randomToken();
    this.refresh.set(token, {
      value: grant,
      expiresAt: this.now() + this.refreshTokenSeconds * 1000,
      family,
    });
    return token;
  }

  /**
   * Rotates a refresh token: the token is spent and the caller issues a new one in the same
   * family. A second use of a spent token means it leaked (or the client is broken): the whole
   * family is revoked, access tokens included.
   */
  useRefresh(token: string): { grant: Grant; family: string } | 'reused' | undefined {
    const spent = this.spentRefresh.get(token);
    if (spent && spent.expiresAt > this.now()) {
      this.revokeFamily(spent.value);
      return 'reused';
    }
    const issued = this.refresh.get(token);
    if (!issued || issued.expiresAt <= this.now()) return undefined;
    this.refresh.delete(token);
    this.spentRefresh.set(token, { value: issued.family, expiresAt: issued.expiresAt });
    return { grant: issued.value, family: issued.family };
  }

  /**
   * RFC 7009 revocation: a refresh token takes its whole sign-in with it (§2.1: access tokens of
   * the same grant SHOULD go too); an access token goes alone. Returns the client the token was
   * issued to, or undefined for an unknown token (which the endpoint must not reveal).
   */
  revoke(token: string): { clientId: string } | undefined {
    const refresh = this.refresh.get(token);
    if (refresh) {
      this.revokeFamily(refresh.family);
      return { clientId: refresh.value.clientId };
    }
    const access = this.access.get(token);
    if (access) {
      this.access.delete(token);
      return { clientId: access.value.clientId };
    }
    return undefined;
  }

  /** The client a live token was issued to, checked before revoking it (RFC 7009 §2.1). */
  clientOf(token: string): string | undefined {
    return this.refresh.get(token)?.value.clientId ?? this.access.get(token)?.value.clientId;
  }

  private revokeFamily(family: string): void {
    for (const [t, r] of this.refresh) if (r.family === family) this.refresh.delete(t);
    for (const [t, a] of this.access) if (a.family === family) this.access.delete(t);
  }

  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const map of [
      this.pending,
      this.launches,
      this.codes,
      this.access,
      this.refresh,
      this.spentRefresh,
    ] as Map<string, { expiresAt: number }>[]) {
      for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
    }
  }
}
