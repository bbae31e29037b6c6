import { describe, expect, it } from 'vitest';
import { describeMeasure } from './benchmarks.describe.js';

describe('describeMeasure', () => {
  it('reads a count against what is needed, and past it without "2 of 1"', () => {
    expect(describeMeasure('B6_BY_16', 'IN_PROGRESS', 1, 2)).toBe('1 of 2 meaningful workplace experiences in Years 7–11');
    expect(describeMeasure('B5_EMPLOYERS', 'MET', 1, 1)).toBe('1 of 1 meaningful employer encounters this year');
    expect(describeMeasure('B5_EMPLOYERS', 'MET', 3, 1)).toBe('3 meaningful employer encounters this year (1 needed)');
  });

  it('counts parts of a whole as parts, and says when a measure does not apply', () => {
    expect(describeMeasure('B4_CURRICULUM', 'IN_PROGRESS', 2, 10)).toBe('2 of 10 subjects linked to careers this year');
    expect(describeMeasure('B6_BY_18', 'NOT_APPLICABLE', 0, 1)).toBe('Applies from Year 12.');
  });
});
