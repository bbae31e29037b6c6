import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { SHARED_STACK_ENV } from './global-setup.js';
import { dropStackDatabases, freeStackPorts, sharedStackForWorker, startStack, useSharedStack, type RunningStack } from '@waymark/stack';

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
  /** On PostgreSQL, with a stack of the file's own: the prefix of its databases (`<prefix><service>`), to read their tables; null otherwise. */
  readonly databasePrefix: string | null;
  /** On PostgreSQL, the prefix of the databases of the stack the file runs on, its own or the shared one (for a command run beside it); null on PGlite. */
  readonly runningDatabasePrefix: string | null;
}

/**
 * `shared: true`: the file only needs the seeded demo data at its start, never stops a subgraph and
 * reads no mail, so on PostgreSQL it runs on the test run's shared stack (see global-setup.ts), with
 * the data put back first; on PGlite it starts its own with the same settings.
 */
export function useTestStack(options: { name: string; env?: Record<string, string>; shared?: boolean }): TestStack {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const databasePrefix = `waymark_${options.name}_${randomBytes(3).toString('hex')}_`;
  const sharedAddresses = options.shared ? inject('sharedStacks') : [];
  if (options.shared && options.env) throw new Error('A file on the shared stack takes its settings (SHARED_STACK_ENV).');
  let running: RunningStack | undefined;
  let work: string | undefined;
  let ownStack = true;
  let sharedPrefix: string | null = null;
  beforeAll(async () => {
    if (sharedAddresses.length > 0) {
      const address = sharedStackForWorker(sharedAddresses);
      work = address.dataDir;
      sharedPrefix = address.databasePrefix;
      ownStack = false;
      running = await useSharedStack(address);
      return;
    }
    work = mkdtempSync(join(tmpdir(), `waymark-${options.name}-`));
    running = await startStack({
      root,
      ...(await freeStackPorts()),
      dataDir: work,
      databaseUrl,
      databasePrefix,
      seedDemo: true,
      databaseTemplates: true,
      cheapPasswordHashes: true,
      env: options.shared ? SHARED_STACK_ENV : { NODE_ENV: 'production', ...options.env },
      log: () => {},
    });
  }, 300_000);
  afterAll(async () => {
    if (!ownStack) return;
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
    get databasePrefix() {
      return databaseUrl && ownStack ? databasePrefix : null;
    },
    get runningDatabasePrefix() {
      if (!databaseUrl) return null;
      return ownStack ? databasePrefix : sharedPrefix;
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
