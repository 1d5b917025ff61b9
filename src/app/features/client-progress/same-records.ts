import { sameData } from '../../store/same-data';
import { ClientRecords } from '../caseload/caseload-row';

/**
 * Whether two readings of one client's record hold the same records, each equal by value,
 * whatever their order. A caseload reload gives back the client's recent sessions and episodes
 * as new records at the end of their lists: the same record in another order, which an ordered
 * comparison takes for a change (a new view, and every chart updated, ~60 ms for a two-year
 * client, for nothing).
 */
export function sameRecords(a: ClientRecords | undefined, b: ClientRecords | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof ClientRecords)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => sameListById(a[key], b[key]));
}

function sameListById(
  a: readonly { readonly id: string }[] | undefined,
  b: readonly { readonly id: string }[] | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  // In the same order, compare in place: no map to build.
  let i = 0;
  while (i < a.length && a[i].id === b[i].id) {
    if (!sameData(a[i], b[i])) return false;
    i++;
  }
  if (i === a.length) return true;
  const byId = new Map<string, unknown>();
  for (let j = i; j < a.length; j++) byId.set(a[j].id, a[j]);
  // Two records with one id (never from the store's entity slices): only equal in order.
  if (byId.size !== a.length - i) return sameData(a, b);
  for (let j = i; j < b.length; j++) {
    const other = byId.get(b[j].id);
    if (other === undefined || !sameData(other, b[j])) return false;
  }
  return true;
}
