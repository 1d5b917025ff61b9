/*
 * What the session mapper reads of Encounters and Appointments, for searches that trim them with
 * `_elements` (sessions are the bulk of a program's data; participants, class and locations
 * roughly double their size). `meta` is asked for by name: it carries the security labels
 * (42 CFR Part 2, psychotherapy notes), and a server need not return it unasked.
 */
export const SESSION_ENCOUNTER_ELEMENTS =
  'meta,status,type,serviceType,subject,period,length,episodeOfCare,appointment';
export const SESSION_APPOINTMENT_ELEMENTS =
  'meta,status,serviceType,start,end,minutesDuration,participant';
