import { ADDRESS_LIMITS, checkText, normalisePostcode, PARENT_CARER_NAME_LIMIT, parentCarerAddressClash } from '../address/postal-address.js';
import { cleanText, parseYesNo, shown } from './roster-values.js';

/*
 * The roster's optional address columns (services/pupils/docs/roster-import.md, "The address
 * columns"): the pupil's address and a parent's or carer's name and address, for the local authority
 * return. Each is one field of its own with the name of its pupil property, so the import carries them
 * like the other optional text columns: a missing column leaves the field alone, a blank cell clears it.
 */

/** The text fields, in the order of the template; each is also the Pupil property and, in snake case, the column. */
export const ROSTER_ADDRESS_TEXT_FIELDS = [
  'addressLine1',
  'addressLine2',
  'addressTown',
  'addressPostcode',
  'parentCarerName',
  'parentCarerAddressLine1',
  'parentCarerAddressLine2',
  'parentCarerAddressTown',
  'parentCarerAddressPostcode',
] as const;
export type RosterAddressTextField = (typeof ROSTER_ADDRESS_TEXT_FIELDS)[number];

/** Every address field, the yes/no "lives at the pupil's address" last. */
export const ROSTER_ADDRESS_FIELDS = [...ROSTER_ADDRESS_TEXT_FIELDS, 'parentCarerSameAddress'] as const;
export type RosterAddressField = (typeof ROSTER_ADDRESS_FIELDS)[number];

export type RosterAddressValues = { [K in RosterAddressTextField]?: string | null } & { parentCarerSameAddress?: boolean };

const LIMIT: Record<RosterAddressTextField, number> = {
  addressLine1: ADDRESS_LIMITS.line1,
  addressLine2: ADDRESS_LIMITS.line2,
  addressTown: ADDRESS_LIMITS.town,
  addressPostcode: ADDRESS_LIMITS.postcode,
  parentCarerName: PARENT_CARER_NAME_LIMIT,
  parentCarerAddressLine1: ADDRESS_LIMITS.line1,
  parentCarerAddressLine2: ADDRESS_LIMITS.line2,
  parentCarerAddressTown: ADDRESS_LIMITS.town,
  parentCarerAddressPostcode: ADDRESS_LIMITS.postcode,
};

const WHAT: Record<RosterAddressTextField, string> = {
  addressLine1: "pupil's address line 1",
  addressLine2: "pupil's address line 2",
  addressTown: "pupil's town",
  addressPostcode: "pupil's postcode",
  parentCarerName: "parent's or carer's name",
  parentCarerAddressLine1: "parent's or carer's address line 1",
  parentCarerAddressLine2: "parent's or carer's address line 2",
  parentCarerAddressTown: "parent's or carer's town",
  parentCarerAddressPostcode: "parent's or carer's postcode",
};

export interface AddressProblem {
  field: RosterAddressField;
  reason: string;
}

/**
 * Checks a row's address cells (`cells[field]` undefined: no column feeds it). Postcodes are written
 * upper-case with one space; a postcode that is not a UK one, an over-long or non-text cell, or an own
 * address for a parent or carer marked as living at the pupil's address is a problem of the row.
 */
export function checkRosterAddress(
  cells: Partial<Record<RosterAddressField, string[]>>,
  labelOf: (field: RosterAddressField) => string,
): { values: RosterAddressValues; problems: AddressProblem[] } {
  const values: RosterAddressValues = {};
  const problems: AddressProblem[] = [];
  for (const field of ROSTER_ADDRESS_TEXT_FIELDS) {
    const cell = cells[field];
    if (!cell) continue;
    if (field === 'addressPostcode' || field === 'parentCarerAddressPostcode') {
      const text = cleanText(cell[0]);
      const postcode = text === null ? null : normalisePostcode(text);
      if (text !== null && postcode === null)
        problems.push({ field, reason: `"${shown(text)}" in ${labelOf(field)} is not a UK postcode; write it like LS1 4AP, or leave it blank.` });
      else values[field] = postcode;
      continue;
    }
    // The same rules for a line or a name as the setPupilAddress mutation's (postal-address.ts).
    const { value, problem } = checkText(field, WHAT[field], cell[0], LIMIT[field]);
    if (problem) problems.push({ field, reason: problem.message });
    else values[field] = value;
  }
  const same = cells.parentCarerSameAddress;
  if (same) {
    const parsed = parseYesNo(same[0] ?? '');
    if (parsed === null)
      problems.push({
        field: 'parentCarerSameAddress',
        reason: `"${shown((same[0] ?? '').trim())}" in ${labelOf('parentCarerSameAddress')} is not yes or no; use Y or N (blank means no).`,
      });
    else {
      values.parentCarerSameAddress = parsed;
      const clash = parentCarerAddressClash(parsed, {
        line1: values.parentCarerAddressLine1 ?? null,
        line2: values.parentCarerAddressLine2 ?? null,
        town: values.parentCarerAddressTown ?? null,
        postcode: values.parentCarerAddressPostcode ?? null,
      });
      if (clash) problems.push({ field: 'parentCarerSameAddress', reason: clash });
    }
  }
  return { values, problems };
}
