import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentKeys, dropStackDatabases, startStack, type RunningStack } from './stack.js';
import { freeStackPorts } from './ports.js';

const dir = mkdtempSync(join(tmpdir(), 'waymark-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('development keys', () => {
  it('are created once, kept private, and reused so sessions survive a restart', () => {
    const first = developmentKeys(dir);
    expect(first.privateKeyPem).toContain('PRIVATE KEY');
    expect(statSync(join(dir, 'keys', 'credential-private.pem')).mode & 0o077).toBe(0);
    expect(developmentKeys(dir)).toEqual(first);
  });
});

/** Resolves once `check` holds, looking again each time the stack logs a line. */
function untilLogged(lines: string[], waiters: (() => void)[], check: (lines: string[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const look = () => {
      if (check(lines)) resolve();
      else waiters.push(look);
    };
    look();
  });
}

describe('a subgraph that crashes', () => {
  // Needs the services and the gateway built (npm test builds everything before testing).
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const databasePrefix = `waymark_stack_${randomBytes(3).toString('hex')}_`;
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  let stack: RunningStack | undefined;

  beforeAll(async () => {
    stack = await startStack({
      root,
      ...(await freeStackPorts()),
      dataDir: mkdtempSync(join(dir, 'data-')),
      databaseUrl,
      databasePrefix,
      seedDemo: true,
      env: { NODE_ENV: 'production', WAYMARK_SESSION_CACHE_MS: '0' },
      log: (source, line) => {
        lines.push(`${source}: ${line}`);
        for (const waiter of waiters.splice(0)) waiter();
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    if (databaseUrl) await dropStackDatabases(databaseUrl, databasePrefix);
  });

  async function signedIn(url: string): Promise<(query: string) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>> {
    const signIn = await fetch(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leader@northfield.test', password: 'waymark-demo' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    return async (query) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    };
  }

  it('is restarted after kill -9, says so in the log, and answers through the gateway again', async () => {
    const query = await signedIn(stack!.url);
    const before = await query('{ schools { name pupilCount } }');
    expect(before.errors, JSON.stringify(before)).toBeUndefined();

    const crashedPid = stack!.servicePid('pupils');
    expect(crashedPid).toBeGreaterThan(0);
    process.kill(crashedPid!, 'SIGKILL');

    expect(await stack!.exited).toEqual({ source: 'pupils', code: null });
    await untilLogged(lines, waiters, (all) => all.includes('pupils: pupils is running again'));
    expect(lines).toContain('pupils: pupils stopped unexpectedly (exit signal SIGKILL); restarting in 0.5 s');
    expect(stack!.servicePid('pupils')).not.toBe(crashedPid);

    const after = await query('{ me { displayName } schools { name pupilCount } }');
    expect(after.errors, JSON.stringify(after)).toBeUndefined();
    expect(after.data).toEqual(before.data && { me: expect.anything(), ...before.data });
  });

  it('leaves a subgraph stopped on purpose stopped', async () => {
    await stack!.stopService('employers');
    expect(stack!.servicePid('employers')).toBeUndefined();
    expect(lines.some((line) => line.includes('employers stopped unexpectedly'))).toBe(false);
  });
});
