import { GraphQLRequestError } from '@waymark/graphql-client';
import { describe, expect, it } from 'vitest';
import { errorsAt, isForbidden } from './graphqlErrors.js';
import { percentDone } from './ProgressBar.js';

describe('percentDone', () => {
  it.each([
    [0, 100, 0],
    [1, 3, 33],
    [2, 3, 66],
    [3, 3, 100],
    [7, 5, 100],
    [5, 0, 0],
    [-1, 10, 0],
    [Number.NaN, 10, 0],
  ])('%d of %d → %d%%', (value, max, percent) => {
    expect(percentDone(value, max)).toBe(percent);
  });
});

describe('errorsAt', () => {
  const error = new GraphQLRequestError([
    { message: 'Only staff of the school', path: ['pupil', 'flags'], extensions: { code: 'FORBIDDEN' } },
    { message: 'Encounters are unavailable', path: ['pupil', 'participations', 0, 'encounter'] },
    { message: 'No path' },
  ]);

  it('finds the errors at a path and under it', () => {
    expect(errorsAt(error, ['pupil', 'flags']).map((item) => item.message)).toEqual(['Only staff of the school']);
    expect(errorsAt(error, ['pupil', 'participations']).map((item) => item.message)).toEqual(['Encounters are unavailable']);
    expect(errorsAt(error, ['pupil'])).toHaveLength(2);
    expect(errorsAt(error, ['pupil', 'consent'])).toEqual([]);
    expect(errorsAt(null, ['pupil'])).toEqual([]);
  });

  it('tells a refusal from an outage', () => {
    expect(isForbidden(errorsAt(error, ['pupil', 'flags']))).toBe(true);
    expect(isForbidden(errorsAt(error, ['pupil', 'participations']))).toBe(false);
  });
});
