import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { dropStackDatabases, freeStackPorts, startStack, type RunningStack } from '@waymark/stack';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The whole product for one test file: every subgraph and the gateway on a free block of ports, on
 * PostgreSQL (DATABASE_URL, throwaway databases dropped afterwards) or PGlite, seeded with the demo
 * data and running with production settings. Started before the file's tests, stopped after them;
 * what it returns reads the running stack.
 */
export function useTestStack(options: { name: string; env?: Record<string, string> }): RunningStack {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const databasePrefix = `waymark_${options.name}_${randomBytes(3).toString('hex')}_`;
  let running: RunningStack | undefined;
  let work: string | undefined;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `waymark-${options.name}-`));
    running = await startStack({
      root,
      ...(await freeStackPorts()),
      dataDir: work,
      databaseUrl,
      databasePrefix,
      seedDemo: true,
      env: { NODE_ENV: 'production', ...options.env },
      log: () => {},
    });
  }, 300_000);
  afterAll(async () => {
    await running?.stop();
    if (databaseUrl) await dropStackDatabases(databaseUrl, databasePrefix);
    if (work) rmSync(work, { recursive: true, force: true });
  });
  const current = (): RunningStack => {
    if (!running) throw new Error('The test stack has not started.');
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get exited() {
      return current().exited;
    },
    subgraphUrl: (name) => current().subgraphUrl(name),
    servicePid: (name) => current().servicePid(name),
    stopService: (name) => current().stopService(name),
    stop: () => current().stop(),
  };
}
