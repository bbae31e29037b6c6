import { describe, expect, it } from 'vitest';
import { checkSeptemberOffer } from './september-offer.js';

describe('checkSeptemberOffer', () => {
  it.each([
    { why: 'an offer with its kind of place', values: { status: 'OFFER_MADE', placeKind: 'FE_COLLEGE', provider: 'Leeds City College' }, problems: {} },
    { why: 'an offer with no place named', values: { status: 'OFFER_MADE', placeKind: 'APPRENTICESHIP' }, problems: {} },
    { why: 'no offer', values: { status: 'NO_OFFER' }, problems: {} },
    { why: 'not appropriate, with a reason', values: { status: 'NOT_APPROPRIATE', note: 'Moved to Spain' }, problems: {} },
    { why: 'nothing chosen', values: { status: '' }, problems: { status: 'Choose whether an offer was made' } },
    { why: 'an unknown status', values: { status: 'MAYBE' }, problems: { status: 'Choose whether an offer was made' } },
    { why: 'an offer without its kind', values: { status: 'OFFER_MADE' }, problems: { placeKind: 'Choose the kind of place offered' } },
    {
      why: 'a job without training is not an offer',
      values: { status: 'OFFER_MADE', placeKind: 'EMPLOYMENT_WITHOUT_TRAINING' },
      problems: { placeKind: 'That is not a place in education or training' },
    },
    {
      why: 'a place on "no offer"',
      values: { status: 'NO_OFFER', placeKind: 'FE_COLLEGE', provider: 'Leeds City College' },
      problems: { placeKind: 'Only an offer that was made has a kind of place', provider: 'Only an offer that was made has a place' },
    },
    {
      why: 'not appropriate without a reason',
      values: { status: 'NOT_APPROPRIATE', note: '  ' },
      problems: { note: 'Say briefly why an offer is not appropriate, for example "moved abroad"' },
    },
    {
      why: 'a note that is too long',
      values: { status: 'NO_OFFER', note: 'x'.repeat(201) },
      problems: { note: 'Keep the note to 200 characters or fewer' },
    },
  ])('$why', ({ values, problems }) => {
    expect(checkSeptemberOffer(values)).toEqual(problems);
  });
});
