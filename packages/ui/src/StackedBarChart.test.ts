import { describe, expect, it } from 'vitest';
import { segmentWidth } from './StackedBarChart.js';

describe('segmentWidth', () => {
  it('draws nothing for nothing, at least a sliver for anything, and never past the end', () => {
    expect(segmentWidth(0)).toBe('0');
    expect(segmentWidth(Number.NaN)).toBe('0');
    expect(segmentWidth(-5)).toBe('0');
    expect(segmentWidth(0.4)).toBe('max(3px, 0.4%)');
    expect(segmentWidth(45)).toBe('max(3px, 45%)');
    expect(segmentWidth(130)).toBe('max(3px, 100%)');
  });
});
