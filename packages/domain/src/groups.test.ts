import { describe, expect, it } from 'vitest';
import { VULNERABLE_GROUPS, VULNERABLE_GROUP_CODES, vulnerableGroupOfCode } from './groups.js';

describe('vulnerable group codes', () => {
  it('name every group once and map back to the flag', () => {
    const codes = VULNERABLE_GROUPS.map((group) => VULNERABLE_GROUP_CODES[group.key]);
    expect(new Set(codes).size).toBe(VULNERABLE_GROUPS.length);
    for (const group of VULNERABLE_GROUPS) expect(vulnerableGroupOfCode(VULNERABLE_GROUP_CODES[group.key])).toBe(group.key);
    expect(vulnerableGroupOfCode('senSupport')).toBeUndefined();
  });
});
