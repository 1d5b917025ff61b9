import {
  CARE_PLAN_CATEGORIES,
  MODALITIES,
  SYSTEMS,
  carePlanKindFromCodings,
  modalityCodings,
  modalityFromCodings,
  presentingProblemForIcd10,
  staffRoleCodings,
  staffRoleFromCodings,
  LEVEL_SYSTEMS,
} from './fhir-codes';

describe('FHIR profile codes', () => {
  it('round-trips every modality through its codings, and reads the SNOMED CT code alone', () => {
    for (const modality of MODALITIES)
      expect(modalityFromCodings(modalityCodings(modality))).toBe(modality);
    expect(modalityFromCodings([{ system: SYSTEMS.snomed, code: '228557008' }])).toBe('cbt');
    expect(
      modalityFromCodings([{ code: '52' }, { system: SYSTEMS.modality, code: 'yoga' }]),
    ).toBeUndefined();
  });

  it('round-trips staff roles and reads the psychiatrist occupation code', () => {
    for (const role of ['therapist', 'psychiatrist', 'director'] as const) {
      expect(staffRoleFromCodings(staffRoleCodings(role))).toBe(role);
    }
    expect(staffRoleFromCodings([{ system: SYSTEMS.snomed, code: '80584001' }])).toBe(
      'psychiatrist',
    );
    expect(staffRoleFromCodings([{ text: 'psychiatrist' } as never])).toBeUndefined();
  });

  it('groups ICD-10-CM codes of any specificity into presenting problems', () => {
    expect(presentingProblemForIcd10('F33.1')).toBe('depression');
    expect(presentingProblemForIcd10('f331')).toBe('depression');
    expect(presentingProblemForIcd10('F43.10')).toBe('ptsd');
    expect(presentingProblemForIcd10('F43.2')).toBe('other');
    expect(presentingProblemForIcd10('F41.1')).toBe('anxiety');
    expect(presentingProblemForIcd10('F31.81')).toBe('bipolar');
    expect(presentingProblemForIcd10('F10.20')).toBe('substance-use');
    expect(presentingProblemForIcd10('F17.210')).toBe('other');
    expect(presentingProblemForIcd10('R45.851')).toBe('other');
  });

  it('reads care-plan categories and re-exports the level code systems', () => {
    expect(carePlanKindFromCodings([CARE_PLAN_CATEGORIES.aftercare])).toBe('aftercare');
    expect(
      carePlanKindFromCodings([
        { system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' },
      ]),
    ).toBeUndefined();
    expect(LEVEL_SYSTEMS.asamBha).toContain('bha-asam-level-of-care-cs');
  });
});
