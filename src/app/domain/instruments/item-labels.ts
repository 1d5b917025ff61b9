/**
 * Short labels for the items of the questionnaires whose items Waypoint charts (a heat map of
 * which symptoms are moving). Paraphrased to a few words from the public-domain PHQ-9 and GAD-7
 * (Pfizer, no permission needed); the full wording stays with the questionnaire.
 */
export const ITEM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'phq-9': {
    '1': 'Little interest or pleasure',
    '2': 'Feeling down or hopeless',
    '3': 'Sleep problems',
    '4': 'Tired, little energy',
    '5': 'Appetite',
    '6': 'Feeling bad about self',
    '7': 'Trouble concentrating',
    '8': 'Slowed down or restless',
    '9': 'Thoughts of self-harm',
  },
  'gad-7': {
    '1': 'Nervous, anxious, on edge',
    '2': 'Cannot stop worrying',
    '3': 'Worrying too much',
    '4': 'Trouble relaxing',
    '5': 'Restless',
    '6': 'Easily annoyed or irritable',
    '7': 'Afraid something awful might happen',
  },
};

/** Items that are safety signals when above 0 (CLINICAL.md: PHQ-9 item 9 must never be missed). */
export const SAFETY_ITEMS: Readonly<Record<string, readonly string[]>> = {
  'phq-9': ['9'],
};
