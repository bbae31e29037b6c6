import { defineConfig } from 'vitest/config';
import { sharedVersions } from './vite.config';

// Kept apart from vite.config.ts: unit tests need only the shared versions the host runtime offers.
export default defineConfig({
  define: { __WAYMARK_SHARED__: JSON.stringify(sharedVersions) },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
