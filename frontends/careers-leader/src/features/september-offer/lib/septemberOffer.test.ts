import { describe, expect, it } from 'vitest';
import { describeOffer, EMPTY_OFFER, offerInput, sortEntries } from './septemberOffer';
import type { SeptemberOfferEntryView } from '../graphql/september-offer';

const ids = ['p1', 'p2'];

describe('offerInput', () => {
  it('sends an offer that was made with its place, trimmed', () => {
    expect(offerInput({ status: 'OFFER_MADE', placeKind: 'FE_COLLEGE', provider: '  Leeds City College ', note: '' }, ids)).toEqual({
      input: { pupilIds: ids, status: 'OFFER_MADE', placeKind: 'FE_COLLEGE', provider: 'Leeds City College', note: null },
      problems: null,
    });
  });

  it('drops a place typed before the answer was changed to "no offer"', () => {
    expect(offerInput({ status: 'NO_OFFER', placeKind: 'FE_COLLEGE', provider: 'Leeds City College', note: '' }, ids).input).toEqual({
      pupilIds: ids,
      status: 'NO_OFFER',
      placeKind: null,
      provider: null,
      note: null,
    });
  });

  it('lists every problem in the order of the form, with no pupil chosen first', () => {
    expect(offerInput(EMPTY_OFFER, []).problems).toEqual([
      { field: 'pupils', message: 'Choose at least one pupil' },
      { field: 'status', message: 'Choose whether an offer was made' },
    ]);
    expect(offerInput({ ...EMPTY_OFFER, status: 'OFFER_MADE' }, ids).problems).toEqual([{ field: 'placeKind', message: 'Choose the kind of place offered' }]);
    expect(offerInput({ ...EMPTY_OFFER, status: 'NOT_APPROPRIATE' }, ids).problems?.map((problem) => problem.field)).toEqual(['note']);
  });
});

describe('describeOffer and sortEntries', () => {
  const entry = (id: string, name: string, offer: SeptemberOfferEntryView['offer']): SeptemberOfferEntryView => ({
    pupil: { id, displayName: name, tutorGroup: null },
    offer,
  });
  const made = {
    id: 'o1',
    status: 'OFFER_MADE' as const,
    placeKind: 'APPRENTICESHIP' as const,
    provider: 'Acme',
    note: null,
    enteredAt: '2026-10-01T10:00:00Z',
  };

  it('says what was recorded in a few words', () => {
    expect(describeOffer(null)).toBe('Not recorded');
    expect(describeOffer(made)).toBe('Offer made: Apprenticeship (Acme)');
    expect(describeOffer({ ...made, status: 'NOT_APPROPRIATE', placeKind: null, provider: null, note: 'Moved abroad' })).toBe(
      'Offer not appropriate: Moved abroad',
    );
  });

  it('puts the pupils with nothing recorded first, each part by name', () => {
    const sorted = sortEntries([entry('a', 'Zara', null), entry('b', 'Adam', made), entry('c', 'Bea', null)]);
    expect(sorted.map((row) => row.pupil.displayName)).toEqual(['Bea', 'Zara', 'Adam']);
  });
});
