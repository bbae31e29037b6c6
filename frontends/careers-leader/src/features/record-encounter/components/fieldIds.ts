import type { FormField } from '../hooks/useRecordEncounterForm';

/** Where each field's control is, so the error summary can link to it. */
export const FIELD_IDS: Record<FormField, string> = {
  kind: 'encounter-kind',
  title: 'encounter-title',
  date: 'encounter-date',
  hours: 'encounter-hours',
  yearGroups: 'encounter-year-7',
  register: 'encounter-register',
};
