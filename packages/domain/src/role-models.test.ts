import { describe, expect, it } from 'vitest';
import { roleModelInterests } from './role-models.js';

describe('roleModelInterests', () => {
  const profile = ['Mechanical engineer', 'A BTEC at college, then an apprenticeship', 'First in my family to work in a lab', 'Manufacturing'];

  it.each([
    { why: 'a longer hashtag finds a shorter word with its first six letters', tags: ['engineering'], expected: ['engineering'] },
    { why: 'a short hashtag finds a longer word', tags: ['apprentice'], expected: ['apprentice'] },
    { why: 'a sector name counts', tags: ['manufacturing'], expected: ['manufacturing'] },
    { why: 'the pupil’s order is kept, and only the ones that match', tags: ['music', 'lab', 'engineering'], expected: ['lab', 'engineering'] },
    { why: 'a match is at the start of a word, not inside it', tags: ['gineer'], expected: [] },
    { why: 'digits, - and _ are ignored; one letter is too little', tags: ['btec_2', 'a'], expected: ['btec_2'] },
    { why: 'nothing in common', tags: ['football', 'drama'], expected: [] },
  ])('$why', ({ tags, expected }) => {
    expect(roleModelInterests(tags, profile)).toEqual(expected);
  });
});
