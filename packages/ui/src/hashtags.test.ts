import { describe, expect, it } from 'vitest';
import { formatHashtags, parseHashtags } from './hashtags.js';

describe('hashtags', () => {
  it('reads what people type: commas or spaces, with or without #, any case', () => {
    expect(parseHashtags(' #Engineering, nhs  #NHS;health-care ')).toEqual(['engineering', 'nhs', 'health-care']);
  });

  it('drops punctuation and empty tags', () => {
    expect(parseHashtags('# , ##  stem! café')).toEqual(['stem', 'café']);
    expect(parseHashtags('')).toEqual([]);
  });

  it('writes them back the way they are read', () => {
    expect(formatHashtags(['engineering', 'nhs'])).toBe('#engineering #nhs');
    expect(parseHashtags(formatHashtags(['engineering', 'nhs']))).toEqual(['engineering', 'nhs']);
  });
});
