import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, getNamedType, isCompositeType, isNonNullType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import {
  API_FIELD_ALSO_OPENED_BY,
  API_FIELD_SCOPES,
  API_SCOPES,
  CREDENTIAL_HEADER,
  CredentialSigner,
  SYSTEM_PRINCIPAL,
  type ApiScope,
  type Principal,
  type RootOperation,
} from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { developmentKeys, SERVICES, type ServiceName } from '@waymark/stack';
import { createGateway } from '../src/app.js';
import { loadEnv } from '../src/env.js';
import { base32Decode, totp } from '@waymark/identity';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * The attacks found against the gateway, each replayed against the real gateway and subgraphs.
 */
const data = demoData();
const [northfield] = data.schools;
const supergraph = buildSchema(readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'));
let analyst: GatewayClient;

// The gateway's default session cache stays on: a revoked key must stop working despite it.
const stack = useTestStack({ name: 'sec', shared: true });

beforeAll(async () => {
  analyst = new GatewayClient(stack.url);
  expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
}, 300_000);

type Answer = Awaited<ReturnType<GatewayClient['query']>>;

async function apiKey(scopes: readonly string[]): Promise<{ id: string; bearer: Record<string, string> }> {
  const created = await analyst.query<{ createApiCredential: { secret: string; credential: { id: string } } }>(
    'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret credential { id } error { message } } }',
    { input: { name: `key ${scopes.join(' ')}`, scopes } },
  );
  const { secret, credential } = created.data!.createApiCredential;
  return { id: credential.id, bearer: { authorization: `Bearer ${secret}` } };
}

function asKey(bearer: Record<string, string>) {
  const client = new GatewayClient(stack.url);
  return (query: string, variables?: Record<string, unknown>) => client.query(query, variables, bearer);
}

interface RootField {
  operation: RootOperation;
  field: GraphQLField<unknown, unknown>;
  subgraph: ServiceName;
  accessible: boolean;
}

/** Every root field of the supergraph, with the subgraph that answers it and whether clients can reach it. */
function rootFields(): RootField[] {
  const roots: [RootOperation, GraphQLObjectType | null | undefined][] = [
    ['query', supergraph.getQueryType()],
    ['mutation', supergraph.getMutationType()],
    ['subscription', supergraph.getSubscriptionType()],
  ];
  return roots.flatMap(([operation, type]) =>
    Object.values(type?.getFields() ?? {}).map((field) => {
      const directives = field.astNode?.directives ?? [];
      const join = directives.find((d) => d.name.value === 'join__field')?.arguments?.find((a) => a.name.value === 'graph')?.value;
      const subgraph = (join && 'value' in join ? String(join.value) : '').toLowerCase() as ServiceName;
      return { operation, field, subgraph, accessible: !directives.some((d) => d.name.value === 'inaccessible') };
    }),
  );
}

/** A valid operation selecting just this root field (its required arguments as variables, which are never sent). */
function operationFor({ operation, field }: RootField): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const definitions = required.length ? `(${required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const call = required.length ? `${field.name}(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : field.name;
  return `${operation} ${definitions} { ${call}${isCompositeType(getNamedType(field.type)) ? ' { __typename }' : ''} }`;
}

function expectForbidden(answer: Answer | { status: number; errors?: Answer['errors']; data?: unknown }, mentions: string, what: string): void {
  expect(answer.errors?.[0]?.extensions?.code, `${what}: ${JSON.stringify(answer)}`).toBe('FORBIDDEN');
  expect(answer.errors?.[0]?.message, what).toContain(mentions);
  expect(answer.data ?? null, what).toBeNull();
}

const catalogued = (f: RootField): ApiScope | undefined => (API_FIELD_SCOPES[f.operation] as Record<string, ApiScope>)[f.field.name];
/** The further scopes that open a subgraph-only field (`cohort` for the local authority return). */
const alsoOpenedBy = (f: RootField): readonly ApiScope[] => (API_FIELD_ALSO_OPENED_BY[f.operation] as Record<string, readonly ApiScope[]>)[f.field.name] ?? [];

describe('API key scopes at the gateway', () => {
  it('refuses a roster:write key the dashboards, destination figures and encounters, naming the scope it lacks', async () => {
    const roster = asKey((await apiKey(['roster:write'])).bearer);
    for (const query of [
      '{ trustDashboard { pupilCount } }',
      `{ schoolDashboard(schoolId: "${northfield.id}") { pupilCount } }`,
      '{ destinationSummary { kind count } }',
      '{ encounters { totalCount } }',
      // A fragment must not hide a root field.
      '{ ...Figures } fragment Figures on Query { trustDashboard { pupilCount } }',
    ]) {
      expectForbidden(await roster(query), 'reports:read', query);
    }
  });

  it('refuses every root field outside the catalogue to a key with every scope, and every catalogued one to a key lacking its scope', async () => {
    const without = new Map<ApiScope, ReturnType<typeof asKey>>();
    for (const scope of API_SCOPES) without.set(scope, asKey((await apiKey(API_SCOPES.filter((s) => s !== scope))).bearer));
    const reachable = rootFields().filter((f) => f.accessible);
    expect(reachable.length).toBeGreaterThan(30);
    // A key may send a burst of 120 before its allowance makes it wait (docs/security.md, "Limits per
    // key"), and there are more root fields than that: a fresh key with every scope for each 100.
    const everything: ReturnType<typeof asKey>[] = [];
    let sent = 0;
    for (const root of reachable) {
      const scope = catalogued(root);
      const query = operationFor(root);
      if (scope) {
        expectForbidden(await without.get(scope)!(query), scope, query);
        continue;
      }
      if (sent++ % 100 === 0) everything.push(asKey((await apiKey(API_SCOPES)).bearer));
      expectForbidden(await everything.at(-1)!(query), root.field.name, query);
    }
  });

  it('names only root fields that exist in the supergraph', () => {
    const fields = new Set(rootFields().map((f) => `${f.operation}.${f.field.name}`));
    for (const [operation, entries] of Object.entries(API_FIELD_SCOPES)) {
      for (const name of Object.keys(entries)) expect(fields, `${operation}.${name}`).toContain(`${operation}.${name}`);
    }
  });

  it('still answers a key the fields its scopes allow', async () => {
    const reports = asKey((await apiKey(['reports:read'])).bearer);
    const figures = await reports('{ schools { name } trustDashboard { pupilCount } destinationSummary { kind } encounters { totalCount } }');
    expect(figures.errors, JSON.stringify(figures.errors)).toBeUndefined();
    expect(figures.data?.schools).toHaveLength(2);
    // Destination figures ask the pupils subgraph for each summer's leavers with the key's own credential (packedLeaverCohorts).
    const destinations = await reports('{ destinationAnalytics { exact leavingYears rows { schoolId leavers { count suppressed } } } }');
    expect(destinations.errors, JSON.stringify(destinations.errors)).toBeUndefined();
    expect(destinations.data?.destinationAnalytics).toMatchObject({ exact: false });
    expect((destinations.data?.destinationAnalytics as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    const roster = asKey((await apiKey(['roster:write'])).bearer);
    const fields = await roster('{ rosterFields { key } }');
    expect(fields.errors).toBeUndefined();
    const preview = await roster('mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { totalRows } error { code } } }', {
      input: { schoolId: northfield.id, fullRoster: false, rows: [] },
    });
    expect(preview.errors, JSON.stringify(preview.errors)).toBeUndefined();
  });
});

describe("API key scopes in every subgraph (without the gateway's check)", () => {
  // The stack's own signing key: these calls reach the subgraphs as if the gateway had let them through.
  const signer = () => new CredentialSigner(developmentKeys(stack.dataDir).privateKeyPem);
  const keyPrincipal = (scopes: readonly string[]): Principal => ({
    kind: 'api',
    accountId: '00000000-0000-4000-8000-000000000001',
    displayName: 'integration',
    roles: ['trust_analyst'],
    trustId: data.trust.id,
    schoolId: null,
    pupilId: null,
    volunteerId: null,
    employerId: null,
    childPupilIds: [],
    pupilLevelAccess: false,
    scopes: [...scopes],
  });
  async function direct(subgraph: ServiceName, principal: Principal, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(stack.subgraphUrl(subgraph), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await signer().sign(principal) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: Answer['errors'] }) };
  }

  it("refuses each subgraph's uncatalogued root fields (subgraph-only ones too) to every scope, and catalogued ones without their scope", async () => {
    const all = rootFields();
    expect(new Set(all.map((f) => f.subgraph))).toEqual(new Set(SERVICES));
    for (const root of all) {
      const scope = catalogued(root);
      const query = operationFor(root);
      const answer = scope
        ? await direct(root.subgraph, keyPrincipal(API_SCOPES.filter((s) => s !== scope && !alsoOpenedBy(root).includes(s))), query)
        : await direct(root.subgraph, keyPrincipal(API_SCOPES), query);
      expectForbidden(answer, scope ?? root.field.name, `${root.subgraph}: ${query}`);
    }
    for (const subgraph of SERVICES) expectForbidden(await direct(subgraph, keyPrincipal(API_SCOPES), '{ _service { sdl } }'), '_service', subgraph);
  });

  it("lets the gateway's entity joins through for a key", async () => {
    const join = await direct('pupils', keyPrincipal(['reports:read']), 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on School { name } } }', {
      r: [{ __typename: 'School', id: northfield.id }],
    });
    expect(join.errors, JSON.stringify(join.errors)).toBeUndefined();
    expect(join.data).toEqual({ _entities: [{ name: 'Northfield Academy' }] });
  });
});

describe('revoking an API key', () => {
  it('refuses the very next request, though the key was used a moment before', async () => {
    const key = await apiKey(['reports:read']);
    const integration = asKey(key.bearer);
    expect((await integration('{ schools { name } }')).data?.schools).toHaveLength(2);
    const revoked = await analyst.query<{ revokeApiCredential: { error: unknown } }>(
      'mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }',
      { id: key.id },
    );
    expect(revoked.data?.revokeApiCredential.error).toBeNull();
    const next = await integration('{ schools { name } }');
    expect(next.status).toBe(401);
    expect(next.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("sign-in and sign-out only from Waymark's own pages", () => {
  const LEADER = JSON.stringify({ email: 'leader@northfield.test', password: 'waymark-demo' });
  const auth = (path: string, headers: Record<string, string>, body?: string) => fetch(`${stack.url}/auth/${path}`, { method: 'POST', headers, body });

  it('refuses a sign-in posted as a plain form from another site, and sets no cookie', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await auth('sign-in', { 'content-type': type, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, LEADER);
      expect(res.status, type).toBe(415);
      expect(res.headers.get('set-cookie'), type).toBeNull();
    }
    // Even from our own origin, only JSON is read.
    const plain = await auth('sign-in', { 'content-type': 'text/plain', origin: new URL(stack.url).origin }, LEADER);
    expect(plain.status).toBe(415);
    expect(plain.headers.get('set-cookie')).toBeNull();
  });

  it('refuses JSON from a foreign origin, a null origin or a cross-site fetch', async () => {
    const json = { 'content-type': 'application/json' };
    for (const headers of [
      { ...json, origin: 'https://evil.example' },
      { ...json, origin: 'null' },
      { ...json, origin: `${new URL(stack.url).origin}.evil.example` },
      { ...json, 'sec-fetch-site': 'cross-site' },
      { ...json, 'sec-fetch-site': 'same-site' },
      { ...json, origin: new URL(stack.url).origin, 'sec-fetch-site': 'cross-site' },
    ]) {
      const res = await auth('sign-in', headers, LEADER);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('signs in with JSON from its own origin, from a same-origin fetch, and from a client that is not a browser', async () => {
    const variants: Record<string, string>[] = [
      { origin: new URL(stack.url).origin },
      { 'sec-fetch-site': 'same-origin' },
      { origin: new URL(stack.url).origin, 'sec-fetch-site': 'same-origin' },
      {},
    ];
    for (const headers of variants) {
      const res = await auth('sign-in', { 'content-type': 'application/json; charset=utf-8', ...headers }, LEADER);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/^waymark_session=/);
    }
  });

  it('refuses a cross-site sign-out and keeps the session', async () => {
    const victim = new GatewayClient(stack.url);
    const signedIn = await victim.signIn('leader@northfield.test');
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const forged = [
      await auth('sign-out', { cookie, origin: 'https://evil.example' }),
      await auth('sign-out', { cookie, 'content-type': 'application/json', origin: 'https://evil.example' }),
      await auth('sign-out', { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
    ];
    expect(forged.map((res) => res.status)).toEqual([415, 403, 403]);
    expect((await victim.query('{ me { id } }')).status).toBe(200);
    const own = await auth('sign-out', { cookie, 'content-type': 'application/json', origin: new URL(stack.url).origin }, '{}');
    expect(own.status).toBe(204);
    expect((await victim.query('{ me { id } }')).status).toBe(401);
  });
});

describe('sign-in slowing through the gateway', () => {
  it("tells identity the client's address and browser, passes its wait on as 429 with Retry-After, and keeps the browser's device cookie", async () => {
    // A stand-in for identity's sign-in route: the right password signs in, anything else is told to wait.
    const received: { address?: string; device?: string }[] = [];
    const identity = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as { password: string; address: string; device: string };
        received.push({ address: body.address, device: body.device });
        res.writeHead(body.password === 'right' ? 200 : 429, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            body.password === 'right'
              ? {
                  token: 'session-token',
                  expiresAt: new Date().toISOString(),
                  principal: { kind: 'user', accountId: 'a1', displayName: 'Priya Shah', roles: ['careers_leader'] },
                }
              : { error: 'Too many sign-in attempts. Wait 42 seconds and try again.', retryAfterSeconds: 42 },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    const env = loadEnv({
      NODE_ENV: 'production',
      PORT: '0',
      WAYMARK_CREDENTIAL_PRIVATE_KEY: developmentKeys(stack.dataDir).privateKeyPem,
      WAYMARK_IDENTITY_URL: `http://127.0.0.1:${(identity.address() as AddressInfo).port}/graphql`,
      WAYMARK_TRUSTED_PROXIES: '1',
    });
    const gateway = await createGateway({ env, supergraphSdl: readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'), log: () => {} });
    const base = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
    const signIn = (password: string, headers: Record<string, string> = {}) =>
      fetch(`${base}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: 'leader@northfield.test', password }),
      });
    try {
      const slowed = await signIn('wrong', { 'x-forwarded-for': '10.9.9.9, 203.0.113.9' });
      expect(slowed.status).toBe(429);
      expect(slowed.headers.get('retry-after')).toBe('42');
      expect(await slowed.text()).toBe('Too many sign-in attempts. Wait 42 seconds and try again.');
      expect(slowed.headers.get('set-cookie')).toBeNull();
      // One proxy of ours: the address it saw is the last entry; what the client wrote before it is not believed.
      expect(received[0].address).toBe('203.0.113.9');

      const signedIn = await signIn('right');
      expect(signedIn.status).toBe(200);
      const cookies = signedIn.headers.getSetCookie();
      const device = cookies.find((cookie) => cookie.startsWith('waymark_device='))!;
      expect(device).toMatch(/^waymark_device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=31536000; Secure$/);
      const deviceId = device.split(';')[0].split('=')[1];
      expect(received[1].device).toBe(deviceId);
      // The same browser signs in with the same device; a made-up device cookie is replaced.
      await signIn('right', { cookie: `waymark_device=${deviceId}` });
      expect(received[2].device).toBe(deviceId);
      await signIn('right', { cookie: 'waymark_device=guessed' });
      expect(received[3].device).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(received[3].device).not.toBe(deviceId);
    } finally {
      await gateway.close();
      identity.close();
    }
  });
});

describe('request bodies over the limit', () => {
  // 17 MB: over the 16 MB a roster file may take. A JSON string, so only its size is wrong.
  const huge = JSON.stringify({ query: '{ schools { name } }', variables: { padding: 'x'.repeat(17 * 1024 * 1024) } });
  const expectTooLarge = async (response: Response, what: string) => {
    expect(response.status, what).toBe(413);
    expect(response.headers.get('content-type'), what).toMatch(/application\/json/);
    expect(response.headers.get('connection'), what).toBe('close');
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code, what).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message, what).toMatch(/16 MB/);
  };

  it('answers 413 with a JSON error at the gateway, for GraphQL and for sign-in, instead of resetting the connection', async () => {
    await expectTooLarge(
      await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: analyst.cookieHeader }, body: huge }),
      'graphql',
    );
    await expectTooLarge(await fetch(`${stack.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge }), 'sign-in');
    // And keeps answering.
    expect((await analyst.query('{ schools { name } }')).status).toBe(200);
  });

  it('refuses an over-long value at the gateway before any subgraph sees it, and over-long query text', async () => {
    const notes = await analyst.query('mutation ($input: RecordGuidanceMeetingInput!) { recordGuidanceMeeting(input: $input) { error { code } } }', {
      input: { pupilId: data.pupils[0].id, adviserName: 'A. Adviser', notes: 'n'.repeat(30_000) },
    });
    expect(notes.status).toBe(400);
    expect(notes.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notes.errors?.[0].message).toBe('The value of $input.notes is too long: it can hold at most 20,000 characters.');
    const literal = await analyst.query(`{ schools { name } pupils(search: "${'s'.repeat(70_000)}") { totalCount } }`);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers 413 with a JSON error in every subgraph', async () => {
    const leader: Principal = {
      ...SYSTEM_PRINCIPAL,
      kind: 'user',
      accountId: data.accounts[0].id,
      roles: ['careers_leader'],
      schoolId: northfield.id,
      trustId: data.trust.id,
    };
    const credential = await new CredentialSigner(developmentKeys(stack.dataDir).privateKeyPem).sign(leader);
    for (const subgraph of SERVICES) {
      const response = await fetch(stack.subgraphUrl(subgraph), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: credential },
        body: huge,
      });
      await expectTooLarge(response, subgraph);
    }
  });
});

describe('secure by default', () => {
  const supergraphSdl = () => readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8');
  const bare = (extra: Record<string, string> = {}) =>
    loadEnv({
      PORT: '0',
      WAYMARK_CREDENTIAL_PRIVATE_KEY: developmentKeys(stack.dataDir).privateKeyPem,
      ...Object.fromEntries(SERVICES.map((name) => [`WAYMARK_${name.toUpperCase()}_URL`, stack.subgraphUrl(name)])),
      ...extra,
    });

  it('gives a gateway started without any settings no introspection, no suggestions and Secure cookies', async () => {
    const gateway = await createGateway({ env: bare(), supergraphSdl: supergraphSdl(), log: () => {} });
    try {
      const client = new GatewayClient(`http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`);
      const signedIn = await client.signIn('leader@northfield.test');
      expect(signedIn.status).toBe(200);
      for (const cookie of signedIn.headers.getSetCookie()) expect(cookie).toMatch(/; Secure$/);
      const introspection = await client.query('{ __schema { types { name } } }');
      expect(introspection.errors?.[0].message).toMatch(/introspection/i);
      const typo = await client.query('{ schoolz { name } }');
      expect(typo.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    } finally {
      await gateway.close();
    }
  });

  it('turns introspection, suggestions and plain cookies on only for WAYMARK_DEV_MODE=1', async () => {
    const gateway = await createGateway({ env: bare({ WAYMARK_DEV_MODE: '1' }), supergraphSdl: supergraphSdl(), log: () => {} });
    try {
      const client = new GatewayClient(`http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`);
      const signedIn = await client.signIn('leader@northfield.test');
      for (const cookie of signedIn.headers.getSetCookie()) expect(cookie).not.toMatch(/Secure/);
      const introspection = await client.query<{ __schema: { types: unknown[] } }>('{ __schema { types { name } } }');
      expect(introspection.data?.__schema.types.length).toBeGreaterThan(10);
      expect(JSON.stringify((await client.query('{ schoolz { name } }')).errors)).toMatch(/Did you mean/);
    } finally {
      await gateway.close();
    }
  });

  it('will not start in production without its signing key, and says what is missing', () => {
    const started = spawnSync(process.execPath, [fileURLToPath(new URL('../dist/main.js', import.meta.url))], {
      env: { PATH: process.env.PATH ?? '', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('Invalid gateway configuration');
    expect(started.stderr).toContain('WAYMARK_CREDENTIAL_PRIVATE_KEY is missing');
    expect(started.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a second factor and signed-in devices, through the gateway', () => {
  const codeNow = (secret: string) => totp(base32Decode(secret)!, new Date());
  const authPost = (client: GatewayClient, path: string, body: unknown) =>
    fetch(`${stack.url}/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookieHeader },
      body: JSON.stringify(body),
    });

  it('asks a member of staff who set up an app for a code after the password, and opens the session only then', async () => {
    const email = 'leader@southbank.test';
    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn(email)).status).toBe(200);
    const started = await leader.query<{ startSecondFactorEnrolment: { secret: string } }>('mutation { startSecondFactorEnrolment { secret error { code } } }');
    const secret = started.data!.startSecondFactorEnrolment.secret;
    const confirmed = await leader.query<{ confirmSecondFactor: { recoveryCodes: string[] } }>(
      'mutation ($code: String!) { confirmSecondFactor(input: { code: $code }) { recoveryCodes error { code } } }',
      { code: codeNow(secret) },
    );
    const recoveryCodes = confirmed.data!.confirmSecondFactor.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);

    const browser = new GatewayClient(stack.url);
    const first = await browser.signIn(email);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ secondFactor: 'code' });
    const cookies = first.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^waymark_pending=[^;]+; Path=\/auth; HttpOnly; SameSite=Strict; Max-Age=300; Secure$/);
    expect((await browser.query('{ me { id } }')).status).toBe(401);

    const wrong = await authPost(browser, 'second-factor', { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toMatch(/That code is not right/);
    const done = await authPost(browser, 'second-factor', { code: recoveryCodes[0] });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { account: { displayName: string } }).account.displayName).toBe('Tom Hughes');
    const session = done.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('waymark_session='))!
      .split(';')[0];
    const me = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await me.json()) as { data: { me: { email: string } } }).data.me.email).toBe(email);
    // Another site cannot finish someone's sign-in.
    expect(
      (
        await fetch(`${stack.url}/auth/second-factor`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
          body: '{"code":"123456"}',
        })
      ).status,
    ).toBe(403);

    const off = await leader.query<{ turnOffSecondFactor: { error: unknown } }>(
      'mutation { turnOffSecondFactor(input: { password: "waymark-demo" }) { error { code } } }',
    );
    expect(off.data!.turnOffSecondFactor.error).toBeNull();
  });

  it("lists a person's signed-in devices, signs one out, and signs every other one out when the password changes", async () => {
    const email = 'pupil@northfield.test';
    const here = new GatewayClient(stack.url);
    const other = new GatewayClient(stack.url);
    const third = new GatewayClient(stack.url);
    for (const client of [here, other, third]) expect((await client.signIn(email)).status).toBe(200);
    const devices = await here.query<{ signedInDevices: { id: string; current: boolean }[] }>('{ signedInDevices { id current } }');
    expect(devices.data!.signedInDevices.length).toBeGreaterThanOrEqual(3);
    expect(devices.data!.signedInDevices.filter((d) => d.current)).toHaveLength(1);

    // `other` has not been used since it signed in, so no gateway holds its session: the sign-out shows at once.
    const otherId = devices.data!.signedInDevices.find((d) => !d.current)!.id;
    const ended = await here.query<{ endSignedInDevice: { id: string } }>(
      'mutation ($id: ID!) { endSignedInDevice(input: { id: $id }) { id error { code } } }',
      { id: otherId },
    );
    expect(ended.data!.endSignedInDevice.id).toBe(otherId);
    const stillIn = (await Promise.all([other, third].map(async (client) => (await client.query('{ me { id } }')).status))).filter(
      (status) => status === 200,
    ).length;
    expect(stillIn).toBe(1);

    const changed = await here.query<{ changePassword: { signedOutDevices: number; error: unknown } }>(
      'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { signedOutDevices error { code } } }',
      { input: { currentPassword: 'waymark-demo', newPassword: 'a different long password' } },
    );
    expect(changed.data!.changePassword.error).toBeNull();
    expect(changed.data!.changePassword.signedOutDevices).toBeGreaterThanOrEqual(1);
    const late = new GatewayClient(stack.url);
    expect((await late.signIn(email)).status).toBe(401);
    expect((await late.signIn(email, 'a different long password')).status).toBe(200);
    expect((await here.query('{ me { id } }')).status).toBe(200);
  });
});
