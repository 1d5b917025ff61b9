import { DEMO_USERS } from './demo-users';
import { escapeHtml, signInPage } from './sign-in-page';
import { narrowScope, parseScopes } from './smart-scopes';
import { Grant, TokenRegistry } from './token-registry';

const GRANT: Grant = { user: DEMO_USERS[0], clientId: 'waypoint', scope: 'user/*.rs' };

describe('TokenRegistry', () => {
  let clock: number;
  let tokens: TokenRegistry;

  beforeEach(() => {
    clock = 5_000_000;
    tokens = new TokenRegistry(3600, 600, () => clock);
  });

  it('hands out a code once, and not after its minute', () => {
    const code = tokens.issueCode(GRANT, 'http://localhost/cb', 'challenge');
    expect(tokens.takeCode(code)?.redirectUri).toBe('http://localhost/cb');
    expect(tokens.takeCode(code)).toBeUndefined();
    const late = tokens.issueCode(GRANT, 'http://localhost/cb', 'challenge');
    clock += 60_000;
    expect(tokens.takeCode(late)).toBeUndefined();
  });

  it('takes a pending sign-in once', () => {
    const id = tokens.addPending({
      clientId: 'waypoint',
      redirectUri: 'http://localhost/cb',
      scope: 'openid',
      state: 's',
      codeChallenge: 'c',
    });
    expect(tokens.takePending(id)?.state).toBe('s');
    expect(tokens.takePending(id)).toBeUndefined();
  });

  it('rotates refresh tokens; replaying a spent one revokes the family, access tokens included', () => {
    const family = tokens.newFamily();
    const access = tokens.issueAccess(GRANT, family);
    const first = tokens.issueRefresh(GRANT, family);
    const other = tokens.issueAccess(GRANT, tokens.newFamily());
    const used = tokens.useRefresh(first);
    expect(used !== 'reused' && used?.family).toBe(family);
    const second = tokens.issueRefresh(GRANT, family);
    expect(tokens.useRefresh(first)).toBe('reused');
    expect(tokens.useRefresh(second)).toBeUndefined();
    expect(tokens.lookupAccess(access)).toBeUndefined();
    expect(tokens.lookupAccess(other)).toEqual(GRANT);
  });

  it('expires refresh tokens and launch contexts', () => {
    const refresh = tokens.issueRefresh(GRANT, tokens.newFamily());
    const launch = tokens.createLaunch({ patient: 'p1', needPatientBanner: true });
    expect(tokens.lookupLaunch(launch)?.patient).toBe('p1');
    clock += 600_000;
    expect(tokens.useRefresh(refresh)).toBeUndefined();
    expect(tokens.lookupLaunch(launch)).toBeUndefined();
  });

  it('revokes an access token alone, or a refresh token with its whole sign-in', () => {
    const family = tokens.newFamily();
    const access = tokens.issueAccess(GRANT, family);
    const second = tokens.issueAccess(GRANT, family);
    const refresh = tokens.issueRefresh(GRANT, family);
    expect(tokens.clientOf(refresh)).toBe('waypoint');
    expect(tokens.revoke(access)).toEqual({ clientId: 'waypoint' });
    expect(tokens.lookupAccess(access)).toBeUndefined();
    expect(tokens.lookupAccess(second)).toEqual(GRANT);
    tokens.revoke(refresh);
    expect(tokens.lookupAccess(second)).toBeUndefined();
    expect(tokens.useRefresh(refresh)).toBeUndefined();
    expect(tokens.revoke('unknown')).toBeUndefined();
  });
});

describe('SMART scope parsing', () => {
  const types = ['Patient', 'Observation', 'EpisodeOfCare', 'Library'];

  it('maps v1 read/write/* to v2 permissions and keeps v2 letters as given', () => {
    const v1 = parseScopes('user/*.read user/Observation.write', types);
    expect(['c', 'r', 'u', 'd', 's'].map((p) => v1.allows('Observation', p as never))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['c', 'r', 'u', 'd', 's'].map((p) => v1.allows('Patient', p as never))).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
    const star = parseScopes('user/Library.*', types);
    expect(star.allows('Library', 'd')).toBeTrue();
    const v2 = parseScopes('user/EpisodeOfCare.cu', types);
    expect(v2.allows('EpisodeOfCare', 'c')).toBeTrue();
    expect(v2.allows('EpisodeOfCare', 'd')).toBeFalse();
  });

  it('grants requested ∩ supported, without repeats or out-of-order permissions', () => {
    const scopes = parseScopes(
      'openid openid launch/patient user/Observation.sr user/Observation.rs?category=survey system/*.rs user/Observation.rs launch',
      types,
    );
    expect(scopes.granted).toBe('openid user/Observation.rs');
    expect(parseScopes('launch user/*.rs', types, { ehrLaunch: true }).granted).toBe(
      'launch user/*.rs',
    );
    expect(parseScopes('', types).granted).toBe('');
  });

  it('narrows a scope only to a subset of what was granted', () => {
    expect(narrowScope('openid user/*.rs offline_access', 'user/*.rs')).toBe('user/*.rs');
    expect(narrowScope('openid user/*.rs', 'user/*.cruds')).toBeUndefined();
  });
});

describe('sign-in page', () => {
  it('escapes everything it prints and lists every demo user with a role', () => {
    const page = signInPage('"><img src=x>', '<b>client</b>', ['user/<x>.rs']);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>client');
    expect(page).toContain('&lt;b&gt;client&lt;/b&gt;');
    expect(page).toContain('user/&lt;x&gt;.rs');
    for (const u of DEMO_USERS) expect(page).toContain(escapeHtml(u.name));
    expect(DEMO_USERS.filter((u) => u.role === 'therapist').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_USERS.filter((u) => u.role === 'director').length).toBeGreaterThanOrEqual(1);
    expect(page).toContain('Program director');
    expect(page).toMatch(/Demonstration server/);
    expect(page).toMatch(/no password/);
  });
});
