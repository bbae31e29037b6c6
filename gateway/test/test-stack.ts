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
 * what it returns reads the running stack. A file that needs more set up adds its own beforeAll after
 * this call (hooks run in the order they are registered).
 */
/** A running stack plus the folder holding its development signing keys (read them with developmentKeys). */
export interface TestStack extends RunningStack {
  readonly dataDir: string;
}

export function useTestStack(options: { name: string; env?: Record<string, string> }): TestStack {
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
    get dataDir() {
      if (!work) throw new Error('The test stack has not started.');
      return work;
    },
    get url() {
      return current().url;
    },
    get exited() {
      return current().exited;
    },
    get mail() {
      return current().mail;
    },
    subgraphUrl: (name) => current().subgraphUrl(name),
    servicePid: (name) => current().servicePid(name),
    stopService: (name) => current().stopService(name),
    stop: () => current().stop(),
  };
}
