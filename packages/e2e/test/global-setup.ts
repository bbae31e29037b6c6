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
  const shared = await startSharedStacks({ root: fileURLToPath(new URL('../../../', import.meta.url)), name: 'e2e', count: BROWSER_WORKERS, databaseUrl });
  project.provide('sharedStacks', shared.addresses);
  return () => shared.stop();
}
