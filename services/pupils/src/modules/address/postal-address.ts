import { hasControlCharacters } from '@waymark/subgraph-kit';

/*
 * Checking a postal address as staff or a roster file give it: the same rules for the pupil's address
 * and a parent's or carer's, from the setPupilAddress mutation and from the roster import.
 */

/** The parts of an address; null: not recorded. */
export interface AddressParts {
  line1: string | null;
  line2: string | null;
  town: string | null;
  postcode: string | null;
}

export type AddressPart = keyof AddressParts;

/** The `pupil` table's address and parent or carer columns, as a row read straight from SQL has them. */
export interface AddressColumns {
  address_line1: string | null;
  address_line2: string | null;
  address_town: string | null;
  address_postcode: string | null;
  parent_carer_name: string | null;
  parent_carer_same_address: boolean;
  parent_carer_address_line1: string | null;
  parent_carer_address_line2: string | null;
  parent_carer_address_town: string | null;
  parent_carer_address_postcode: string | null;
}

export const EMPTY_ADDRESS: AddressParts = { line1: null, line2: null, town: null, postcode: null };

/** The longest each part may be (the columns' lengths). */
export const ADDRESS_LIMITS: Record<AddressPart, number> = { line1: 100, line2: 100, town: 60, postcode: 8 };
export const PARENT_CARER_NAME_LIMIT = 100;

const PART_NAMES: Record<AddressPart, string> = { line1: 'address line 1', line2: 'address line 2', town: 'town', postcode: 'postcode' };

/** A UK postcode without its space: outward code (A9, A99, AA9, AA99, A9A, AA9A) then inward code (9AA); and GIR 0AA. */
const POSTCODE = /^(?:([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})|(GIR)(0AA))$/;

/** The longest part of a value an error message quotes back. */
const QUOTED = 30;

/** "ls1 4ap", "LS14AP" and " ls1  4AP " are "LS1 4AP"; null when it is not a UK postcode. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const match = POSTCODE.exec(compact);
  if (!match) return null;
  return match[1] ? `${match[1]} ${match[2]}` : `${match[3]} ${match[4]}`;
}

/** Spaces tidied; blank is null. */
export function tidyText(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

export interface TextProblem<Field extends string = string> {
  field: Field;
  message: string;
}

/** A name or address line as given: tidied, and refused when too long or holding control characters. */
export function checkText<Field extends string>(
  field: Field,
  what: string,
  raw: string | null | undefined,
  limit: number,
): { value: string | null; problem: TextProblem<Field> | null } {
  if (raw !== null && raw !== undefined && hasControlCharacters(raw))
    return { value: null, problem: { field, message: `The ${what} has a character that cannot be kept (a control character).` } };
  const value = tidyText(raw);
  if (value !== null && value.length > limit) return { value: null, problem: { field, message: `The ${what} is longer than ${limit} characters.` } };
  return { value, problem: null };
}

/**
 * Checks the four parts of an address; `prefix` ("homeAddress", "parentCarer.address") names each
 * part's field in a problem ("homeAddress.postcode"). Blank parts are not recorded.
 */
export function checkAddress(
  prefix: string,
  whose: string,
  input: Partial<Record<AddressPart, string | null | undefined>>,
): { address: AddressParts; problems: TextProblem[] } {
  const address: AddressParts = { ...EMPTY_ADDRESS };
  const problems: TextProblem[] = [];
  for (const part of ['line1', 'line2', 'town'] as const) {
    const { value, problem } = checkText(`${prefix}.${part}`, `${PART_NAMES[part]} of ${whose}`, input[part], ADDRESS_LIMITS[part]);
    if (problem) problems.push(problem);
    address[part] = value;
  }
  const rawPostcode = tidyText(input.postcode);
  if (rawPostcode !== null) {
    const postcode = normalisePostcode(rawPostcode);
    if (postcode === null) problems.push({ field: `${prefix}.postcode`, message: postcodeProblem(rawPostcode, whose) });
    address.postcode = postcode;
  }
  return { address, problems };
}

export function postcodeProblem(raw: string, whose: string): string {
  return `"${raw.slice(0, QUOTED)}" is not a UK postcode (${whose}); write it like LS1 4AP.`;
}

export function isEmptyAddress(address: AddressParts): boolean {
  return address.line1 === null && address.line2 === null && address.town === null && address.postcode === null;
}

/**
 * The one rule for where a parent or carer lives: at the pupil's address, or at an address of their
 * own, never both. The reason to give when `sameAddress` is claimed beside an own address; null when
 * the two agree. The roster import and the pupil's page both ask it.
 */
export function parentCarerAddressClash(sameAddress: boolean, ownAddress: AddressParts): string | null {
  return sameAddress && !isEmptyAddress(ownAddress)
    ? "The parent or carer is marked as living at the pupil's address but has an address of their own too; give one or the other."
    : null;
}
