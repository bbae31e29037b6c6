import { describe, expect, it } from 'vitest';
import { checkPublication, publicCareersPath } from './publication-form.js';

const today = '2026-12-07';
const complete = {
  contactName: 'Ms A Leader',
  contactEmail: 'careers@school.example',
  contactPhone: '01632 960 123',
  evaluation: 'We ask pupils, parents and providers each summer.',
  reviewOn: '2027-07-15',
  premises: 'The main hall and a classroom.',
  statement: 'Providers may ask to meet our pupils.',
};

describe('checkPublication', () => {
  it.each([
    ['a complete page, publishing', complete, true, {}],
    ['an empty draft, saving (gaps are allowed until publishing)', {}, false, {}],
    [
      'an empty draft, publishing (every part is named)',
      {},
      true,
      {
        contactName: expect.any(String),
        contactEmail: expect.any(String),
        evaluation: expect.any(String),
        reviewOn: expect.any(String),
        statement: expect.any(String),
      },
    ],
    ['an email without an @', { ...complete, contactEmail: 'careers.school.example' }, false, { contactEmail: expect.stringMatching(/right form/) }],
    ['an email with a space', { ...complete, contactEmail: 'car eers@school.example' }, false, { contactEmail: expect.stringMatching(/right form/) }],
    ['a review date yesterday', { ...complete, reviewOn: '2026-12-06' }, false, { reviewOn: 'The next review date must be today or later' }],
    ['a review date today', { ...complete, reviewOn: today }, true, {}],
    ['a day that does not exist', { ...complete, reviewOn: '2027-02-30' }, false, { reviewOn: expect.stringMatching(/real day/) }],
    ['a phone number of letters', { ...complete, contactPhone: 'call the office' }, false, { contactPhone: expect.stringMatching(/digits/) }],
    ['a phone number too short', { ...complete, contactPhone: '123' }, false, { contactPhone: expect.stringMatching(/digits/) }],
    ['no phone (it is optional)', { ...complete, contactPhone: '' }, true, {}],
  ])('%s', (_reason, values, publishing, expected) => {
    expect(checkPublication(values, today, { publishing })).toEqual(expected);
  });
});

describe('publicCareersPath', () => {
  it('is the school URN under /schools', () => {
    expect(publicCareersPath('100001')).toBe('/schools/100001/careers');
    expect(publicCareersPath('a/b')).toBe('/schools/a%2Fb/careers');
  });
});
