import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { developmentKeys, SERVICES } from '@waymark/stack';
import { createGateway } from '../src/app.js';
import { loadEnv } from '../src/env.js';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

const data = demoData();
const [northfield, southbank] = data.schools;

const stack = useTestStack({ name: 'gw' });

async function as(email: string): Promise<GatewayClient> {
  const client = new GatewayClient(stack.url);
  const response = await client.signIn(email);
  expect(response.status).toBe(200);
  return client;
}

describe('sign-in and sessions', () => {
  it('sets an httpOnly SameSite session cookie and answers 401 in plain text for a wrong password', async () => {
    const good = await fetch(`${stack.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leader@northfield.test', password: 'waymark-demo' }),
    });
    expect(good.status).toBe(200);
    const cookie = good.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^waymark_session=[^;]+/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const bad = await fetch(`${stack.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leader@northfield.test', password: 'wrong' }),
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await bad.text()).toMatch(/not right/i);
  });

  it('refuses GraphQL without a session and after sign-out', async () => {
    const anonymous = await new GatewayClient(stack.url).query('{ me { id } }');
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const client = await as('pupil@northfield.test');
    expect((await client.query<{ me: { displayName: string } }>('{ me { displayName } }')).data?.me.displayName).toBe('Maya Okafor');
    expect((await client.signOut()).status).toBe(204);
    const after = await client.query('{ me { id } }');
    expect(after.status).toBe(401);
  });
});

describe('trust API credentials', () => {
  it("lets an integration read the trust's figures with a Bearer key until the key is revoked", async () => {
    const analyst = await as('trust@waymark-trust.test');
    const created = await analyst.query<{ createApiCredential: { secret: string | null; credential: { id: string } | null; error: unknown } }>(
      'mutation { createApiCredential(input: { name: "MIS sync", scopes: ["reports:read"] }) { secret credential { id } error { code message } } }',
    );
    const { secret, credential } = created.data!.createApiCredential;
    expect(secret).toMatch(/^wm_/);
    const integration = new GatewayClient(stack.url);
    const bearer = { authorization: `Bearer ${secret}` };
    const schools = await integration.query<{ schools: { name: string; pupilCount: number }[] }>('{ schools { name pupilCount } }', {}, bearer);
    expect(schools.data!.schools.map((s) => s.name).sort()).toEqual(['Northfield Academy', 'Southbank School']);
    // Pupil-level fields are outside the scope catalogue: no key reaches them.
    const pupils = await integration.query('{ pupils { totalCount } }', {}, bearer);
    expect(pupils.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await analyst.query('mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }', { id: credential!.id });
    // API keys are looked up on every request, so the revocation shows at once.
    const refused = await integration.query('{ schools { name } }', {}, bearer);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('one query across all four domain subgraphs', () => {
  it('joins pupils, encounters, employers and destinations for a careers leader', async () => {
    const client = await as('leader@northfield.test');
    const res = await client.query<{
      pupils: {
        edges: {
          node: {
            id: string;
            displayName: string;
            school: { name: string };
            participations: { attended: boolean; encounter: { title: string; employers: { name: string }[] } }[];
            destinations: { stage: string; kind: string }[];
          };
        }[];
      };
    }>(`{
      pupils(first: 200, yearGroup: 11) { edges { node {
        id displayName school { name }
        participations { attended encounter { title employers { name } } }
        destinations { stage kind }
      } } }
    }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.pupils.edges.map((e) => e.node);
    const expected = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup === 11);
    expect(nodes.map((n) => n.id).sort()).toEqual(expected.map((p) => p.id).sort());
    for (const node of nodes) {
      expect(node.school.name).toBe('Northfield Academy');
      const participations = data.participations.filter((p) => p.pupilId === node.id);
      expect(node.participations).toHaveLength(participations.length);
      const destinations = data.destinations.filter((d) => d.pupilId === node.id);
      expect(node.destinations.map((d) => d.kind).sort()).toEqual(destinations.map((d) => d.kind).sort());
    }
    const fair = nodes.flatMap((n) => n.participations).find((p) => p.encounter.title === 'Spring careers fair');
    expect(fair?.encounter.employers.map((e) => e.name)).toContain('Acme Engineering');
  });
});

describe('cross-school isolation', () => {
  it("gives the second school's leader nothing of the first school's pupils through any query", async () => {
    const client = await as('leader@southbank.test');
    const northPupils = data.pupils.filter((p) => p.schoolId === northfield.id);
    const list = await client.query<{ pupils: { totalCount: number; edges: { node: { id: string } }[] } }>(
      '{ pupils(first: 200, includeLeavers: true) { totalCount edges { node { id } } } }',
    );
    expect(list.data!.pupils.totalCount).toBe(data.pupils.filter((p) => p.schoolId === southbank.id).length);
    const northIds = new Set(northPupils.map((p) => p.id));
    expect(list.data!.pupils.edges.some((e) => northIds.has(e.node.id))).toBe(false);
    const one = await client.query<{ pupil: unknown }>('query ($id: ID!) { pupil(id: $id) { id displayName flags { ehcp } } }', { id: northPupils[0].id });
    expect(one.data!.pupil).toBeNull();
    const encounters = await client.query<{
      encounters: { edges: { node: { school: { id: string }; participations: { pupil: { id: string } | null }[] } }[] };
    }>('{ encounters(first: 200) { edges { node { school { id } participations { pupil { id } } } } } }');
    for (const edge of encounters.data!.encounters.edges) {
      expect(edge.node.school.id).toBe(southbank.id);
      for (const participation of edge.node.participations) expect(northIds.has(participation.pupil?.id ?? '')).toBe(false);
    }
    const summary = await client.query('query ($id: ID) { destinationSummary(schoolId: $id) { kind count } }', { id: northfield.id });
    expect(summary.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const schools = await client.query<{ schools: { id: string; pupilCount: number }[] }>('{ schools { id pupilCount } }');
    expect(schools.data!.schools.map((s) => s.id)).toEqual([southbank.id]);
  });

  it('keeps flags from pupils themselves and from employers', async () => {
    const pupil = await as('pupil@northfield.test');
    const own = await pupil.query<{ myPupilRecord: { flags: unknown } | null }>('{ myPupilRecord { displayName flags { ehcp } } }');
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(own.data?.myPupilRecord?.flags ?? null).toBeNull();
    const employer = await as('employer@acme.test');
    const res = await employer.query('{ pupils(first: 5) { edges { node { id } } } }');
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('subgraphs refuse callers other than the gateway', () => {
  it('answers 401 to a direct call without the credential, _service and _entities included', async () => {
    for (const name of SERVICES) {
      for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{ __typename: "Pupil", id: "x" }]) { __typename } }']) {
        const response = await fetch(stack.subgraphUrl(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        expect(response.status, `${name} ${query}`).toBe(401);
        expect(await response.text()).not.toMatch(/sdl|Pupil/);
      }
    }
  });
});

describe('a pupil moving school, across the supergraph', () => {
  const IMPORT =
    'mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { id toAdd toMarkLeft transfersIn rejected { line reason } } error { code message } } }';
  const csvOf = (pupils: typeof data.pupils) =>
    ['UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Tutor Group']
      .concat(pupils.map((p) => [p.upn, p.legalSurname, p.legalForename, p.dateOfBirth.split('-').reverse().join('/'), p.yearGroup, p.tutorGroup].join(',')))
      .join('\r\n');
  async function importRoster(client: GatewayClient, csv: string, fullRoster: boolean) {
    const preview = await client.query<{ previewRosterImport: { import: { id: string; toMarkLeft: number; transfersIn: number; rejected: unknown[] } } }>(
      IMPORT,
      {
        input: { fileBase64: Buffer.from(csv).toString('base64'), fullRoster },
      },
    );
    const report = preview.data!.previewRosterImport.import;
    expect(report.rejected).toEqual([]);
    await client.query('mutation ($id: ID!) { commitRosterImport(id: $id) { error { message } } }', { id: report.id });
    await expect
      .poll(
        async () =>
          (await client.query<{ rosterImport: { status: string } }>('query ($id: ID!) { rosterImport(id: $id) { status } }', { id: report.id })).data
            ?.rosterImport.status,
        { timeout: 30_000 },
      )
      .toBe('COMMITTED');
    return report;
  }
  const HISTORY = `query ($id: ID!) { pupil(id: $id) { id participations { encounter { title date school { id } } } } }`;

  it("takes the whole record to the new school, and ends the old school's view at the move", async () => {
    const mover = data.pupils.find((p) => p.schoolId === southbank.id && p.yearGroup === 10)!;
    const stayers = data.pupils.filter((p) => p.schoolId === southbank.id && !p.leftOn && p.id !== mover.id);
    const south = await as('leader@southbank.test');
    const north = await as('leader@northfield.test');

    // Southbank's next full roster no longer lists the pupil: marked as left, not deleted.
    expect((await importRoster(south, csvOf(stayers), true)).toMarkLeft).toBe(1);
    // Northfield's roster brings the same UPN in: a transfer, the same pupil.
    expect((await importRoster(north, csvOf([mover]), false)).transfersIn).toBe(1);

    const southRows = data.participations.filter((p) => p.pupilId === mover.id);
    expect(southRows.length).toBeGreaterThan(0);
    const seenByNorth = await north.query<{ pupil: { participations: { encounter: { school: { id: string } } }[] } }>(HISTORY, { id: mover.id });
    expect(seenByNorth.errors).toBeUndefined();
    expect(seenByNorth.data!.pupil.participations.filter((p) => p.encounter.school.id === southbank.id)).toHaveLength(southRows.length);

    // Northfield records an activity after the move; Southbank sees its own period only.
    const recorded = await north.query<{ createEncounter: { encounter: { id: string } | null; error: unknown } }>(
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code message } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: 'After the move',
          date: new Date().toISOString(),
          hours: 1,
          inSchoolDay: true,
          yearGroups: [10],
          register: [{ pupilId: mover.id, attended: true }],
        },
      },
    );
    expect(recorded.data!.createEncounter.error).toBeNull();
    const seenBySouth = await south.query<{ pupil: { participations: { encounter: { title: string; school: { id: string } } }[] } | null }>(HISTORY, {
      id: mover.id,
    });
    const southView = seenBySouth.data!.pupil!.participations;
    expect(southView.map((p) => p.encounter.title)).not.toContain('After the move');
    expect(southView.every((p) => p.encounter.school.id === southbank.id)).toBe(true);
    expect(southView).toHaveLength(southRows.length);
    const flags = await south.query('query ($id: ID!) { pupil(id: $id) { flags { ehcp } } }', { id: mover.id });
    expect(flags.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // The old school can no longer put the pupil on a register.
    const refused = await south.query<{ createEncounter: { encounter: unknown; error: { code: string } | null } }>(
      'mutation ($input: CreateEncounterInput!) { createEncounter(input: $input) { encounter { id } error { code } } }',
      {
        input: {
          kind: 'EMPLOYER_TALK',
          title: 'Too late',
          date: new Date().toISOString(),
          hours: 1,
          inSchoolDay: true,
          yearGroups: [10],
          register: [{ pupilId: mover.id, attended: true }],
        },
      },
    );
    expect(refused.data!.createEncounter.encounter).toBeNull();
    expect(refused.data!.createEncounter.error?.code).toBeTruthy();
  });
});

describe('limits and masking at the gateway', () => {
  it('rejects an over-deep query and hides introspection and suggestions in production', async () => {
    const client = await as('leader@northfield.test');
    const deep = await client.query(
      `{ encounters { edges { node { participations { encounter { participations { encounter { participations { encounter { participations { encounter { participations { encounter { id } } } } } } } } } } } } } }`,
    );
    expect(deep.errors?.length).toBeGreaterThan(0);
    expect(deep.data ?? null).toBeNull();
    const introspection = await client.query('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await client.query('{ pupilz { totalCount } }');
    expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    const aliases = await client.query(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: schools { id }`).join(' ')} }`);
    expect(aliases.errors?.length).toBeGreaterThan(0);
  });
});

describe('a subgraph that is down or hangs', () => {
  /** A gateway of the test's own whose `hanging` subgraph accepts connections and never answers. */
  async function withHangingSubgraph(hanging: (typeof SERVICES)[number], run: (url: string) => Promise<void>): Promise<void> {
    const sockets = new Set<Socket>();
    const blackhole: Server = createServer(() => {});
    blackhole.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const hangingUrl = `http://127.0.0.1:${(blackhole.address() as AddressInfo).port}/graphql`;
    const env = loadEnv({
      NODE_ENV: 'production',
      PORT: '0',
      WAYMARK_CREDENTIAL_PRIVATE_KEY: developmentKeys(stack.dataDir).privateKeyPem,
      WAYMARK_SUBGRAPH_TIMEOUT_MS: '1500',
      ...Object.fromEntries(SERVICES.map((name) => [`WAYMARK_${name.toUpperCase()}_URL`, name === hanging ? hangingUrl : stack.subgraphUrl(name)])),
    });
    const gateway = await createGateway({ env, supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'), log: () => {} });
    const port = await gateway.listen(0, '127.0.0.1');
    try {
      await run(`http://127.0.0.1:${port}`);
    } finally {
      await gateway.close();
      for (const socket of sockets) socket.destroy();
      blackhole.close();
    }
  }

  it('cuts a hanging subgraph off at the timeout with partial data and a masked error', async () => {
    await withHangingSubgraph('employers', async (url) => {
      const client = new GatewayClient(url);
      expect((await client.signIn('alumni@northfield.test')).status).toBe(200);
      const res = await client.query<{ me: { displayName: string }; myVolunteerProfile: unknown }>('{ me { displayName } myVolunteerProfile { displayName } }');
      expect(res.data?.me.displayName, JSON.stringify(res)).toBe('Jordan Reid');
      expect(res.data?.myVolunteerProfile).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|localhost|http:|ECONN|abort/i);
    });
  });

  it("keeps the other subgraphs' root fields when a hanging one's list and object root fields are asked for beside them", async () => {
    await withHangingSubgraph('encounters', async (url) => {
      const client = new GatewayClient(url);
      expect((await client.signIn('leader@northfield.test')).status).toBe(200);
      const res = await client.query<{
        schools: { name: string }[];
        employers: { name: string }[];
        encounters: unknown;
        activitiesToVerify: unknown;
        schoolDashboard: unknown;
      }>('{ schools { name } employers { name } encounters(first: 5) { totalCount } activitiesToVerify { id } schoolDashboard { pupilCount } }');
      expect(res.data?.schools, JSON.stringify(res)).toEqual([{ name: northfield.name }]);
      expect(res.data?.employers.length).toBeGreaterThan(0);
      expect(res.data?.encounters).toBeNull();
      expect(res.data?.activitiesToVerify).toBeNull();
      expect(res.data?.schoolDashboard).toBeNull();
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.errors?.every((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')).toBe(true);
    });
  });

  it('answers with partial data and a masked error when a subgraph is stopped', async () => {
    const client = await as('leader@northfield.test');
    await stack.stopService('pupils');
    const res = await client.query<{ encounters: { edges: { node: { title: string; school: unknown } }[] } }>(
      '{ encounters(first: 5) { edges { node { title school { name } } } } }',
    );
    expect(res.data!.encounters.edges.length).toBeGreaterThan(0);
    for (const edge of res.data!.encounters.edges) {
      expect(edge.node.title).toBeTruthy();
      expect(edge.node.school).toBeNull();
    }
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|localhost|http:|ECONNREFUSED|fetch failed/i);
  });
});
