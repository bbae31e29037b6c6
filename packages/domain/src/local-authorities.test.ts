import { describe, expect, it } from 'vitest';
import {
  LOCAL_AUTHORITIES,
  LOCAL_AUTHORITIES_BY_NAME,
  localAuthoritiesMatching,
  localAuthorityLabel,
  localAuthorityOfCode,
  localAuthorityOfName,
} from './local-authorities.js';

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

describe('choosing a local authority', () => {
  it('offers all 153, by name', () => {
    expect(LOCAL_AUTHORITIES_BY_NAME).toHaveLength(153);
    const names = LOCAL_AUTHORITIES_BY_NAME.map((authority) => authority.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(localAuthoritiesMatching('  ')).toHaveLength(153);
  });

  it('finds an authority by part of its name, whatever the case and punctuation', () => {
    expect(localAuthoritiesMatching('birm').map(localAuthorityLabel)).toEqual(['Birmingham (330)']);
    expect(localAuthoritiesMatching('BRADFORD').map((authority) => authority.code)).toEqual(['380']);
    expect(localAuthoritiesMatching('st. helens').map((authority) => authority.code)).toEqual(['342']);
    expect(localAuthoritiesMatching('brighton & hove').map((authority) => authority.code)).toEqual(['846']);
    expect(localAuthoritiesMatching('northamptonshire').map((authority) => authority.name)).toEqual(['North Northamptonshire', 'West Northamptonshire']);
  });

  it('finds an authority by its code, or every code starting with the digits typed', () => {
    expect(localAuthoritiesMatching('383').map(localAuthorityLabel)).toEqual(['Leeds (383)']);
    expect(localAuthoritiesMatching(' 330 ').map((authority) => authority.name)).toEqual(['Birmingham']);
    expect(localAuthoritiesMatching('33').every((authority) => authority.code.startsWith('33'))).toBe(true);
    expect(localAuthoritiesMatching('909')).toEqual([]);
    expect(localAuthoritiesMatching('nowhere at all')).toEqual([]);
  });
});
