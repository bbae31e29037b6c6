import { describe, expect, it } from 'vitest';
import { formatDate } from './format.js';
import { colors, contrastRatio, NON_TEXT_PAIRS, TEXT_PAIRS } from './tokens.js';

describe('colour tokens', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(TEXT_PAIRS)('%s text on %s meets 4.5:1', (foreground, background) => {
    expect(contrastRatio(colors[foreground], colors[background])).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT_PAIRS)('%s against %s meets 3:1', (foreground, background) => {
    expect(contrastRatio(colors[foreground], colors[background])).toBeGreaterThanOrEqual(3);
  });
});

describe('formatDate', () => {
  it('writes dates the British way', () => {
    expect(formatDate('2026-03-04T10:00:00.000Z')).toBe('04/03/2026');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
