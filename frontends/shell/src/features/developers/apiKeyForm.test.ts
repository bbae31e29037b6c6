import { describe, expect, it } from 'vitest';
import { apiKeyFormProblems, errorShare } from './apiKeyForm';

describe('a new API key', () => {
  it('needs a name of at most 100 characters and at least one scope', () => {
    expect(apiKeyFormProblems('MIS sync', ['roster:write'])).toEqual([]);
    expect(apiKeyFormProblems('   ', []).map((p) => p.field)).toEqual(['name', 'scopes']);
    expect(apiKeyFormProblems('x'.repeat(101), ['reports:read'])[0].message).toContain('100 characters');
  });
});

describe('the share of a key’s requests that failed', () => {
  it('says so when there are no requests, and gives a percentage otherwise', () => {
    expect(errorShare(0, 0)).toBe('None yet');
    expect(errorShare(0, 40)).toBe('0 (0%)');
    expect(errorShare(1, 40)).toBe('1 (2.5%)');
    expect(errorShare(20, 40)).toBe('20 (50%)');
    expect(errorShare(1, 5000)).toBe('1 (<0.1%)');
    expect(errorShare(1200, 1200)).toBe('1,200 (100%)');
  });
});
