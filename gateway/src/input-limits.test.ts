import { describe, expect, it } from 'vitest';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { MAX_LIST_ITEMS, MAX_STRING_CHARS, oversizedInput } from './input-limits.js';

const schema = buildSchema(`
  scalar Json
  input Note { text: String!, tags: [String!], file: String, extra: Json }
  type Query { ok: Int }
  type Mutation { save(note: Note!, names: [String!], id: ID, extra: Json): Int }
`);
const operation = parse('mutation ($note: Note!, $names: [String!], $id: ID, $extra: Json) { save(note: $note, names: $names, id: $id, extra: $extra) }')
  .definitions[0] as OperationDefinitionNode;
const large = { 'Note.file': 100_000 };
const check = (variables: Record<string, unknown>) => oversizedInput(schema, operation, variables, large);
const long = (n: number) => 'x'.repeat(n);

describe('oversizedInput', () => {
  it('passes values within the limits, and a named file field up to its own', () => {
    expect(check({ note: { text: long(MAX_STRING_CHARS), tags: ['a'], file: long(100_000) }, names: Array(MAX_LIST_ITEMS).fill('n'), id: 'x' })).toBeNull();
  });

  it('names the value that is too long, wherever it sits', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ note: { text: long(MAX_STRING_CHARS + 1) } }, '$note.text'],
      [{ note: { text: 'a', tags: ['ok', long(MAX_STRING_CHARS + 1)] } }, '$note.tags[1]'],
      [{ note: { text: 'a', file: long(100_001) } }, '$note.file'],
      [{ note: { text: 'a' }, id: long(MAX_STRING_CHARS + 1) }, '$id'],
      // A single value where a list is expected, and a list that is too long.
      [{ note: { text: 'a' }, names: long(MAX_STRING_CHARS + 1) }, '$names'],
      [{ note: { text: 'a' }, names: Array(MAX_LIST_ITEMS + 1).fill('n') }, '$names'],
      // Custom scalars may nest anything.
      [{ note: { text: 'a', extra: { deep: [{ s: long(MAX_STRING_CHARS + 1) }] } } }, '$note.extra.deep.0.s'],
      [{ note: { text: 'a' }, extra: Array(MAX_LIST_ITEMS + 1).fill(1) }, '$extra'],
    ];
    for (const [variables, path] of cases) expect(check(variables), path).toContain(`The value of ${path} is too long`);
  });
});
