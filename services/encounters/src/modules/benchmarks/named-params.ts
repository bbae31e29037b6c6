/**
 * A statement written with named parameters (`:asOf`), compiled once to PostgreSQL's numbered ones
 * (`$1`), so that every statement reads with names and a number never means one thing in one
 * statement and another in the next. Casts (`::int`) are left alone, as is anything after a letter
 * or digit (`'HH24:MI'`). Only the names a statement uses are bound, each once however often it appears.
 */
export class NamedStatement {
  /** The SQL with `$1`, `$2`, … in place of the names. */
  readonly text: string;
  /** The name behind each number: `names[0]` is `$1`. */
  readonly names: readonly string[];

  constructor(readonly named: string) {
    const names: string[] = [];
    this.text = named.replace(NAMED_PARAMETER, (_, name: string) => {
      const at = names.indexOf(name);
      return `$${at >= 0 ? at + 1 : names.push(name)}`;
    });
    this.names = names;
  }

  /** The values in the order of the numbers. A name without a value is a mistake in the code, never a NULL. */
  values(given: Readonly<Record<string, unknown>>): unknown[] {
    return this.names.map((name) => {
      if (!Object.hasOwn(given, name) || given[name] === undefined) throw new Error(`No value for the SQL parameter :${name}`);
      return given[name];
    });
  }
}

const NAMED_PARAMETER = /(?<![:\w]):([A-Za-z_]\w*)/g;
