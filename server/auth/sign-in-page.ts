import { createHash } from 'node:crypto';
import { DEMO_USERS } from './demo-users';

const ROLE_LABEL = {
  therapist: 'Therapist',
  psychiatrist: 'Psychiatrist',
  director: 'Program director',
} as const;

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 36rem; padding: 0 1rem; color: #1b1c1f; background: #fdfbff; }
  .demo { border: 2px solid #8a5300; background: #fff4e5; padding: 0.75rem 1rem; border-radius: 8px; }
  ul.users { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
  button { width: 100%; text-align: left; padding: 0.75rem 1rem; font: inherit; border: 1px solid #74777f; border-radius: 8px; background: #fff; color: #1b1c1f; cursor: pointer; }
  button:hover, button:focus-visible { background: #d8e2ff; outline: 2px solid #005ac1; }
  button.cancel { width: auto; text-align: center; }
  .role { color: #44474e; }
  code { overflow-wrap: anywhere; }
`;

/** The one inline stylesheet, allowed by its hash so the page needs no 'unsafe-inline'. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * The page's Content-Security-Policy: no script at all, only its own stylesheet, and forms may
 * post here and follow the redirect to the client's origin (browsers apply form-action to the
 * redirect after a submission, so the client's origin must be listed).
 */
export function signInPageCsp(redirectOrigin: string): string {
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self' ${redirectOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A plain page for errors that must not be redirected (unknown client, bad redirect URI). */
export function errorPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)} · Waypoint demo server</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body>
</html>`;
}

export const ERROR_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The demo sign-in page: one button per demo user, no password, and a plain statement that this
 * is a demonstration server with synthetic data. Everything interpolated is escaped; there is no
 * script, so it runs under the strict policy above.
 */
export function signInPage(requestId: string, clientId: string, scopes: readonly string[]): string {
  const users = DEMO_USERS.map(
    (u) => `<li><button type="submit" name="user" value="${escapeHtml(u.practitionerId)}">
      <span class="name">${escapeHtml(u.name)}</span> · <span class="role">${ROLE_LABEL[u.role]}</span></button></li>`,
  ).join('\n');
  const access = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Waypoint demo server</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign in to Waypoint</h1>
<p class="demo" role="note"><strong>Demonstration server.</strong> All data here is synthetic (invented people, not real clients) and no password is needed: choose a demo user to sign in as.</p>
<p>Application requesting access: <code>${escapeHtml(clientId)}</code></p>
<details><summary>Access requested</summary><ul>
${access || '<li>No data access</li>'}
</ul></details>
<form method="post" action="/auth/authorize">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<h2 id="users-heading">Demo users</h2>
<ul class="users" aria-labelledby="users-heading">
${users}
</ul>
<p><button type="submit" name="cancel" value="1" class="cancel">Cancel</button></p>
</form>
</main>
</body>
</html>`;
}
