import { createHash, randomBytes } from 'node:crypto';
import { DemoUser } from './demo-users';

export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
  readonly state: string;
  readonly codeChallenge: string;
  readonly nonce?: string;
  readonly launch?: string;
  readonly expiresAt: number;
}

export interface Grant {
  readonly user: DemoUser;
  readonly clientId: string;
  readonly scope: string;
  readonly nonce?: string;
}

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

/**
 * In-memory state of the demo authorisation server: pending sign-ins, one-time codes, access
 * tokens and single-use refresh tokens grouped in families, so that reuse of a spent refresh
 * token revokes everything issued from it (RFC 6819 §5.2.2.3).
 */
export class TokenRegistry {
  private readonly pending = new Map<string, AuthorizationRequest>();
  private readonly codes = new Map<
    string,
    Issued<Grant & { redirectUri: string; codeChallenge: string }>
  >();
  private readonly access = new Map<string, Issued<Grant>>();
  private readonly refresh = new Map<string, Issued<Grant> & { family: string }>();
  private readonly spentRefresh = new Map<string, string>();
  private readonly revokedFamilies = new Set<string>();

  constructor(
    readonly accessTokenSeconds: number,
    readonly refreshTokenSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  addPending(request: Omit<AuthorizationRequest, 'expiresAt'>): string {
    const id = randomToken();
    this.pending.set(id, { ...request, expiresAt: this.now() + 10 * 60_000 });
    return id;
  }

  takePending(id: string): AuthorizationRequest | undefined {
    const request = this.pending.get(id);
    this.pending.delete(id);
    return request && request.expiresAt > this.now() ? request : undefined;
  }

  issueCode(grant: Grant, redirectUri: string, codeChallenge: string): string {
    const code = randomToken();
    this.codes.set(code, {
      value: { ...grant, redirectUri, codeChallenge },
      expiresAt: this.now() + 60_000,
    });
    return code;
  }

  /** Codes are single use: taken out whether or not the exchange then succeeds. */
  takeCode(code: string): (Grant & { redirectUri: string; codeChallenge: string }) | undefined {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    return issued && issued.expiresAt > this.now() ? issued.value : undefined;
  }

  issueAccess(grant: Grant): string {
    const token = randomToken();
    this.access.set(token, {
      value: grant,
      expiresAt: this.now() + this.accessTokenSeconds * 1000,
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

  issueRefresh(grant: Grant, family = randomToken()): string {
    const token = randomToken();
    this.refresh.set(token, {
      value: grant,
      expiresAt: this.now() + this.refreshTokenSeconds * 1000,
      family,
    });
    return token;
  }

  /** Rotates a refresh token; a second use of a spent one revokes its whole family. */
  useRefresh(token: string): { grant: Grant; family: string } | 'reused' | undefined {
    const spentFamily = this.spentRefresh.get(token);
    if (spentFamily) {
      this.revokedFamilies.add(spentFamily);
      for (const [t, r] of this.refresh) if (r.family === spentFamily) this.refresh.delete(t);
      return 'reused';
    }
    const issued = this.refresh.get(token);
    if (!issued || issued.expiresAt <= this.now() || this.revokedFamilies.has(issued.family))
      return undefined;
    this.refresh.delete(token);
    this.spentRefresh.set(token, issued.family);
    return { grant: issued.value, family: issued.family };
  }
}
