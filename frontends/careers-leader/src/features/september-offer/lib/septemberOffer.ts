import {
  checkSeptemberOffer,
  OFFER_PLACE_KINDS,
  offerPlaceLabel,
  SEPTEMBER_OFFER_NOT_RECORDED,
  SEPTEMBER_OFFER_STATUS_KEYS,
  SEPTEMBER_OFFER_STATUSES,
  type SeptemberOfferField,
} from '@waymark/domain';
import type { OfferPlaceKind, RecordSeptemberOffersInput, SeptemberOfferEntryView, SeptemberOfferStatus } from '../graphql/september-offer';

/** The answer as typed: every value a string until it is sent. */
export interface OfferDraft {
  status: SeptemberOfferStatus | '';
  placeKind: OfferPlaceKind | '';
  provider: string;
  note: string;
}

export const EMPTY_OFFER: OfferDraft = { status: '', placeKind: '', provider: '', note: '' };

export const STATUS_OPTIONS = SEPTEMBER_OFFER_STATUS_KEYS.map((value) => ({ value, label: SEPTEMBER_OFFER_STATUSES[value] }));
export const PLACE_OPTIONS = OFFER_PLACE_KINDS.map((value) => ({ value, label: offerPlaceLabel(value) }));

/** The form's fields in the order they appear, for the error summary. */
export const OFFER_FIELDS: readonly SeptemberOfferField[] = ['status', 'placeKind', 'provider', 'note'];

/**
 * What to send for the chosen pupils, or the problems to show first (the same rules the server
 * applies). A place and provider are sent only with an offer that was made, so switching the answer
 * after typing them never sends stale words.
 */
export function offerInput(
  draft: OfferDraft,
  pupilIds: readonly string[],
): { input: RecordSeptemberOffersInput; problems: null } | { input: null; problems: { field: SeptemberOfferField | 'pupils'; message: string }[] } {
  const made = draft.status === 'OFFER_MADE';
  const values = {
    status: draft.status,
    placeKind: made ? draft.placeKind || null : null,
    provider: made ? draft.provider.trim() || null : null,
    note: draft.note.trim() || null,
  };
  const found = checkSeptemberOffer(values);
  const problems: { field: SeptemberOfferField | 'pupils'; message: string }[] = [];
  if (pupilIds.length === 0) problems.push({ field: 'pupils', message: 'Choose at least one pupil' });
  for (const field of OFFER_FIELDS) if (found[field]) problems.push({ field, message: found[field] });
  if (problems.length > 0) return { input: null, problems };
  return {
    input: {
      pupilIds: [...pupilIds],
      status: draft.status as SeptemberOfferStatus,
      placeKind: values.placeKind ?? null,
      provider: values.provider,
      note: values.note,
    },
    problems: null,
  };
}

/** "Offer made: Further education college (Leeds City College)", "No offer", or "Not recorded". */
export function describeOffer(offer: SeptemberOfferEntryView['offer']): string {
  if (!offer) return SEPTEMBER_OFFER_NOT_RECORDED;
  const status = SEPTEMBER_OFFER_STATUSES[offer.status];
  if (offer.status === 'OFFER_MADE' && offer.placeKind) return `${status}: ${offerPlaceLabel(offer.placeKind)}${offer.provider ? ` (${offer.provider})` : ''}`;
  return offer.note ? `${status}: ${offer.note}` : status;
}

/** Pupils by name, those with nothing recorded first (they are the ones to chase). */
export function sortEntries(entries: readonly SeptemberOfferEntryView[]): SeptemberOfferEntryView[] {
  return [...entries].sort((a, b) => Number(a.offer !== null) - Number(b.offer !== null) || a.pupil.displayName.localeCompare(b.pupil.displayName));
}
