import { Params } from '@angular/router';

/** The query parameter that holds the client whose journey is open: an opaque FHIR id. */
export const JOURNEY_PARAM = 'journey';

/** The FHIR id grammar: anything else in the URL is not a patient id and opens nothing. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The id of a card's Journey link, where focus returns when the journey closes. */
export function journeyLinkId(patientId: string): string {
  return `board-journey-${patientId}`;
}

export function journeyPatientFromParams(params: Params): string | null {
  const raw = params[JOURNEY_PARAM];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && FHIR_ID.test(value) ? value : null;
}
