import { LOCAL_AUTHORITIES, type LocalAuthority } from '@waymark/domain';

/** England's local authorities (@waymark/domain), by name, for choosing where a pupil lives. */
export const AUTHORITIES_BY_NAME: readonly LocalAuthority[] = Object.entries(LOCAL_AUTHORITIES)
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** How an authority is written on the page: "Birmingham (330)". */
export const authorityLabel = (authority: LocalAuthority): string => `${authority.name} (${authority.code})`;

/** Words made comparable: lower case, "&" as "and", no punctuation or repeated spaces. */
const simplified = (text: string) =>
  text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The authorities a search means, by name: those whose name contains the words typed ("brad",
 * "hove", "St Helens"), or by code: those whose three-digit code starts with the digits typed ("33"
 * finds 330 to 336). Everything when nothing is typed.
 */
export function matchingAuthorities(search: string): readonly LocalAuthority[] {
  const wanted = simplified(search);
  if (wanted === '') return AUTHORITIES_BY_NAME;
  if (/^\d+$/.test(wanted)) return AUTHORITIES_BY_NAME.filter((authority) => authority.code.startsWith(wanted));
  return AUTHORITIES_BY_NAME.filter((authority) => simplified(authority.name).includes(wanted));
}
