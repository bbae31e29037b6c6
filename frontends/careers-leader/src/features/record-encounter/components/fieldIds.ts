import type { FormField } from '../lib/encounterDraft';

/** Where each field's control is, so the error summary can link to it. */
export const FIELD_IDS: Record<FormField, string> = {
  kind: 'encounter-kind',
  title: 'encounter-title',
  date: 'encounter-date',
  startTime: 'encounter-start',
  endTime: 'encounter-end',
  hours: 'encounter-hours',
  yearGroups: 'encounter-year-7',
  subject: 'encounter-subject',
  adviserName: 'encounter-adviser-name',
  adviserLevel: 'encounter-adviser-level',
  benchmarks: 'encounter-benchmark-1',
  hashtags: 'encounter-hashtags',
  register: 'encounter-register',
};
