import { describe, expect, it } from 'vitest';
import type { CareersPage } from '../graphql/publication';
import { draftOf, inputOf, problemsOf, publicAddress, statusText } from './publication';

const page = {
  contactName: 'Ms North',
  contactEmail: null,
  contactPhone: null,
  evaluation: null,
  reviewOn: null,
  premises: null,
  statement: null,
  draftStatement: 'Provider access policy statement: Northfield',
  published: false,
  hasUnpublishedChanges: false,
} as CareersPage;

describe('the careers page form', () => {
  it('starts the statement from the generated draft until one is saved', () => {
    expect(draftOf(page).statement).toBe('Provider access policy statement: Northfield');
    expect(draftOf({ ...page, statement: 'Our own words' }).statement).toBe('Our own words');
  });

  it('sends trimmed values, empty ones as null', () => {
    expect(inputOf({ ...draftOf(page), contactName: '  Ms North ', contactPhone: '   ' })).toMatchObject({ contactName: 'Ms North', contactPhone: null });
  });

  it('names a bad email and a past review date before sending; publishing needs every part', () => {
    const draft = { ...draftOf(page), contactEmail: 'not an email', reviewOn: '2026-01-01' };
    expect(Object.keys(problemsOf(draft, '2026-12-07', false)).sort()).toEqual(['contactEmail', 'reviewOn']);
    expect(Object.keys(problemsOf(draftOf(page), '2026-12-07', true)).sort()).toEqual(['contactEmail', 'evaluation', 'reviewOn']);
  });

  it('gives the full public address and the status in words', () => {
    expect(publicAddress('https://waymark.example/', '/schools/138201/careers')).toBe('https://waymark.example/schools/138201/careers');
    expect(statusText(page)).toMatch(/^Not published/);
    expect(statusText({ published: true, hasUnpublishedChanges: true })).toMatch(/changes you have not published/);
  });
});
