import { describe, expect, it } from 'vitest';
import { EMPTY_REQUEST, toRequestInput, validateRequest } from './requestForm';

const now = new Date('2026-12-06T10:00:00Z');

describe('the volunteer request form', () => {
  it('asks for what is missing in plain words', () => {
    expect(validateRequest(EMPTY_REQUEST, now)).toEqual({
      activity: 'Choose the kind of help you need',
      dateFrom: 'Enter the first day it could happen',
      dateTo: 'Enter the last day it could happen',
      yearGroups: 'Choose at least one year group',
      postcode: "Enter the postcode of the place it happens, usually the school's",
    });
  });

  it('refuses a past window and a number of volunteers below one', () => {
    const draft = {
      ...EMPTY_REQUEST,
      activity: 'TALK' as const,
      dateFrom: '2026-12-01',
      dateTo: '2026-12-10',
      yearGroups: [10],
      volunteersWanted: '0',
      postcode: 'LS6 2AB',
    };
    expect(validateRequest(draft, now)).toEqual({ dateFrom: 'The first day cannot be in the past', volunteersWanted: 'Ask for between 1 and 50 volunteers' });
  });

  it('sends no postcode for an online request', () => {
    expect(toRequestInput({ ...EMPTY_REQUEST, virtual: true, postcode: 'LS6 2AB', yearGroups: [11, 10] })).toMatchObject({
      postcode: null,
      yearGroups: [10, 11],
    });
  });
});

describe('whether the volunteer is alone and meets the pupils regularly', () => {
  it('sends both as ticked, and neither by default', () => {
    expect(toRequestInput(EMPTY_REQUEST)).toMatchObject({ unsupervised: false, regular: false });
    expect(toRequestInput({ ...EMPTY_REQUEST, unsupervised: true, regular: true })).toMatchObject({ unsupervised: true, regular: true });
  });
});
