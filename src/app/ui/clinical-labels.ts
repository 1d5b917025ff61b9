/** Words for the codes staff read in tables and lists; shared by every page that groups by them. */
import { MODALITY_CODES } from '../domain/fhir-codes';
import { EntryRoute, Modality } from '../domain/models';
import { ModalityMix } from '../domain/outcomes/modality-mix';

const ENTRY_ROUTES: Readonly<Record<EntryRoute, string>> = {
  inpatient: 'Stepped down from inpatient',
  residential: 'Stepped down from residential',
  php: 'Stepped down from PHP',
  direct: 'Direct admission',
  outpatient: 'Stepped up from outpatient',
  other: 'Other route',
};

export function entryRouteLabel(route: string): string {
  return ENTRY_ROUTES[route as EntryRoute] ?? route;
}

export function modalityLabel(modality: Modality | string): string {
  return MODALITY_CODES[modality as Modality]?.display ?? modality;
}

export function modalityMixLabel(mix: ModalityMix | string): string {
  return mix === 'mixed' ? 'Mixed (no modality half the hours)' : `Mostly ${modalityLabel(mix)}`;
}

/** "substance-use" → "Substance use". */
export function problemLabel(problem: string): string {
  const words = problem.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
