import { readFileSync } from 'node:fs';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * Volunteers and alumni never read a pupil's contact details, date of birth, UPN or flags, and see
 * at most a pupil's first name and year group (docs/security.md, "Volunteers and alumni"). Rather
 * than trust a list of the queries someone remembered, this test walks the supergraph itself: every
 * query field a client can reach, and every field below it to a few levels, with each required
 * argument filled in (an id argument is tried with a pupil's, an encounter's, a school's and the
 * volunteer's own id). It asks all of it through the real gateway as the demo employer volunteer
 * and the demo alumnus, on the seeded demo data, and checks every answer:
 * - no pupil's UPN, date of birth, full name, or sign-in email (or a parent's) appears anywhere;
 * - any Pupil object holds nothing but its id, first name and year group.
 * The first two levels of the paths walked are kept in a snapshot file beside the test, so a new
 * field a volunteer can reach shows up in review. A careers leader walking the same way is caught
 * (they may read what volunteers may not), which shows the checks can fail.
 */
const data = demoData();
const [northfield] = data.schools;
const stack = useTestStack({ name: 'volunteer_privacy', shared: true });

const schema = apiSchema();
const MAX_DEPTH = 5;
const ALLOWED_ON_PUPIL = new Set(['__typename', 'id', 'firstName', 'yearGroup']);

/** The supergraph as clients see it: without @inaccessible types and fields. */
function apiSchema(): GraphQLSchema {
  return buildASTSchema(parse(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8')), { assumeValidSDL: true });
}
const inaccessible = (node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null } | undefined) =>
  node?.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;
const accessibleFields = (type: { getFields(): Record<string, GraphQLField<unknown, unknown>> }) =>
  Object.values(type.getFields()).filter((field) => !inaccessible(field) && !field.name.startsWith('_') && !inaccessible(getNamedType(field.type)));

/** A value for an input type, trying `id` wherever an ID goes. */
function valueFor(type: GraphQLInputType, id: string): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, id);
  if (isListType(type)) return [valueFor(type.ofType, id)];
  if (isEnumType(type)) return type.getValues()[0].value ?? type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (isNonNullType(field.type)) value[field.name] = valueFor(field.type, id);
    return value;
  }
  switch (type.name) {
    case 'ID':
      return id;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'String':
      return 'a';
    case 'Date':
    case 'LocalDate':
      return '2026-01-15';
    case 'DateTime':
    case 'DateTimeISO':
      return '2026-01-15T10:00:00.000Z';
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return id;
  }
}

interface Walk {
  variables: Record<string, unknown>;
  definitions: string[];
}

/** The selection of `type` to `depth` levels, adding each field's path to `paths`. */
function select(type: GraphQLOutputType, depth: number, path: string, walk: Walk, paths: Set<string>, id: string): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth === 0) return '{ __typename }';
  if (isUnionType(named) || isInterfaceType(named)) {
    const possible = schema.getPossibleTypes(named).filter((option) => !inaccessible(option));
    return `{ __typename ${possible.map((option) => `... on ${option.name} ${select(option, depth, `${path}<${option.name}>`, walk, paths, id)}`).join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const parts = ['__typename'];
  for (const field of accessibleFields(named)) {
    const args = argumentsFor(field.args, walk, id);
    const below = select(field.type, depth - 1, `${path}.${field.name}`, walk, paths, id);
    paths.add(`${path}.${field.name}`);
    parts.push(`${field.name}${args}${below}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** Required arguments as variables (optional ones are left to their defaults). */
function argumentsFor(args: readonly GraphQLArgument[], walk: Walk, id: string): string {
  const required = args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  if (required.length === 0) return '';
  return `(${required
    .map((arg) => {
      const name = `v${walk.definitions.length}`;
      walk.definitions.push(`$${name}: ${String(arg.type)}`);
      walk.variables[name] = valueFor(arg.type, id);
      return `${arg.name}: $${name}`;
    })
    .join(', ')})`;
}

/**
 * The queries that walk one root field with `id`: first the whole field; when that is refused as a
 * whole (the gateway's limits on tokens, depth and cost, or an argument value no query could take),
 * one query per field of its type, each one level shallower at a time until it is answered.
 */
function* queriesFor(
  root: GraphQLField<unknown, unknown>,
  id: string,
  paths: Set<string>,
): Generator<{ query: string; variables: Record<string, unknown> }, void, boolean> {
  const build = (depth: number, only?: string) => {
    const walk: Walk = { variables: {}, definitions: [] };
    const args = argumentsFor(root.args, walk, id);
    let below: string;
    const named = getNamedType(root.type);
    if (only && isObjectType(named)) {
      const field = accessibleFields(named).find((candidate) => candidate.name === only)!;
      below = `{ __typename ${field.name}${argumentsFor(field.args, walk, id)}${select(field.type, depth - 1, `${root.name}.${field.name}`, walk, paths, id)} }`;
    } else below = select(root.type, depth, root.name, walk, paths, id);
    const query = `query Walk${walk.definitions.length ? `(${walk.definitions.join(', ')})` : ''} { ${root.name}${args}${below} }`;
    return { query, variables: walk.variables };
  };
  // `yield` answers whether the gateway accepted it.
  if (yield build(MAX_DEPTH)) return;
  const named = getNamedType(root.type);
  const children = isObjectType(named) ? accessibleFields(named).map((field) => field.name) : [undefined];
  for (const child of children) for (let depth = MAX_DEPTH; depth >= 1; depth -= 1) if (yield build(depth, child)) break;
}

/** Strings that must never reach a volunteer: every pupil's UPN, birthday and full name, and pupils' and parents' sign-in emails. */
const forbidden = new Set<string>([
  ...data.pupils.flatMap((p) => [p.upn, p.dateOfBirth, `${p.legalForename} ${p.legalSurname}`, `${p.preferredName ?? p.legalForename} ${p.legalSurname}`]),
  ...data.accounts.filter((a) => a.roles.includes('pupil') || a.roles.includes('parent')).map((a) => a.email),
]);

/** Every problem in an answer: a forbidden string anywhere, or a Pupil holding more than it may. */
function problemsIn(value: unknown, at: string, found: string[]): void {
  if (typeof value === 'string') {
    for (const word of forbidden) if (value.includes(word)) found.push(`${at}: "${word}"`);
    return;
  }
  if (Array.isArray(value)) return value.forEach((item, i) => problemsIn(item, `${at}[${i}]`, found));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.__typename === 'Pupil')
      for (const [key, field] of Object.entries(record))
        if (!ALLOWED_ON_PUPIL.has(key) && field !== null && !(Array.isArray(field) && field.length === 0)) found.push(`${at}.${key} on a Pupil`);
    for (const [key, field] of Object.entries(record)) problemsIn(field, `${at}.${key}`, found);
  }
}

describe('what volunteers and alumni can reach in the supergraph', () => {
  const roots = accessibleFields(schema.getQueryType()!);
  const volunteerOf = (email: string) => data.volunteers.find((v) => v.email === email)!;
  const encounterOf = (volunteerId: string) => data.encounters.find((e) => e.volunteerIds.includes(volunteerId))?.id ?? data.encounters[0].id;
  const pupilOf = (volunteerId: string) => {
    const encounter = data.encounters.find((e) => e.volunteerIds.includes(volunteerId));
    const attended = data.participations.find((p) => p.encounterId === encounter?.id);
    return attended?.pupilId ?? data.pupils.find((p) => p.schoolId === northfield.id)!.id;
  };

  /** Walks `walked` root fields as `client`, trying each id where a root takes one. */
  async function walkAs(client: GatewayClient, ids: string[], walked = roots) {
    const paths = new Set<string>();
    const problems: string[] = [];
    const answered = new Set<string>();
    let pupilsSeen = 0;
    for (const root of walked) {
      const tries = root.args.some((arg) => String(arg.type).includes('ID')) ? ids : [ids[0]];
      for (const id of tries) {
        const walk = queriesFor(root, id, paths);
        let step = walk.next();
        while (!step.done) {
          const res = await client.query(step.value.query, step.value.variables);
          // Refused as a whole (a limit of the gateway's, or an argument the walk filled in that no
          // query could take): the same in smaller parts, each one level shallower at a time.
          const refused = res.data === undefined || res.data === null;
          if (!refused) {
            const answer = res.data?.[root.name];
            if (answer !== null && answer !== undefined && !(Array.isArray(answer) && answer.length === 0)) answered.add(root.name);
            pupilsSeen += JSON.stringify(res.data ?? null).split('"__typename":"Pupil"').length - 1;
            problemsIn(res.data, root.name, problems);
          }
          step = walk.next(!refused);
        }
      }
    }
    return { paths, problems, answered, pupilsSeen };
  }

  it.each([
    ['the employer volunteer', 'employer@acme.test', data.volunteers[0].email],
    ['the alumnus', 'alumni@northfield.test', data.volunteers[1].email],
  ])(
    '%s reads no pupil detail on any path',
    async (_who, signInEmail, volunteerEmail) => {
      const volunteer = volunteerOf(volunteerEmail);
      const client = new GatewayClient(stack.url);
      expect((await client.signIn(signInEmail)).status).toBe(200);
      const { paths, problems, answered } = await walkAs(client, [pupilOf(volunteer.id), encounterOf(volunteer.id), northfield.id, volunteer.id]);
      expect(problems).toEqual([]);
      // The walk did reach the volunteer's own things, so it read real answers, not only refusals.
      expect([...answered]).toEqual(expect.arrayContaining(['myVolunteerProfile', 'myEngagement']));
      const levels = [...paths].filter((path) => path.split('.').length <= 2).sort();
      expect(levels.length).toBeGreaterThan(roots.length);
      await expect(levels.join('\n') + '\n').toMatchFileSnapshot('__snapshots__/volunteer-privacy.paths.txt');
    },
    600_000,
  );

  it('finds what a careers leader may read and a volunteer may not, so the checks can fail', async () => {
    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    const pupilRoots = roots.filter((root) => root.name === 'pupil' || root.name === 'pupils');
    expect(pupilRoots.map((root) => root.name).sort()).toEqual(['pupil', 'pupils']);
    const pupil = data.pupils.find((p) => p.schoolId === northfield.id && p.yearGroup !== null)!;
    const { problems, pupilsSeen } = await walkAs(leader, [pupil.id], pupilRoots);
    expect(pupilsSeen).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.includes(pupil.upn))).toBe(true);
    expect(problems.some((problem) => /\.(upn|dateOfBirth|flags|vulnerableGroups)[^.]* on a Pupil$/.test(problem))).toBe(true);
  }, 600_000);
});
