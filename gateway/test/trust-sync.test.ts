import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { developmentKeys } from '@waymark/stack';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A trust's nightly sync through the real gateway with a real API key, run by the sample client a
 * trust copies (packages/trust-sync-example/trust-sync.mjs): docs/trust-api.md, "Incremental sync".
 */
const data = demoData();
const [northfield, southbank] = data.schools;
// The demo's leavers with activity spells (services/destinations/src/seed.ts: six of each school's leavers).
const northfieldLeaversWithSpells = data.destinations.filter((d) => d.schoolId === northfield.id && d.stage === 'IMMEDIATE').slice(0, 6);
const trustPupils = data.pupils.filter((p) => p.trustId === data.trust.id);
const script = new URL('../../packages/trust-sync-example/trust-sync.mjs', import.meta.url).pathname;
const encountersTool = new URL('../../services/encounters/dist/tool.js', import.meta.url).pathname;
const stack = useTestStack({ name: 'sync', shared: true });
let analyst: GatewayClient;

beforeAll(async () => {
  analyst = new GatewayClient(stack.url);
  expect((await analyst.signIn('trust@waymark-trust.test')).status).toBe(200);
}, 300_000);

async function keyWith(scopes: string[]): Promise<string> {
  const created = await analyst.query<{ createApiCredential: { secret: string } }>(
    'mutation ($input: CreateApiCredentialInput!) { createApiCredential(input: $input) { secret error { message } } }',
    { input: { name: `sync ${scopes.join(' ')}`, scopes } },
  );
  return created.data!.createApiCredential.secret;
}

/** One run of the sample client, as a trust's scheduler would start it; resolves with its exit code and output. */
async function sync(secret: string, out: string, feeds = ['--feed', 'pupils']): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [script, '--endpoint', `${stack.url}/graphql`, '--out', out, '--page-size', '100', ...feeds],
      {
        env: { ...process.env, WAYMARK_API_KEY: secret },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The feed hands a change out only once every transaction older than it has ended, on any database of
 * the server (docs/trust-api.md, "Incremental sync"): while other work holds one open, a run finds
 * nothing yet and the next run picks the change up. Runs `sync` until its output is `expected`, as a
 * trust's scheduler would run it again, for at most about 30 seconds; `fromScratch`, each time a full sync.
 */
async function syncUntil(
  secret: string,
  out: string,
  expected: string | ((stdout: string) => Promise<boolean>),
  fromScratch = false,
  feeds?: string[],
): Promise<string> {
  const once = async () => {
    if (fromScratch) await rm(join(out, 'state.json'), { force: true });
    return (await sync(secret, out, feeds)).stdout;
  };
  const done = (stdout: string) => (typeof expected === 'string' ? Promise.resolve(stdout === expected) : expected(stdout));
  let stdout = await once();
  for (let tries = 0; tries < 120 && !(await done(stdout)); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    stdout = await once();
  }
  return stdout;
}

describe('trust sync through the gateway', () => {
  it('refuses a key without reports:read, saying which scope it needs, and writes no cursor', async () => {
    const out = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    try {
      const result = await sync(await keyWith(['roster:write']), out);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('FORBIDDEN');
      expect(result.stderr).toContain('reports:read');
      await expect(readFile(join(out, 'state.json'), 'utf8')).rejects.toThrow();
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("syncs the trust's pupils with a key, then only what changed, and ends as a fresh sync does", async () => {
    const nightly = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    const fresh = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    try {
      const secret = await keyWith(['reports:read']);
      // A run while a transaction from before the seeding is still open would see only part of it.
      const full = `pupils: full sync: ${trustPupils.length} added or updated, 0 removed, ${trustPupils.length} in pupils.csv\n`;
      const probe = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
      await syncUntil(secret, probe, full, true).finally(() => rm(probe, { recursive: true, force: true }));
      const first = await sync(secret, nightly);
      expect(first.stderr).toBe('');
      expect(first.stdout).toBe(`pupils: full sync: ${trustPupils.length} added or updated, 0 removed, ${trustPupils.length} in pupils.csv\n`);
      const csv = await readFile(join(nightly, 'pupils.csv'), 'utf8');
      expect(csv.split('\n')[0]).toBe('id,schoolId,yearGroup,enrolledOn,leftOn');
      for (const p of trustPupils.slice(0, 20)) {
        expect(csv).toContain(p.id);
        expect(csv).not.toContain(p.upn);
        expect(csv).not.toContain(p.legalSurname);
      }
      expect((await sync(secret, nightly)).stdout).toBe(`pupils: changes: 0 added or updated, 0 removed, ${trustPupils.length} in pupils.csv\n`);

      // The careers leader records a pupil leaving today: the next night's run picks up that one change.
      const leader = new GatewayClient(stack.url);
      expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
      const leaver = trustPupils.find((p) => p.schoolId === northfield.id && p.leftOn === null)!;
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
      const left = await leader.query<{ markPupilLeft: { error: { message: string } | null } }>(
        'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }',
        { input: { pupilId: leaver.id, leftOn: today } },
      );
      expect(left.errors).toBeUndefined();
      expect(left.data!.markPupilLeft.error).toBeNull();

      const changed = `pupils: changes: 1 added or updated, 0 removed, ${trustPupils.length} in pupils.csv\n`;
      expect(await syncUntil(secret, nightly, changed)).toBe(changed);
      const after = await readFile(join(nightly, 'pupils.csv'), 'utf8');
      expect(after.split('\n').find((line) => line.startsWith(leaver.id))).toMatch(new RegExp(`,${today}$`));
      await sync(secret, fresh);
      expect(await readFile(join(fresh, 'pupils.csv'), 'utf8')).toBe(after);

      // Every feed at once (the script's default): encounters and registers too, through the gateway.
      const everything = await sync(secret, fresh, []);
      expect(everything.stderr).toBe('');
      expect(everything.stdout).toMatch(
        /^pupils: changes: .*\nencounters: full sync: [1-9]\d* added or updated, 0 removed, [1-9]\d* in encounters\.csv\nparticipations: full sync: [1-9]\d* added/,
      );
      const registers = await readFile(join(fresh, 'participations.csv'), 'utf8');
      expect(registers.split('\n')[0]).toBe('id,encounterId,pupilId,schoolId,attended,declined');
      const trustPupilIds = new Set(trustPupils.map((p) => p.id));
      const rows = registers.trim().split('\n').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(trustPupilIds.has(row.split(',')[2])).toBe(true);
    } finally {
      await rm(nightly, { recursive: true, force: true });
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it("syncs the trust's leavers' activity spells, only of young people who agreed to being followed, and tombstones them when they opt out", async () => {
    const out = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    try {
      const secret = await keyWith(['reports:read']);
      const destinations = ['--feed', 'destinations'];
      const rowsOf = async (pupilId: string) =>
        (await readFile(join(out, 'destinations.csv'), 'utf8').catch(() => ''))
          .split('\n')
          .slice(1)
          .filter((line) => line.split(',')[1] === pupilId);
      // No demo pupil has agreed to being followed after 16: a full sync copies none of their spells.
      const first = await sync(secret, out, destinations);
      expect(first.stderr).toBe('');
      expect(first.stdout).toMatch(/^destinations: full sync: 0 added or updated, \d+ removed, 0 in destinations\.csv\n$/);
      expect((await readFile(join(out, 'destinations.csv'), 'utf8')).split('\n')[0]).toBe(
        'id,pupilId,schoolId,leavingYear,activity,providerKind,apprenticeshipLevel,startsOn,endsOn,source,confirmed',
      );

      // The careers leader records that one leaver agreed: their spells arrive, and nobody else's.
      const leader = new GatewayClient(stack.url);
      expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
      const pupilId = northfieldLeaversWithSpells[0].pupilId;
      const consent = (input: Record<string, unknown>) =>
        leader.query<{ setPupilConsent: { error: { message: string } | null } }>(
          'mutation ($input: SetPupilConsentInput!) { setPupilConsent(input: $input) { error { message } } }',
          { input: { pupilId, ...input } },
        );
      const agreed = await consent({ destinationTracking: true });
      expect(agreed.errors).toBeUndefined();
      expect(agreed.data!.setPupilConsent.error).toBeNull();
      await syncUntil(secret, out, async () => (await rowsOf(pupilId)).length > 0, false, destinations);
      const spells = (await rowsOf(pupilId)).map((line) => line.split(',')[0]);
      expect(spells.length).toBeGreaterThan(0);
      const csv = await readFile(join(out, 'destinations.csv'), 'utf8');
      expect(csv.trim().split('\n').length - 1).toBe(spells.length);

      // Their parent opts them out of sharing: every spell of theirs is tombstoned, and the copy holds none.
      const optedOut = await consent({ localAuthoritySharingOptOut: true });
      expect(optedOut.data!.setPupilConsent.error).toBeNull();
      await syncUntil(secret, out, async () => (await rowsOf(pupilId)).length === 0, false, destinations);
      expect(await rowsOf(pupilId)).toEqual([]);
      const tombstones = await readFile(join(out, 'destinations-tombstones.csv'), 'utf8');
      for (const id of spells) expect(tombstones).toContain(`${id},OPTED_OUT,`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
  it("syncs the trust's pupils' benchmark states once the nightly job has published them, then only what changed", async () => {
    const out = await mkdtemp(join(tmpdir(), 'waymark-sync-'));
    try {
      const secret = await keyWith(['reports:read']);
      const feed = ['--feed', 'benchmark-states'];
      const csv = async () => (await readFile(join(out, 'benchmark-states.csv'), 'utf8')).trim().split('\n');
      const prefix = stack.runningDatabasePrefix;
      if (prefix === null) {
        // On PGlite the stack's databases live inside its processes, so the job (a command with its own
        // connection) cannot run beside it: nothing is published, and a full sync finds nothing.
        const empty = await sync(secret, out, feed);
        expect(empty.stderr).toBe('');
        expect(empty.stdout).toBe('benchmark-states: full sync: 0 added or updated, 0 removed, 0 in benchmark-states.csv\n');
        expect((await csv())[0]).toBe('id,pupilId,schoolId,yearGroup,measure,state,count,needed,asOf');
        return;
      }
      // The nightly job, as a scheduler runs it: the encounters subgraph's command, on its database, asking the stack's pupils subgraph.
      const keys = developmentKeys(stack.dataDir);
      const job = async () => {
        const { stdout } = await promisify(execFile)(process.execPath, [encountersTool, 'benchmark-states'], {
          env: {
            ...process.env,
            DATABASE_URL: process.env.DATABASE_URL,
            WAYMARK_DB_PREFIX: prefix,
            WAYMARK_MIGRATE: 'skip',
            WAYMARK_PUPILS_URL: stack.subgraphUrl('pupils'),
            WAYMARK_CREDENTIAL_PUBLIC_KEY: keys.publicKeyPem,
            WAYMARK_CREDENTIAL_PRIVATE_KEY: keys.privateKeyPem,
          },
        });
        return stdout;
      };
      expect(await job()).toMatch(/^benchmark-states: [1-9]\d* trust\(s\) published as of \d{4}-\d{2}-\d{2}, [1-9]\d* change\(s\)\n$/);
      const first = await sync(secret, out, feed);
      expect(first.stderr).toBe('');
      const [header, ...rows] = await csv();
      expect(header).toBe('id,pupilId,schoolId,yearGroup,measure,state,count,needed,asOf');
      expect(rows.length).toBeGreaterThan(0);
      expect(first.stdout).toBe(`benchmark-states: full sync: ${rows.length} added or updated, 0 removed, ${rows.length} in benchmark-states.csv\n`);
      const trustPupilIds = new Set(trustPupils.map((p) => p.id));
      for (const row of rows) {
        const [id, pupilId, , , measure, state] = row.split(',');
        expect(id).toBe(`${pupilId}/${measure}`);
        expect(trustPupilIds.has(pupilId)).toBe(true);
        expect(['MET', 'IN_PROGRESS', 'NOT_MET', 'NOT_APPLICABLE']).toContain(state);
      }
      // A second run of the job publishes nothing, so the next sync has nothing to apply.
      expect(await job()).toMatch(/, 0 change\(s\)\n$/);
      expect((await sync(secret, out, feed)).stdout).toBe(`benchmark-states: changes: 0 added or updated, 0 removed, ${rows.length} in benchmark-states.csv\n`);

      // A pupil leaves: after the next nightly run, each of their states is a tombstone.
      const published = new Set(rows.map((row) => row.split(',')[1]));
      const leaver = trustPupils.find((p) => p.schoolId === southbank.id && p.leftOn === null && published.has(p.id))!;
      const leader = new GatewayClient(stack.url);
      expect((await leader.signIn('leader@southbank.test')).status).toBe(200);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
      const left = await leader.query<{ markPupilLeft: { error: { message: string } | null } }>(
        'mutation ($input: MarkPupilLeftInput!) { markPupilLeft(input: $input) { error { message } } }',
        { input: { pupilId: leaver.id, leftOn: today } },
      );
      expect(left.errors).toBeUndefined();
      expect(left.data!.markPupilLeft.error).toBeNull();
      const theirs = rows.filter((row) => row.split(',')[1] === leaver.id).length;
      expect(theirs).toBeGreaterThan(0);
      expect(await job()).toMatch(new RegExp(`, ${theirs} change\\(s\\)\\n$`));
      expect((await sync(secret, out, feed)).stdout).toBe(
        `benchmark-states: changes: 0 added or updated, ${theirs} removed, ${rows.length - theirs} in benchmark-states.csv\n`,
      );
      expect((await csv()).some((row) => row.includes(leaver.id))).toBe(false);
      expect(await readFile(join(out, 'benchmark-states-tombstones.csv'), 'utf8')).toContain(`${leaver.id}/B5_EMPLOYERS,NOT_ON_ROLL,`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
