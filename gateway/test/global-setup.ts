import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startSharedStacks, type SharedStackAddress } from '@waymark/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    sharedStacks: SharedStackAddress[];
  }
}

/**
 * The settings of the stack shared by files that ask for it (`useTestStack({ shared: true })`):
 * production, and no session cache, so a sign-out or a role change bites on the next request.
 */
export const SHARED_STACK_ENV: Record<string, string> = { NODE_ENV: 'production', WAYMARK_SESSION_CACHE_MS: '0' };

/**
 * On PostgreSQL, one stack for the test files that ask for the shared one (`useTestStack({ shared:
 * true })`); each puts the seeded data back before its tests. The gateway's files run one at a time,
 * so one stack serves them all. On PGlite there is none, and each file starts its own.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl) {
    project.provide('sharedStacks', []);
    return undefined;
  }
  const shared = await startSharedStacks({
    root: fileURLToPath(new URL('../../', import.meta.url)),
    name: 'gateway',
    count: 1,
    databaseUrl,
    env: SHARED_STACK_ENV,
  });
  project.provide('sharedStacks', shared.addresses);
  return () => shared.stop();
}
