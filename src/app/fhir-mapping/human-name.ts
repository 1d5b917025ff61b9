/**
 * The one name to show for a person: a current name (not `use: old`, no ended period), official
 * before usual before any other; its `text`, else given names and family name.
 */
import { HumanName } from './fhir-types';
import { isObject, list, text } from './read';

const PREFERENCE = ['official', 'usual'];

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). A name
 * carries no legitimate need for them, and an override turns what follows it around on screen
 * (so "…fdp.exe" reads "…exe.pdf"): a name shown to staff must read as it is stored.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

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
  const parts = [...list(best.given).map(text), text(best.family)].filter(Boolean);
  const shown = written ?? (parts.length ? parts.join(' ') : undefined);
  return shown?.replace(BIDI_CONTROLS, '').trim() || undefined;
}
