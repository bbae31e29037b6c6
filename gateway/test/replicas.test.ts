import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphPort, subgraphUrlVariable } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { dropStackDatabases, freeStackPorts, SERVICES, startStack, type RunningStack, type ServiceName } from '@waymark/stack';
import { GatewayClient } from './client.js';
import { roundRobin, type RoundRobin } from './round-robin.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

/*
 * Stateless, proven (docs/architecture.md, "Replicas"): two replicas of every subgraph and of the
 * gateway, started together on one set of databases, each kind behind one round-robin address (as a
 * Kubernetes Service would put them). The gateways call the subgraphs, and the subgraphs each other,
 * through those addresses too, so no step can count on reaching the process that served the step
 * before it. On the machine's PostgreSQL when DATABASE_URL is set, else on a server of the test's own.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const data = demoData();
const [northfield] = data.schools;
const prefix = `waymark_replicas_${randomBytes(3).toString('hex')}_`;
const SESSION_CACHE_MS = 1_000;
/** Each API key's allowance here: 6 requests at once, then one a minute. */
const BURST = 6;

let postgres: ThrowawayPostgres | undefined;
let databaseUrl: string;
let work: string;
const replicas: RunningStack[] = [];
const subgraphAddresses = new Map<ServiceName, RoundRobin>();
let front: RoundRobin;
let replicaUrls: string[];

beforeAll(async () => {
  databaseUrl = process.env.DATABASE_URL || (postgres = await startThrowawayPostgres()).url;
  // One folder for both: the same signing keys and secrets key, as replicas share them from a secret.
  work = mkdtempSync(join(tmpdir(), 'waymark-replicas-'));
  const ports = [await freeStackPorts(), await freeStackPorts()];
  if (ports[0].port === ports[1].port) ports[1] = await freeStackPorts();
  for (const name of SERVICES) {
    subgraphAddresses.set(name, await roundRobin(ports.map((p) => `http://127.0.0.1:${subgraphPort(name, p.subgraphBasePort)}`)));
  }
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    WAYMARK_SESSION_CACHE_MS: String(SESSION_CACHE_MS),
    WAYMARK_API_KEY_BURST: String(BURST),
    WAYMARK_API_KEY_RATE_PER_MINUTE: '1',
    ...Object.fromEntries(SERVICES.map((name) => [subgraphUrlVariable(name), `${subgraphAddresses.get(name)!.url}/graphql`])),
  };
  // Started together: both migrate the same databases at once (one waits for the other's lock);
  // the first also seeds the demo data, as a deployment's one-off job would.
  replicas.push(
    ...(await Promise.all(
      ports.map((p, i) => startStack({ root, ...p, dataDir: work, databaseUrl, databasePrefix: prefix, seedDemo: i === 0, env, log: () => {} })),
    )),
  );
  replicaUrls = replicas.map((r) => r.url);
  front = await roundRobin(replicaUrls);
}, 420_000);

afterAll(async () => {
  await front?.close();
  await Promise.all(replicas.map((r) => r.stop()));
  for (const address of subgraphAddresses.values()) await address.close();
  if (process.env.DATABASE_URL) await dropStackDatabases(databaseUrl, prefix);
  postgres?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A client of one replica's gateway, holding the cookies of `like` (a browser whose next request lands elsewhere). */
function on(replica: number, like?: GatewayClient): GatewayClient {
  return new GatewayClient(replicaUrls[replica], like?.cookieHeader);
}

const ME = '{ me { displayName roles } }';

describe('two replicas of everything behind one address', () => {
  it('keeps a sign-in on every replica, and every replica of every subgraph serves', async () => {
    const leader = new GatewayClient(front.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    for (let i = 0; i < 6; i += 1) {
      const answer = await leader.query<{ me: { roles: string[] } }>(ME);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.me.roles).toContain('careers_leader');
    }
    expect(front.hits.every((n) => n >= 3)).toBe(true);
    // The dashboard reads the same whichever gateway (and whichever subgraph replicas) answer it.
    const DASHBOARD = '{ schoolDashboard { cells { measure yearGroup eligible met } } }';
    const answers = await Promise.all([0, 1].map((r) => on(r, leader).query(DASHBOARD)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(answers[1].data).toEqual(answers[0].data);
    for (const name of SERVICES)
      expect(
        subgraphAddresses.get(name)!.hits.every((n) => n > 0),
        `${name} replicas both served`,
      ).toBe(true);
  });

  it('previews a roster import on one replica and commits it on the other', async () => {
    const leader = new GatewayClient(front.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    const pupil = data.pupils.find((p) => p.schoolId === northfield.id && !p.leftOn && p.yearGroup === 9)!;
    const csv = [
      'UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Tutor Group',
      [pupil.upn, pupil.legalSurname, pupil.legalForename, pupil.dateOfBirth.split('-').reverse().join('/'), pupil.yearGroup, '9ZZ'].join(','),
    ].join('\r\n');
    const preview = await on(0, leader).query<{ previewRosterImport: { import: { id: string; toChange: number } | null; error: unknown } }>(
      'mutation ($input: RosterImportInput!) { previewRosterImport(input: $input) { import { id toChange } error { code message } } }',
      { input: { fileBase64: Buffer.from(csv).toString('base64'), fullRoster: false } },
    );
    expect(preview.data!.previewRosterImport.error).toBeNull();
    const { id, toChange } = preview.data!.previewRosterImport.import!;
    expect(toChange).toBe(1);
    const committed = await on(1, leader).query<{ commitRosterImport: { error: unknown } }>(
      'mutation ($id: ID!) { commitRosterImport(id: $id) { error { code message } } }',
      { id },
    );
    expect(committed.data!.commitRosterImport.error).toBeNull();
    await expect
      .poll(
        async () =>
          (await leader.query<{ rosterImport: { status: string } }>('query ($id: ID!) { rosterImport(id: $id) { status } }', { id })).data?.rosterImport.status,
        {
          timeout: 60_000,
        },
      )
      .toBe('COMMITTED');
    for (const r of [0, 1]) {
      const read = await on(r, leader).query<{ pupil: { tutorGroup: string } }>('query ($id: ID!) { pupil(id: $id) { tutorGroup } }', { id: pupil.id });
      expect(read.data!.pupil.tutorGroup).toBe('9ZZ');
    }
  });

  it('signs out everywhere: once signed out through one replica, no replica honours the session', async () => {
    const leader = new GatewayClient(front.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    // Both gateways have the session in their short cache before it ends.
    for (const r of [0, 1]) expect((await on(r, leader).query(ME)).status).toBe(200);
    expect((await on(0, leader).signOut()).status).toBeLessThan(300);
    expect((await on(0, leader).query(ME)).status).toBe(401);
    // The other replica may trust its cached answer for at most WAYMARK_SESSION_CACHE_MS, no longer.
    await expect.poll(async () => (await on(1, leader).query(ME)).status, { timeout: SESSION_CACHE_MS + 10_000, interval: 200 }).toBe(401);
  });

  async function newKey(name: string): Promise<{ id: string; bearer: Record<string, string> }> {
    const analyst = new GatewayClient(front.url);
    expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
    const created = await analyst.query<{ createApiCredential: { secret: string; credential: { id: string } } }>(
      'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret credential { id } error { message } } }',
      { input: { name, scopes: ['reports:read'] } },
    );
    const { secret, credential } = created.data!.createApiCredential;
    return { id: credential.id, bearer: { authorization: `Bearer ${secret}` } };
  }

  it('holds a key to one allowance, not one per replica', async () => {
    const { bearer } = await newKey('replicas allowance');
    const statuses: number[] = [];
    for (let i = 0; i < BURST * 2; i += 1) statuses.push((await on(i % 2).query('{ schools { name } }', undefined, bearer)).status);
    expect(statuses).toEqual([...Array<number>(BURST).fill(200), ...Array<number>(BURST).fill(429)]);
  });

  it('refuses a revoked API key on the very next request, whichever replica it reaches', async () => {
    const analyst = new GatewayClient(front.url);
    expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
    const { id, bearer } = await newKey('replicas revoked');
    const credential = { id };
    for (const r of [0, 1]) expect((await on(r).query('{ schools { name } }', undefined, bearer)).status).toBe(200);
    const revoked = await on(0, analyst).query<{ revokeApiCredential: { error: unknown } }>(
      'mutation ($id: ID!) { revokeApiCredential(id: $id) { error { code } } }',
      { id: credential.id },
    );
    expect(revoked.data!.revokeApiCredential.error).toBeNull();
    for (const r of [1, 0]) expect((await on(r).query('{ schools { name } }', undefined, bearer)).status).toBe(401);
  });
});
