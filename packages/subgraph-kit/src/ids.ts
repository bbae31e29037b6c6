const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach uuid columns from callers; anything else would be a database error, not "not found". */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Control characters (NUL among them) are never part of a name, a search or a key, and PostgreSQL
 * refuses NUL in text; the rules live with the form rules in @waymark/domain, which portals run too.
 */
export { hasControlCharacters, hasControlCharactersBesidesLineBreaks } from '@waymark/domain';
