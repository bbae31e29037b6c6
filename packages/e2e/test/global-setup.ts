import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startSharedStacks, type SharedStackAddress } from '@waymark/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedStacks: SharedStackAddress[];
  }
}

/** Browser test files run this many at a time (vitest.config.ts): one shared stack each. */
export const BROWSER_WORKERS = 2;

/**
 * Settings of every stack the browser tests start, shared or a file's own: the gateway adds API keys'
 * use to their counts every second rather than every 30 s, so the key page shows a key's use within
 * seconds of it (developers.test.ts).
 */
export const E2E_STACK_ENV: Record<string, string> = { WAYMARK_API_USAGE_FLUSH_MS: '1000' };

/**
 * On PostgreSQL, one stack per worker for the browser test files that ask for a shared one
 * (`startPortals({ shared: true })`); each puts the seeded data back before its tests. On PGlite
 * there is none, and each file starts its own.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl) {
    project.provide('sharedStacks', []);
    return undefined;
  }
  const shared = await startSharedStacks({
    root: fileURLToPath(new URL('../../../', import.meta.url)),
    name: 'e2e',
    count: BROWSER_WORKERS,
    databaseUrl,
    env: E2E_STACK_ENV,
  });
  project.provide('sharedStacks', shared.addresses);
  return () => shared.stop();
}
