import { describe, expect, it } from 'vitest';
import { checkAddress, normalisePostcode } from './postal-address.js';

describe('normalisePostcode', () => {
  it('writes every form of UK postcode upper-case with one space', () => {
    expect(normalisePostcode('ls1 4ap')).toBe('LS1 4AP');
    expect(normalisePostcode(' LS14AP ')).toBe('LS1 4AP');
    expect(normalisePostcode('m1 1ae')).toBe('M1 1AE');
    expect(normalisePostcode('B338TH')).toBe('B33 8TH');
    expect(normalisePostcode('cr2 6xh')).toBe('CR2 6XH');
    expect(normalisePostcode('DN55 1PT')).toBe('DN55 1PT');
    expect(normalisePostcode('w1a 0ax')).toBe('W1A 0AX');
    expect(normalisePostcode('EC1A 1BB')).toBe('EC1A 1BB');
    expect(normalisePostcode('gir 0aa')).toBe('GIR 0AA');
  });

  it('refuses what is not a postcode', () => {
    for (const raw of ['', 'LS1', '12345', 'LS1 4A', 'LS1 4APP', '1LS 4AP', 'LS1-4AP', 'SW1A 1AAA', 'Leeds']) expect(normalisePostcode(raw), raw).toBeNull();
  });
});

describe('checkAddress', () => {
  it('tidies spaces, keeps blanks as not recorded and names a bad part by its field', () => {
    expect(checkAddress('homeAddress', "the pupil's address", { line1: ' 1  High St ', line2: ' ', postcode: 'ls1 4ap' })).toEqual({
      address: { line1: '1 High St', line2: null, town: null, postcode: 'LS1 4AP' },
      problems: [],
    });
    const bad = checkAddress('parentCarer.address', "the parent's or carer's address", { postcode: 'nope' });
    expect(bad.problems).toEqual([
      { field: 'parentCarer.address.postcode', message: `"nope" is not a UK postcode (the parent's or carer's address); write it like LS1 4AP.` },
    ]);
  });
});
