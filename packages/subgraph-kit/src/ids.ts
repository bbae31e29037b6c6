const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach uuid columns from callers; anything else would be a database error, not "not found". */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** C0 and C1 control characters, NUL among them: never part of a name, a search or a key, and PostgreSQL refuses NUL in text. */
const CONTROL = /\p{Cc}/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

/** The same for text that may run over several lines (notes, reflections): tabs and line breaks are allowed there. */
const CONTROL_BESIDES_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;

export function hasControlCharactersBesidesLineBreaks(value: string): boolean {
  return CONTROL_BESIDES_LINE_BREAKS.test(value);
}
