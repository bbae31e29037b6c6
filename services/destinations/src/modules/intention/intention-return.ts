import {
  INTENTION_KINDS,
  localAuthorityOfCode,
  offerPlaceLabel,
  SEPTEMBER_OFFER_NOT_RECORDED,
  SEPTEMBER_OFFER_STATUSES,
  toCsv,
  type CsvValue,
} from '@waymark/domain';
import type { PupilReturnDetails, SchoolReturnDetails } from '../external/pupils.client.js';
import type { SeptemberOffer } from '../september-offer/september-offer.entity.js';
import type { Intention } from './intention.entity.js';
import type { ReturnFacts } from './intention.service.js';
import { LocalAuthorityReturnRow } from './intention.types.js';

export const RETURN_HEADER = [
  'UPN',
  'Surname',
  'Forename',
  'Date of birth',
  'Address line 1',
  'Address line 2',
  'Town',
  'Postcode',
  'Parent or carer',
  "Parent or carer's address",
  'Year group',
  'Intended destination',
  'Apprenticeship level',
  'Provider',
  'Course',
  'Recorded on',
  'Recorded by',
  'September offer',
  'Offer: kind of place',
  'Offer: place',
  'Offer: note',
] as const;

/** The words of a "Same as pupil" cell: the parent or carer lives at the pupil's address. */
export const SAME_AS_PUPIL = 'Same as pupil';

/** The pupil's address and their parent or carer as the return gives them; every part null when not recorded (or not asked). */
export interface ReturnAddress {
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  parentCarerName: string | null;
  /** One cell: their address's parts joined with ", ", or "Same as pupil". */
  parentCarerAddress: string | null;
}

/** The address cells of a pupil's line (all null when the pupils subgraph gave none: an API key, or nothing recorded). */
export function returnAddressOf(pupil: PupilReturnDetails | null): ReturnAddress {
  const home = pupil?.homeAddress ?? null;
  const parent = pupil?.parentCarer ?? null;
  const own = parent?.address ? [parent.address.line1, parent.address.line2, parent.address.town, parent.address.postcode].filter((part) => part) : [];
  return {
    addressLine1: home?.line1 ?? null,
    addressLine2: home?.line2 ?? null,
    town: home?.town ?? null,
    postcode: home?.postcode ?? null,
    parentCarerName: parent?.name ?? null,
    parentCarerAddress: parent?.sameAddressAsPupil ? SAME_AS_PUPIL : own.length > 0 ? own.join(', ') : null,
  };
}

/**
 * The return for the school's local authority (docs/domain-rules.md, "Destinations" and "The
 * September offer"): one row per pupil on roll in Year 11 or Year 12, Year 11 first, then by surname.
 * Year 11 pupils carry their current Year 11 plan or "Not recorded" (plans are not asked in Year 12,
 * so those cells are empty); everyone carries the school's current answer about their September
 * offer or "Not recorded". Pupils who (or whose parent) opted out of sharing with the authority are
 * left out, and so is anyone the pupils subgraph did not answer for.
 */
export function intentionReturnRows(
  pupils: readonly { pupilId: string; yearGroup: number }[],
  details: ReadonlyMap<string, PupilReturnDetails>,
  plans: ReadonlyMap<string, Intention>,
  offers: ReadonlyMap<string, SeptemberOffer>,
): { rows: CsvValue[][]; included: number; optedOut: number; homeNotRecorded: number } {
  let optedOut = 0;
  const included: { pupil: PupilReturnDetails; yearGroup: number }[] = [];
  for (const { pupilId, yearGroup } of pupils) {
    const pupil = details.get(pupilId);
    if (!pupil) continue;
    // Anything but a clear "not opted out" is treated as an opt-out: nothing is shared on a doubt.
    if (pupil.consent?.localAuthoritySharingOptOut !== false) optedOut += 1;
    else included.push({ pupil, yearGroup });
  }
  included.sort(
    (a, b) =>
      a.yearGroup - b.yearGroup ||
      a.pupil.lastName.localeCompare(b.pupil.lastName) ||
      a.pupil.firstName.localeCompare(b.pupil.firstName) ||
      a.pupil.id.localeCompare(b.pupil.id),
  );
  const rows = included.map(({ pupil, yearGroup }): CsvValue[] => {
    const asked = yearGroup === 11;
    const plan = asked ? plans.get(pupil.id) : undefined;
    const offer = offers.get(pupil.id);
    const address = returnAddressOf(pupil);
    return [
      pupil.upn ?? '',
      pupil.lastName,
      pupil.firstName,
      pupil.dateOfBirth ?? '',
      address.addressLine1 ?? '',
      address.addressLine2 ?? '',
      address.town ?? '',
      address.postcode ?? '',
      address.parentCarerName ?? '',
      address.parentCarerAddress ?? '',
      yearGroup,
      plan ? INTENTION_KINDS[plan.kind] : asked ? 'Not recorded' : '',
      plan?.apprenticeshipLevel ?? '',
      plan?.provider ?? '',
      plan?.course ?? '',
      plan ? plan.enteredAt.toISOString().slice(0, 10) : '',
      plan ? (plan.enteredByRole === 'pupil' ? 'Pupil' : 'School') : '',
      offer ? SEPTEMBER_OFFER_STATUSES[offer.status] : SEPTEMBER_OFFER_NOT_RECORDED,
      offer?.placeKind ? offerPlaceLabel(offer.placeKind) : '',
      offer?.provider ?? '',
      offer?.note ?? '',
    ];
  });
  // Of those in the file, how many are in it only because no home local authority is recorded.
  const homeNotRecorded = included.filter(({ pupil }) => !pupil.homeLocalAuthority).length;
  return { rows, included: included.length, optedOut, homeNotRecorded };
}

/** The local authority whose return a row belongs to (`returnAuthorityOf`), with its name, and whether the pupil's own home authority is recorded. */
export interface RowAuthority {
  code: string | null;
  name: string;
  homeRecorded: boolean;
}

/**
 * One row of the return as the API gives it (`localAuthorityReturn`): the same cells as a line of the
 * school's file, with the keys beside the words, and the authority whose file the line is in.
 * `details` is the pupil's UPN, names, date of birth, address and parent or carer, and the offer's
 * note is free text about them: both only for callers who may see pupils one by one (null otherwise: the row is then the
 * pupil's id only).
 */
export function returnRowOf(
  pupil: { pupilId: string; schoolId: string; yearGroup: number },
  authority: RowAuthority,
  facts: ReturnFacts | undefined,
  details: PupilReturnDetails | null,
): LocalAuthorityReturnRow {
  const asked = pupil.yearGroup === 11;
  const plan = asked ? (facts?.plan ?? null) : null;
  const offer = facts?.offer ?? null;
  return Object.assign(new LocalAuthorityReturnRow(), {
    pupilId: pupil.pupilId,
    schoolId: pupil.schoolId,
    yearGroup: pupil.yearGroup,
    localAuthorityCode: authority.code,
    localAuthorityName: authority.name,
    homeLocalAuthorityRecorded: authority.homeRecorded,
    upn: details ? (details.upn ?? null) : null,
    firstName: details?.firstName ?? null,
    lastName: details?.lastName ?? null,
    dateOfBirth: details ? (details.dateOfBirth ?? null) : null,
    ...returnAddressOf(details),
    intendedDestination: plan?.kind ?? null,
    intendedDestinationLabel: plan ? INTENTION_KINDS[plan.kind] : asked ? 'Not recorded' : null,
    apprenticeshipLevel: plan?.apprenticeshipLevel ?? null,
    provider: plan?.provider ?? null,
    course: plan?.course ?? null,
    recordedOn: plan ? plan.enteredAt.toISOString().slice(0, 10) : null,
    recordedBy: plan ? (plan.enteredByRole === 'pupil' ? 'Pupil' : 'School') : null,
    septemberOffer: offer?.status ?? null,
    septemberOfferLabel: offer ? SEPTEMBER_OFFER_STATUSES[offer.status] : SEPTEMBER_OFFER_NOT_RECORDED,
    offerPlaceKind: offer?.placeKind ?? null,
    offerPlaceLabel: offer?.placeKind ? offerPlaceLabel(offer.placeKind) : null,
    offerProvider: offer?.provider ?? null,
    offerNote: details ? (offer?.note ?? null) : null,
  });
}

/**
 * The local authority whose return a pupil is in (docs/domain-rules.md, "The local authority
 * return"): the one they live in, or, when that is not recorded, the school's own (null when the
 * school's is not one Waymark knows by code).
 */
export function returnAuthorityOf(homeCode: string | null | undefined, schoolCode: string | null): string | null {
  return homeCode ?? schoolCode;
}

/** The authority's name for the page and the file: from the code, or the school's own as it is recorded. */
export function returnAuthorityName(code: string | null, school: SchoolReturnDetails): string {
  return (code === null ? null : localAuthorityOfCode(code)?.name) ?? school.localAuthority;
}

/** "intended-destinations-and-september-offer-123456-la383-2026-12-06.csv" (the authority's code left out when there is none). */
export function returnFileName(school: SchoolReturnDetails, code: string | null, today: string): string {
  return `intended-destinations-and-september-offer-${school.urn.replace(/[^A-Za-z0-9]/g, '')}${code === null ? '' : `-la${code}`}-${today}.csv`;
}

export function returnCsv(rows: CsvValue[][]): string {
  return toCsv([[...RETURN_HEADER], ...rows]);
}
