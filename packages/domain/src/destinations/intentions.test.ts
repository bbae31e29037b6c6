import { describe, expect, it } from 'vitest';
import { checkAspiration, checkIntention } from './intentions.js';

describe('checkIntention', () => {
  it.each([
    { why: 'nothing chosen', values: { kind: '' }, fields: ['kind'] },
    { why: 'an apprenticeship at level 9', values: { kind: 'APPRENTICESHIP', apprenticeshipLevel: 9 }, fields: ['apprenticeshipLevel'] },
    { why: 'a level for something that is not an apprenticeship', values: { kind: 'FE_COLLEGE', apprenticeshipLevel: 3 }, fields: ['apprenticeshipLevel'] },
    { why: 'a course name that is far too long', values: { kind: 'FE_COLLEGE', course: 'x'.repeat(201) }, fields: ['course'] },
  ])('finds the problem with $why', ({ values, fields }) => {
    expect(Object.keys(checkIntention(values))).toEqual(fields);
  });

  it('accepts an apprenticeship with or without a level, and a college with a course', () => {
    expect(checkIntention({ kind: 'APPRENTICESHIP', apprenticeshipLevel: 3 })).toEqual({});
    expect(checkIntention({ kind: 'APPRENTICESHIP' })).toEqual({});
    expect(checkIntention({ kind: 'FE_COLLEGE', provider: 'Aire Valley College', course: 'Level 3 Engineering' })).toEqual({});
  });
});

describe('checkAspiration', () => {
  it('normalises hashtags and asks for the text', () => {
    expect(checkAspiration({ text: '  ', hashtags: ['#Animals', 'animals'] })).toEqual({
      hashtags: ['animals'],
      problems: { text: 'Write something you hope to do, for example "work with animals"' },
    });
  });

  it('refuses hashtags that are not single words', () => {
    expect(checkAspiration({ text: 'Be a vet', hashtags: ['two words'] }).problems).toHaveProperty('hashtags');
  });
});
