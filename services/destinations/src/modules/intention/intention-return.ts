import { INTENTION_KINDS, toCsv, type CsvValue } from '@waymark/domain';
import type { PupilReturnDetails, SchoolReturnDetails } from '../external/pupils.client.js';
import type { Intention } from './intention.entity.js';

export const RETURN_HEADER = [
  'UPN',
  'Surname',
  'Forename',
  'Date of birth',
  'Intended destination',
  'Apprenticeship level',
  'Provider',
  'Course',
  'Recorded on',
  'Recorded by',
] as const;

/**
 * The Year 11 intended-destinations return for the school's local authority (docs/domain-rules.md,
 * "Destinations"): one row per pupil on roll in Year 11, their current plan or "Not recorded", in
 * surname order; pupils who (or whose parent) opted out of sharing with the authority are left out,
 * and so is anyone the pupils subgraph did not answer for.
 */
export function intentionReturnRows(
  pupilIds: readonly string[],
  details: ReadonlyMap<string, PupilReturnDetails>,
  current: ReadonlyMap<string, Intention>,
): { rows: CsvValue[][]; included: number; optedOut: number } {
  let optedOut = 0;
  const included: PupilReturnDetails[] = [];
  for (const id of pupilIds) {
    const pupil = details.get(id);
    if (!pupil) continue;
    // Anything but a clear "not opted out" is treated as an opt-out: nothing is shared on a doubt.
    if (pupil.consent?.localAuthoritySharingOptOut !== false) optedOut += 1;
    else included.push(pupil);
  }
  included.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id));
  const rows = included.map((pupil): CsvValue[] => {
    const plan = current.get(pupil.id);
    return [
      pupil.upn ?? '',
      pupil.lastName,
      pupil.firstName,
      pupil.dateOfBirth ?? '',
      plan ? INTENTION_KINDS[plan.kind] : 'Not recorded',
      plan?.apprenticeshipLevel ?? '',
      plan?.provider ?? '',
      plan?.course ?? '',
      plan ? plan.enteredAt.toISOString().slice(0, 10) : '',
      plan ? (plan.enteredByRole === 'pupil' ? 'Pupil' : 'School') : '',
    ];
  });
  return { rows, included: included.length, optedOut };
}

/** "year-11-intended-destinations-123456-2026-12-06.csv" */
export function returnFileName(school: SchoolReturnDetails, today: string): string {
  return `year-11-intended-destinations-${school.urn.replace(/[^A-Za-z0-9]/g, '')}-${today}.csv`;
}

export function returnCsv(rows: CsvValue[][]): string {
  return toCsv([[...RETURN_HEADER], ...rows]);
}
