import { describe, expect, it } from 'vitest';
import { LOCAL_AUTHORITIES, localAuthorityOfCode, localAuthorityOfName } from './local-authorities.js';

describe('local authorities', () => {
  it("holds England's 153 authorities, each a three-digit code with a name used once", () => {
    const codes = Object.keys(LOCAL_AUTHORITIES);
    expect(codes).toHaveLength(153);
    expect(codes.every((code) => /^\d{3}$/.test(code))).toBe(true);
    expect(new Set(Object.values(LOCAL_AUTHORITIES)).size).toBe(codes.length);
  });

  it('names the authority of a code, ignoring spaces round it', () => {
    expect(localAuthorityOfCode('330')).toEqual({ code: '330', name: 'Birmingham' });
    expect(localAuthorityOfCode(' 383 ')).toEqual({ code: '383', name: 'Leeds' });
    expect(localAuthorityOfCode('942')).toEqual({ code: '942', name: 'Cumberland' });
  });

  it('knows no other code: a retired one, a made-up one, a name, or an inherited property', () => {
    // Cumbria (909) split in 2023, Northamptonshire (928) in 2021, Poole (836) merged in 2019.
    for (const code of ['909', '928', '836', '999', '000', '33', '3300', 'Leeds', '', 'toString', '__proto__']) expect(localAuthorityOfCode(code)).toBeNull();
  });

  it("finds an authority by a name as schools' records write it", () => {
    expect(localAuthorityOfName('Leeds')).toEqual({ code: '383', name: 'Leeds' });
    expect(localAuthorityOfName('Bristol, City of')?.code).toBe('801');
    expect(localAuthorityOfName('St. Helens')?.code).toBe('342');
    expect(localAuthorityOfName('Brighton & Hove')?.code).toBe('846');
    expect(localAuthorityOfName('City of London')?.code).toBe('201');
    expect(localAuthorityOfName('Narnia')).toBeNull();
  });
});
