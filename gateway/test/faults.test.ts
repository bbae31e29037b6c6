import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { startStack, type RunningStack, freeStackPorts } from '@waymark/stack';
import { GatewayClient } from './client.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

/*
 * Writes survive faults: 2,000 comments, each sent with its own idempotency key and retried until
 * it gets an answer, while the pupils subgraph is killed (and restarted by the runner) twice and
 * PostgreSQL itself crashes and restarts once. Afterwards every comment is there exactly once.
 * The PostgreSQL server is the test's own (see throwaway-postgres.ts), never the machine's.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const data = demoData();
const [northfield] = data.schools;
const pupils = data.pupils.filter((p) => p.schoolId === northfield.id && p.yearGroup !== null).slice(0, 20);
const WRITES = 2_000;
const CONCURRENCY = 4;
const COMMENT = 'mutation ($input: AddRecordCommentInput!) { addRecordComment(input: $input) { comment { id } error { code message } } }';

let postgres: ThrowawayPostgres;
let stack: RunningStack;
let work: string;
const logged: string[] = [];

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  work = mkdtempSync(join(tmpdir(), 'waymark-faults-'));
  stack = await startStack({
    root,
    ...(await freeStackPorts()),
    dataDir: work,
    databaseUrl: postgres.url,
    databasePrefix: 'waymark_faults_',
    seedDemo: true,
    env: { NODE_ENV: 'production', WAYMARK_SESSION_CACHE_MS: '0', WAYMARK_SUBGRAPH_TIMEOUT_MS: '3000' },
    log: (source, line) => logged.push(`${source} ${line}`),
  });
});

afterAll(async () => {
  await stack?.stop();
  postgres?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('idempotent writes through faults', () => {
  it('lands each of 2,000 writes exactly once while a subgraph is killed twice and PostgreSQL crashes once', async () => {
    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);

    let done = 0;
    let retries = 0;
    const refusals: string[] = [];
    /** One write: sent again with the same key after any failure to answer, until it is answered. */
    const write = async (i: number) => {
      const input = { pupilId: pupils[i % pupils.length].id, body: `Fault write #${i}`, idempotencyKey: `fault-${i}` };
      const deadline = Date.now() + 120_000;
      for (;;) {
        try {
          const answer = await leader.query<{ addRecordComment: { comment: { id: string } | null; error: { code: string; message: string } | null } | null }>(
            COMMENT,
            { input },
          );
          const result = answer.data?.addRecordComment;
          if (result?.comment) break;
          if (result?.error) {
            refusals.push(`#${i}: ${result.error.code} ${result.error.message}`);
            break;
          }
          // A request the gateway finds malformed will never be answered otherwise: not a fault to ride out.
          if (answer.status === 400) {
            refusals.push(`#${i}: ${answer.errors?.[0]?.message}`);
            break;
          }
        } catch {
          // The gateway itself was unreachable for a moment: the same as no answer.
        }
        if (Date.now() > deadline) throw new Error(`write #${i} got no answer for two minutes`);
        retries += 1;
        await sleep(50 + Math.random() * 200);
      }
      done += 1;
    };

    const faults = (async () => {
      const killPupils = async () => {
        const pid = stack.servicePid('pupils')!;
        process.kill(pid, 'SIGKILL');
        await waitFor(() => {
          const now = stack.servicePid('pupils');
          return now !== undefined && now !== pid;
        }, 'the runner to restart the pupils subgraph');
      };
      await waitFor(() => done >= 250, '250 writes');
      await killPupils();
      await waitFor(() => done >= 800, '800 writes');
      postgres.crashAndRestart();
      await waitFor(() => done >= 1_400, '1,400 writes', 180_000);
      await killPupils();
    })();

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < WRITES) await write(next++);
      }),
    );
    await faults;

    expect(refusals).toEqual([]);
    // The faults did bite: writes went unanswered and were sent again.
    expect(retries).toBeGreaterThan(0);
    expect(logged.filter((line) => /pupils stopped unexpectedly/.test(line))).toHaveLength(2);

    // Every write is there exactly once, read back through the gateway.
    const seen = new Map<string, number>();
    for (const pupil of pupils) {
      const answer = await leader.query<{ pupil: { comments: { body: string }[] } }>('query ($id: ID!) { pupil(id: $id) { comments { body } } }', {
        id: pupil.id,
      });
      for (const comment of answer.data!.pupil.comments) {
        if (comment.body.startsWith('Fault write #')) seen.set(comment.body, (seen.get(comment.body) ?? 0) + 1);
      }
    }
    expect(seen.size).toBe(WRITES);
    expect([...seen].filter(([, count]) => count !== 1)).toEqual([]);
  }, 600_000);
});
