import { describe, expect, it } from 'vitest';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { destinationsService } from '@waymark/destinations';
import { employersService } from '@waymark/employers';
import { encountersService } from '@waymark/encounters';
import { identityService } from '@waymark/identity';
import { boundSql, openDatabase, withSystemAccess, type ServiceDefinition } from '@waymark/subgraph-kit';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A volunteer deletes their own account through the real gateway and every subgraph
 * (docs/domain-rules.md, "A volunteer deletes their account"). Attacks first: a careers leader
 * cannot delete an account this way, another volunteer cannot delete Sam's (naming Sam in the
 * request changes nothing: only the signed-in account is ever asked about, with its own password),
 * and a cross-site form is refused. Then Sam deletes theirs: the cookie is cleared, the old session
 * no longer works, Sam cannot sign in, and (on PostgreSQL, where the test reads each subgraph's
 * database) no row of identity, employers, encounters or destinations holds Sam's name or email,
 * while the encounters Sam delivered are still there for the school.
 */
const stack = useTestStack({ name: 'volunteer_erasure' });
const data = demoData();
const sam = data.volunteers.find((v) => v.email === 'employer@acme.test') ?? data.volunteers[0];
const SAM = { email: 'employer@acme.test', name: 'Sam Patel' };

const deleteAccount = (client: GatewayClient, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/auth/delete-account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: client.cookieHeader, ...headers },
    body: JSON.stringify(body),
  });
const signedInAs = async (email: string) => {
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(email, DEMO_PASSWORD)).status).toBe(200);
  return client;
};
const ME = '{ me { id displayName } }';

/** Every text, name or JSON column of every table in one subgraph's database that mentions `needle`, as "table.column". */
async function mentions(definition: ServiceDefinition, needles: string[]): Promise<string[]> {
  const orm = await openDatabase({
    service: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    databaseUrl: process.env.DATABASE_URL,
    databasePrefix: stack.databasePrefix!,
    migrate: false,
  });
  try {
    return await withSystemAccess(orm, 'test: looking for a deleted volunteer anywhere', async (em) => {
      const columns = (
        await boundSql<{ table_name: string; column_name: string }>(
          em,
          `select table_name, column_name from information_schema.columns c where table_schema = 'public'
             and data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
             and exists (select 1 from information_schema.tables t where t.table_name = c.table_name and t.table_schema = 'public' and t.table_type = 'BASE TABLE')
           order by 1, 2`,
          [],
        )
      ).rows;
      const found: string[] = [];
      for (const { table_name, column_name } of columns) {
        const { rows } = await boundSql<{ n: string }>(em, `select count(*) as n from "${table_name}" where "${column_name}"::text ilike any($1::text[])`, [
          `{${needles.map((needle) => `"%${needle}%"`).join(',')}}`,
        ]);
        if (Number(rows[0].n) > 0) found.push(`${definition.name}.${table_name}.${column_name}`);
      }
      return found;
    });
  } finally {
    await orm.close(true);
  }
}

describe('a volunteer deleting their account', () => {
  it('is refused to a careers leader, whose session goes on working', async () => {
    const leader = await signedInAs('leader@northfield.test');
    const res = await deleteAccount(leader, { password: DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/Only a volunteer/);
    expect((await leader.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe('Priya Shah');
  });

  it("never deletes another volunteer's account: naming Sam with Sam's password from Jordan's session deletes nobody", async () => {
    const jordan = await signedInAs('alumni@northfield.test');
    const res = await deleteAccount(jordan, { password: 'not jordans password', email: SAM.email, volunteerId: sam.id, accountId: sam.id });
    expect(res.status).toBe(401);
    // Sam's own password from Jordan's session is Jordan's wrong password, not a key to Sam's account.
    expect((await deleteAccount(jordan, { password: `${DEMO_PASSWORD}x`, email: SAM.email })).status).toBe(401);
    expect((await jordan.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe('Jordan Reid');
    const samClient = await signedInAs(SAM.email);
    expect((await samClient.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe(SAM.name);
  });

  it('refuses a cross-site form and a request with no session', async () => {
    const samClient = await signedInAs(SAM.email);
    expect((await deleteAccount(samClient, { password: DEMO_PASSWORD }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await deleteAccount(new GatewayClient(stack.url), { password: DEMO_PASSWORD })).status).toBe(401);
    expect((await samClient.query<{ me: { displayName: string } }>(ME)).data?.me.displayName).toBe(SAM.name);
  });

  it('deletes Sam: signed out, cannot sign in, and no subgraph holds their name or email; a second request is refused', async () => {
    const needles = [SAM.name, SAM.email, `${sam.firstName} ${sam.lastName}`];
    const definitions = [identityService, employersService, encountersService, destinationsService];
    if (stack.databasePrefix) {
      // The search finds Sam before: in identity's accounts and the employers subgraph's volunteers.
      const before: string[] = [];
      for (const definition of definitions) before.push(...(await mentions(definition, needles)));
      expect(before).toEqual(expect.arrayContaining(['identity.account.email', 'identity.account.display_name', 'employers.volunteer.email']));
    }
    const samClient = await signedInAs(SAM.email);
    const other = await signedInAs(SAM.email);
    const res = await deleteAccount(samClient, { password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join()).toMatch(/waymark_session=;.*Max-Age=0/);
    // Both of Sam's sessions have ended (the other browser's too), and the password no longer signs in.
    expect((await samClient.query<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();
    expect((await other.query<{ me: unknown }>(ME)).data?.me ?? null).toBeNull();
    expect((await new GatewayClient(stack.url).signIn(SAM.email, DEMO_PASSWORD)).status).toBe(401);
    expect((await deleteAccount(samClient, { password: DEMO_PASSWORD })).status).toBe(401);

    // The school still sees what Sam delivered, by a "Former volunteer".
    const leader = await signedInAs('leader@northfield.test');
    const encounters = await leader.query<{ encounters: { edges: { node: { volunteers: { id: string; firstName: string; lastName: string }[] } }[] } }>(
      '{ encounters(first: 100) { edges { node { volunteers { id firstName lastName } } } } }',
    );
    expect(encounters.errors).toBeUndefined();
    const delivered = (encounters.data?.encounters.edges ?? []).flatMap((e) => e.node.volunteers).filter((v) => v.id === sam.id);
    expect(delivered.length).toBeGreaterThan(0);
    for (const volunteer of delivered) expect(volunteer).toMatchObject({ firstName: 'Former', lastName: 'volunteer' });

    if (stack.databasePrefix) {
      const found: string[] = [];
      for (const definition of definitions) found.push(...(await mentions(definition, needles)));
      expect(found).toEqual([]);
    }
  });
});
