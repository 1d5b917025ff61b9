/**
 * The one name to show for a person: a current name (not `use: old`, no ended period), official
 * before usual before any other; its `text`, else given names and family name.
 */
import { HumanName } from './fhir-types';
import { isObject, list, text } from './read';

const PREFERENCE = ['official', 'usual'];

export function displayName(names: readonly HumanName[] | undefined): string | undefined {
  const current = list(names).filter(
    (n) => isObject(n) && n.use !== 'old' && !(isObject(n.period) && text(n.period.end)),
  );
  const rank = (n: HumanName) => {
    const i = PREFERENCE.indexOf(n.use ?? '');
    return i < 0 ? PREFERENCE.length : i;
  };
  const best = [...current].sort((a, b) => rank(a) - rank(b))[0];
  if (!best) return undefined;
  const written = text(best.text);
  if (written) return written;
  const parts = [...list(best.given).map(text), text(best.family)].filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}
