import { describe, expect, it } from 'vitest';
import { AUTHORITIES_BY_NAME, authorityLabel, matchingAuthorities } from './localAuthorities';

describe('choosing a local authority', () => {
  it('offers all 153, by name', () => {
    expect(AUTHORITIES_BY_NAME).toHaveLength(153);
    const names = AUTHORITIES_BY_NAME.map((authority) => authority.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(matchingAuthorities('  ')).toHaveLength(153);
  });

  it('finds an authority by part of its name, whatever the case and punctuation', () => {
    expect(matchingAuthorities('birm').map(authorityLabel)).toEqual(['Birmingham (330)']);
    expect(matchingAuthorities('BRADFORD').map((authority) => authority.code)).toEqual(['380']);
    expect(matchingAuthorities('st. helens').map((authority) => authority.code)).toEqual(['342']);
    expect(matchingAuthorities('brighton & hove').map((authority) => authority.code)).toEqual(['846']);
    expect(matchingAuthorities('northamptonshire').map((authority) => authority.name)).toEqual(['North Northamptonshire', 'West Northamptonshire']);
  });

  it('finds an authority by its code, or every code starting with the digits typed', () => {
    expect(matchingAuthorities('383').map(authorityLabel)).toEqual(['Leeds (383)']);
    expect(matchingAuthorities(' 330 ').map((authority) => authority.name)).toEqual(['Birmingham']);
    expect(matchingAuthorities('33').every((authority) => authority.code.startsWith('33'))).toBe(true);
    expect(matchingAuthorities('909')).toEqual([]);
    expect(matchingAuthorities('nowhere at all')).toEqual([]);
  });
});
