import { describe, expect, it } from 'vitest';
import { NamedStatement } from './named-params.js';

describe('NamedStatement', () => {
  it('numbers each name once, in order of first use, and leaves casts and clock times alone', () => {
    const statement = new NamedStatement("select :b::int, to_char(now(), 'HH24:MI'), :a, :b from t where x = any(:a::uuid[])");
    expect(statement.text).toBe("select $1::int, to_char(now(), 'HH24:MI'), $2, $1 from t where x = any($2::uuid[])");
    expect(statement.names).toEqual(['b', 'a']);
    expect(statement.values({ a: '{1}', b: 7, unused: 'left out' })).toEqual([7, '{1}']);
  });

  it('refuses to run with a value missing (a typo would otherwise bind nothing or the wrong thing)', () => {
    const statement = new NamedStatement('select :limit');
    expect(() => statement.values({ limt: 5 })).toThrow(':limit');
    expect(() => statement.values({ limit: undefined })).toThrow(':limit');
    expect(statement.values({ limit: null })).toEqual([null]);
  });
});
