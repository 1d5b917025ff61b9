/** Every sessionStorage key Waypoint writes: sign-out removes exactly these and nothing else. */
export const SESSION_STORAGE_KEYS = {
  session: 'waypoint.session',
  pendingSignIn: 'waypoint.sign-in',
} as const;
