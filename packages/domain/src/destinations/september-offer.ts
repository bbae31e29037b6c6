import { textProblem, type FieldProblems } from '../forms/text.js';
import { INTENTION_KINDS, INTENTION_LIMITS, type IntentionKind } from './intentions.js';

/*
 * The September offer (docs/domain-rules.md, "The September offer"): every young person finishing
 * Year 11, and every one finishing Year 12, should have an offer of a suitable place in education or
 * training for the September that follows. Schools say, for each of them, whether an offer was made,
 * and the local authority collects the answer with the intended destinations.
 */

/** What a school can say about a pupil's offer; a pupil with none of these is "Not recorded". */
export const SEPTEMBER_OFFER_STATUSES = {
  OFFER_MADE: 'Offer made',
  NO_OFFER: 'No offer',
  NOT_APPROPRIATE: 'Offer not appropriate',
} as const;
export type SeptemberOfferStatus = keyof typeof SEPTEMBER_OFFER_STATUSES;
export const SEPTEMBER_OFFER_STATUS_KEYS = Object.keys(SEPTEMBER_OFFER_STATUSES) as SeptemberOfferStatus[];
export const SEPTEMBER_OFFER_NOT_RECORDED = 'Not recorded';

/** The offer is asked for pupils finishing Year 11 and Year 12. */
export const SEPTEMBER_OFFER_YEAR_GROUPS = [11, 12] as const;

/**
 * The places that count as an offer: education or training. A job without training, a gap year or
 * "something else" is a plan, never an offer.
 */
export const OFFER_PLACE_KINDS = [
  'SCHOOL_SIXTH_FORM',
  'SIXTH_FORM_COLLEGE',
  'FE_COLLEGE',
  'APPRENTICESHIP',
  'SUPPORTED_INTERNSHIP_OR_TRAINEESHIP',
  'EMPLOYMENT_WITH_TRAINING',
] as const satisfies readonly IntentionKind[];
export type OfferPlaceKind = (typeof OFFER_PLACE_KINDS)[number];
export const offerPlaceLabel = (kind: OfferPlaceKind): string => INTENTION_KINDS[kind];

export const SEPTEMBER_OFFER_LIMITS = { noteLength: 200, pupilsAtOnce: 500 } as const;

export type SeptemberOfferField = 'status' | 'placeKind' | 'provider' | 'note';

export interface SeptemberOfferValues {
  /** '' until one is chosen. */
  status: string;
  placeKind?: string | null;
  provider?: string | null;
  note?: string | null;
}

/** Every problem with a September offer at once (empty when it is fine). */
export function checkSeptemberOffer(values: SeptemberOfferValues): FieldProblems<SeptemberOfferField> {
  const problems: FieldProblems<SeptemberOfferField> = {};
  if (!Object.hasOwn(SEPTEMBER_OFFER_STATUSES, values.status)) problems.status = 'Choose whether an offer was made';
  const place = values.placeKind ?? null;
  if (values.status === 'OFFER_MADE') {
    if (place === null || place === '') problems.placeKind = 'Choose the kind of place offered';
    else if (!(OFFER_PLACE_KINDS as readonly string[]).includes(place)) problems.placeKind = 'That is not a place in education or training';
  } else if (place) problems.placeKind = 'Only an offer that was made has a kind of place';
  if (values.status !== 'OFFER_MADE' && values.provider?.trim()) problems.provider = 'Only an offer that was made has a place';
  const provider = textProblem(values.provider, { max: INTENTION_LIMITS.providerLength, name: 'the place' });
  if (provider && !problems.provider) problems.provider = provider;
  const note = textProblem(values.note, {
    missing: values.status === 'NOT_APPROPRIATE' ? 'Say briefly why an offer is not appropriate, for example "moved abroad"' : undefined,
    max: SEPTEMBER_OFFER_LIMITS.noteLength,
    name: 'the note',
  });
  if (note) problems.note = note;
  return problems;
}
