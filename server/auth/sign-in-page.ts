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

/**
 * The demo sign-in page: one button per demo user, no password, and a plain statement that
 * this is a demonstration server with synthetic data. No script and no inline styles attribute
 * handlers, so it runs under a strict CSP.
 */
export function signInPage(requestId: string, clientId: string): string {
  const users = DEMO_USERS.map(
    (u) => `<li><button type="submit" name="user" value="${escapeHtml(u.practitionerId)}">
      <span class="name">${escapeHtml(u.name)}</span> <span class="role">${ROLE_LABEL[u.role]}</span></button></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Waypoint demo server</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 36rem; padding: 0 1rem; color: #1b1c1f; background: #fdfbff; }
  .demo { border: 2px solid #8a5300; background: #fff4e5; padding: 0.75rem 1rem; border-radius: 8px; }
  ul { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
  button { width: 100%; text-align: left; padding: 0.75rem 1rem; font: inherit; border: 1px solid #74777f; border-radius: 8px; background: #fff; color: #1b1c1f; cursor: pointer; }
  button:hover, button:focus-visible { background: #d8e2ff; outline: 2px solid #005ac1; }
  .role { color: #44474e; }
</style>
</head>
<body>
<main>
<h1>Sign in to Waypoint</h1>
<p class="demo" role="note"><strong>Demonstration server.</strong> All data here is synthetic and no password is needed: choose a demo user to sign in as.</p>
<p>Application requesting access: <code>${escapeHtml(clientId)}</code></p>
<form method="post" action="/auth/authorize">
<input type="hidden" name="request" value="${escapeHtml(requestId)}">
<ul aria-label="Demo users">
${users}
</ul>
</form>
</main>
</body>
</html>`;
}
