import { describe, expect, it } from 'vitest';
import { draftFrom, toProfileInput, validateProfile, type ProfileDraft } from './profileDraft';

const filled: ProfileDraft = {
  ...draftFrom(null),
  activities: ['TALK'],
  homePostcode: 'LS11 5AA',
  reach: 'DISTRICTS',
  districts: 'ls6, LS11  BD1',
};

describe('the volunteer profile form', () => {
  it('sends districts as a list and only the chosen reach', () => {
    expect(toProfileInput(filled)).toMatchObject({ districts: ['ls6', 'LS11', 'BD1'], radiusMiles: null, roleModel: null });
    expect(toProfileInput({ ...filled, reach: 'RADIUS', radiusMiles: '15' })).toMatchObject({ districts: null, radiusMiles: 15 });
  });

  it('says what is wrong before sending, in the same words as the API', () => {
    expect(validateProfile(filled)).toEqual({});
    expect(validateProfile({ ...filled, homePostcode: 'LS11', reach: '' })).toEqual({
      homePostcode: 'Enter a UK postcode like LS11 5AA',
      reach: 'Choose how far you can travel',
    });
    expect(validateProfile({ ...filled, reach: 'RADIUS', radiusMiles: 'ten' }).radiusMiles).toMatch(/whole number of miles/);
  });

  it('keeps a role-model profile only with consent', () => {
    const roleModel = { ...filled, roleModel: true, roleModelJob: 'Engineer', roleModelRoute: 'Apprenticeship' };
    expect(validateProfile(roleModel).roleModel).toMatch(/Tick the box/);
    expect(validateProfile({ ...roleModel, roleModelConsent: true })).toEqual({});
  });
});
