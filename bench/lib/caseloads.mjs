// Who has which caseload in a data set: active episodes per care manager (a therapist's
// caseload) and in all (the director's), read straight from the SQLite database.
import Database from 'better-sqlite3';

const NAMES = {
  'pr-therapist-1': 'Avery Lanternfield',
  'pr-therapist-2': 'Morgan Quillstone',
  'pr-therapist-3': 'Rowan Bramblecote',
  'pr-therapist-4': 'Sasha Tidewell',
  'pr-therapist-5': 'Jordan Emberly',
  'pr-therapist-6': 'Quinn Harrowgate',
  'pr-therapist-7': 'Emerson Foxglove',
  'pr-therapist-8': 'Reese Marigold',
};
export const DIRECTOR = 'Dana Riverstone';

export function activeCaseloads(dbFile) {
  const db = new Database(dbFile, { readonly: true });
  const rows = db
    .prepare("SELECT json FROM resources WHERE type = 'EpisodeOfCare' AND deleted = 0")
    .all();
  db.close();
  const all = new Set();
  const byManager = new Map();
  for (const { json } of rows) {
    const e = JSON.parse(json);
    if (e.status !== 'active') continue;
    const patient = e.patient?.reference;
    all.add(patient);
    const manager = e.careManager?.reference?.split('/').pop();
    if (!manager) continue;
    if (!byManager.has(manager)) byManager.set(manager, new Set());
    byManager.get(manager).add(patient);
  }
  const therapists = [...byManager]
    .filter(([id]) => NAMES[id])
    .map(([id, set]) => ({ id, name: NAMES[id], clients: set.size }));
  return { director: { name: DIRECTOR, clients: all.size }, therapists };
}

/** The therapist whose caseload is closest to `n` clients. */
export function therapistNear(caseloads, n) {
  return [...caseloads.therapists].sort(
    (a, b) => Math.abs(a.clients - n) - Math.abs(b.clients - n) || a.id.localeCompare(b.id),
  )[0];
}
