/**
 * The few FHIR R4 shapes the mappers read, written structurally (no FHIR types package). Every
 * field is optional because servers leave things out, and the mappers still check each value's
 * runtime type: these declarations say what a conformant server sends, not what arrives.
 */

export interface Extension {
  readonly url?: string;
  readonly extension?: readonly Extension[];
  readonly valueCoding?: Coding;
  readonly valueCode?: string;
  readonly valueDate?: string;
  readonly valueDateTime?: string;
  readonly valueString?: string;
  readonly valueInteger?: number;
  readonly valueDecimal?: number;
  readonly valueBoolean?: boolean;
  readonly valueCodeableConcept?: CodeableConcept;
  readonly valueReference?: Reference;
}

/** The `_field` sibling of a primitive, which carries e.g. a data-absent-reason extension. */
export interface PrimitiveElement {
  readonly id?: string;
  readonly extension?: readonly Extension[];
}

export interface Coding {
  readonly system?: string;
  readonly version?: string;
  readonly code?: string;
  readonly display?: string;
  readonly extension?: readonly Extension[];
}

export interface CodeableConcept {
  readonly coding?: readonly Coding[];
  readonly text?: string;
}

export interface Identifier {
  readonly use?: string;
  readonly system?: string;
  readonly value?: string;
}

export interface Reference {
  readonly reference?: string;
  readonly type?: string;
  readonly identifier?: Identifier;
  readonly display?: string;
}

export interface Period {
  readonly start?: string;
  readonly end?: string;
}

export interface Quantity {
  readonly value?: number;
  readonly unit?: string;
  readonly system?: string;
  readonly code?: string;
}

export interface Meta {
  readonly versionId?: string;
  readonly lastUpdated?: string;
  readonly profile?: readonly string[];
  readonly security?: readonly Coding[];
  readonly tag?: readonly Coding[];
  readonly extension?: readonly Extension[];
}

export interface HumanName {
  readonly use?: string;
  readonly text?: string;
  readonly family?: string;
  readonly given?: readonly string[];
  readonly prefix?: readonly string[];
  readonly suffix?: readonly string[];
  readonly period?: Period;
}

export interface Attachment {
  readonly contentType?: string;
  readonly data?: string;
  readonly url?: string;
}

/** What every resource has; `resourceType` decides which of the interfaces below applies. */
export interface ResourceBase {
  readonly resourceType: string;
  readonly id?: string;
  readonly meta?: Meta;
  readonly contained?: readonly ResourceBase[];
  readonly extension?: readonly Extension[];
}

/** Observation.value[x] and its component's: R4 has no valueDecimal, but servers send it. */
export interface ObservationValue {
  readonly valueQuantity?: Quantity;
  readonly valueCodeableConcept?: CodeableConcept;
  readonly valueString?: string;
  readonly valueInteger?: number;
  readonly valueDecimal?: number;
  readonly valueBoolean?: boolean;
  readonly dataAbsentReason?: CodeableConcept;
}

export interface ObservationComponent extends ObservationValue {
  readonly code?: CodeableConcept;
}

export interface Observation extends ResourceBase, ObservationValue {
  readonly resourceType: 'Observation';
  readonly status?: string;
  readonly category?: readonly CodeableConcept[];
  readonly code?: CodeableConcept;
  readonly subject?: Reference;
  readonly effectiveDateTime?: string;
  readonly _effectiveDateTime?: PrimitiveElement;
  readonly effectiveInstant?: string;
  readonly effectivePeriod?: Period;
  readonly issued?: string;
  readonly hasMember?: readonly Reference[];
  readonly derivedFrom?: readonly Reference[];
  readonly component?: readonly ObservationComponent[];
}

export interface QuestionnaireResponseAnswer {
  readonly valueCoding?: Coding;
  readonly valueInteger?: number;
  readonly valueDecimal?: number;
  readonly valueString?: string;
  readonly valueQuantity?: Quantity;
  readonly valueBoolean?: boolean;
  readonly item?: readonly QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseItem {
  readonly linkId?: string;
  readonly text?: string;
  readonly answer?: readonly QuestionnaireResponseAnswer[];
  readonly item?: readonly QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends ResourceBase {
  readonly resourceType: 'QuestionnaireResponse';
  readonly questionnaire?: string;
  readonly status?: string;
  readonly subject?: Reference;
  readonly authored?: string;
  readonly item?: readonly QuestionnaireResponseItem[];
}

export interface QuestionnaireAnswerOption {
  readonly valueCoding?: Coding;
  readonly valueInteger?: number;
  readonly extension?: readonly Extension[];
}

export interface QuestionnaireItem {
  readonly linkId?: string;
  readonly code?: readonly Coding[];
  readonly prefix?: string;
  readonly type?: string;
  readonly answerOption?: readonly QuestionnaireAnswerOption[];
  readonly answerValueSet?: string;
  readonly item?: readonly QuestionnaireItem[];
}

export interface Questionnaire extends ResourceBase {
  readonly resourceType: 'Questionnaire';
  readonly url?: string;
  readonly derivedFrom?: readonly string[];
  readonly code?: readonly Coding[];
  readonly item?: readonly QuestionnaireItem[];
}

export interface ValueSetConcept {
  readonly code?: string;
  readonly display?: string;
  readonly extension?: readonly Extension[];
}

export interface ValueSet extends ResourceBase {
  readonly resourceType: 'ValueSet';
  readonly url?: string;
  readonly compose?: {
    readonly include?: readonly {
      readonly system?: string;
      readonly concept?: readonly ValueSetConcept[];
    }[];
  };
}

export interface EpisodeOfCare extends ResourceBase {
  readonly resourceType: 'EpisodeOfCare';
  readonly status?: string;
  readonly type?: readonly CodeableConcept[];
  readonly diagnosis?: readonly { readonly condition?: Reference; readonly rank?: number }[];
  readonly patient?: Reference;
  readonly managingOrganization?: Reference;
  readonly period?: Period;
  readonly careManager?: Reference;
}

export interface AppointmentParticipant {
  readonly actor?: Reference;
  readonly status?: string;
}

export interface Appointment extends ResourceBase {
  readonly resourceType: 'Appointment';
  readonly status?: string;
  readonly serviceType?: readonly CodeableConcept[];
  readonly start?: string;
  readonly end?: string;
  readonly minutesDuration?: number;
  readonly participant?: readonly AppointmentParticipant[];
}

export interface Encounter extends ResourceBase {
  readonly resourceType: 'Encounter';
  readonly status?: string;
  readonly type?: readonly CodeableConcept[];
  readonly serviceType?: CodeableConcept;
  readonly subject?: Reference;
  readonly episodeOfCare?: readonly Reference[];
  readonly appointment?: readonly Reference[];
  readonly period?: Period;
  /** R4 Duration: a Quantity in time units, normally UCUM `min`. */
  readonly length?: Quantity;
}

export interface Flag extends ResourceBase {
  readonly resourceType: 'Flag';
  readonly status?: string;
  readonly category?: readonly CodeableConcept[];
  readonly code?: CodeableConcept;
  readonly subject?: Reference;
  readonly period?: Period;
}

export interface CarePlan extends ResourceBase {
  readonly resourceType: 'CarePlan';
  readonly status?: string;
  readonly category?: readonly CodeableConcept[];
  readonly subject?: Reference;
  readonly created?: string;
  readonly period?: Period;
}

export interface Patient extends ResourceBase {
  readonly resourceType: 'Patient';
  readonly identifier?: readonly Identifier[];
  readonly active?: boolean;
  readonly name?: readonly HumanName[];
  readonly gender?: string;
  readonly _gender?: PrimitiveElement;
  readonly birthDate?: string;
  readonly _birthDate?: PrimitiveElement;
  readonly managingOrganization?: Reference;
}

export interface Practitioner extends ResourceBase {
  readonly resourceType: 'Practitioner';
  readonly identifier?: readonly Identifier[];
  readonly active?: boolean;
  readonly name?: readonly HumanName[];
}

export interface PractitionerRole extends ResourceBase {
  readonly resourceType: 'PractitionerRole';
  readonly active?: boolean;
  readonly period?: Period;
  readonly practitioner?: Reference;
  readonly organization?: Reference;
  readonly code?: readonly CodeableConcept[];
}

export interface CareTeamParticipant {
  readonly role?: readonly CodeableConcept[];
  readonly member?: Reference;
}

export interface CareTeam extends ResourceBase {
  readonly resourceType: 'CareTeam';
  readonly status?: string;
  readonly category?: readonly CodeableConcept[];
  readonly subject?: Reference;
  readonly participant?: readonly CareTeamParticipant[];
  readonly managingOrganization?: readonly Reference[];
}

export interface Condition extends ResourceBase {
  readonly resourceType: 'Condition';
  readonly clinicalStatus?: CodeableConcept;
  readonly verificationStatus?: CodeableConcept;
  readonly category?: readonly CodeableConcept[];
  readonly code?: CodeableConcept;
  readonly subject?: Reference;
}

export interface Organization extends ResourceBase {
  readonly resourceType: 'Organization';
  readonly active?: boolean;
  readonly name?: string;
  readonly partOf?: Reference;
}

export interface Library extends ResourceBase {
  readonly resourceType: 'Library';
  readonly url?: string;
  readonly name?: string;
  readonly status?: string;
  readonly type?: CodeableConcept;
  readonly content?: readonly Attachment[];
}

export interface BundleEntry {
  readonly fullUrl?: string;
  readonly resource?: ResourceBase;
}

export interface Bundle extends ResourceBase {
  readonly resourceType: 'Bundle';
  readonly type?: string;
  readonly entry?: readonly BundleEntry[];
}
