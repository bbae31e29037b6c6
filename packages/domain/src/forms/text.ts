/*
 * The small rules every form shares with the API that saves it. Portals run them before sending,
 * subgraphs run them again on what arrives, so both say the same thing with the same limits.
 */

/** Problems with a form's values, one message per field (the first found), keyed by the API's field name. */
export type FieldProblems<Field extends string = string> = Partial<Record<Field, string>>;

/** The problems as the API's `fieldErrors` list them, in the order they were found. */
export function problemList<Field extends string>(problems: FieldProblems<Field>): { field: Field; message: string }[] {
  return (Object.entries(problems) as [Field, string][]).map(([field, message]) => ({ field, message }));
}

/** C0 and C1 control characters, NUL among them: never part of a name, a search or a key, and PostgreSQL refuses NUL in text. */
const CONTROL = /\p{Cc}/u;
/** The same for text that may run over several lines (notes, reflections): tabs and line breaks are allowed there. */
const CONTROL_BESIDES_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}

export function hasControlCharactersBesidesLineBreaks(value: string): boolean {
  return CONTROL_BESIDES_LINE_BREAKS.test(value);
}

export interface TextRule {
  /** The message when it is empty; leave out when it may be. */
  missing?: string;
  max: number;
  /** What is being written, for the messages: "the title", "your reflection". */
  name: string;
  /** Notes and reflections may run over several lines. */
  multiline?: boolean;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What is wrong with a piece of text (trimmed first), or null. */
export function textProblem(value: string | null | undefined, rule: TextRule): string | null {
  const text = (value ?? '').trim();
  if (text === '') return rule.missing ?? null;
  if (text.length > rule.max) return `Keep ${rule.name} to ${rule.max.toLocaleString('en-GB')} characters or fewer`;
  const hidden = rule.multiline ? hasControlCharactersBesidesLineBreaks(text) : hasControlCharacters(text);
  if (hidden) return `${capitalise(rule.name)} has a hidden character in it that cannot be saved. Type it again`;
  return null;
}

/** A number of hours: more than 0, at most `max`. */
export function hoursProblem(hours: number, max: number, missing: string): string | null {
  if (!Number.isFinite(hours) || hours <= 0) return missing;
  if (hours > max) return `Hours must be ${max.toLocaleString('en-GB')} or fewer`;
  return null;
}
