export const DESTINATION_KINDS = {
  SCHOOL_SIXTH_FORM: 'School sixth form',
  SIXTH_FORM_COLLEGE: 'Sixth-form college',
  FE_COLLEGE: 'Further education college',
  APPRENTICESHIP: 'Apprenticeship',
  TRAINING: 'Other training',
  HIGHER_EDUCATION: 'Higher education',
  EMPLOYMENT: 'Employment',
  NEET_AVAILABLE: 'Not in education, employment or training (available)',
  NEET_NOT_AVAILABLE: 'Not in education, employment or training (not available)',
  UNKNOWN: 'Not known',
} as const;
export type DestinationKind = keyof typeof DESTINATION_KINDS;

/** Immediate destination, then at one, two and three years after leaving. */
export const DESTINATION_STAGES = ['INTENDED', 'IMMEDIATE', 'YEAR_1', 'YEAR_2', 'YEAR_3'] as const;
export type DestinationStage = (typeof DESTINATION_STAGES)[number];

/** Each stage as people read it, pupils and staff alike. */
export const DESTINATION_STAGE_LABELS = {
  INTENDED: 'Intended',
  IMMEDIATE: 'On leaving school',
  YEAR_1: 'One year after leaving',
  YEAR_2: 'Two years after leaving',
  YEAR_3: 'Three years after leaving',
} as const satisfies Record<DestinationStage, string>;
