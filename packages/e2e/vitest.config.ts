import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '@waymark/config/vitest';
import { BROWSER_WORKERS } from './test/global-setup.js';

// Each browser test file has its own browser contexts, and either its own stack (free ports,
// throwaway databases) or, on PostgreSQL, its worker's shared stack with the seeded data put back
// (test/global-setup.ts), so two files run side by side: the browser suite is the longest part of
// npm test. A worker's files run one after another in one process that keeps its modules and its
// Chromium (test/browser.ts): loading Playwright and launching a browser for each file cost seconds.
export default defineConfig(
  nodeTestConfig({
    testTimeout: 180_000,
    hookTimeout: 400_000,
    fileParallelism: true,
    maxWorkers: BROWSER_WORKERS,
    isolate: false,
    globalSetup: ['test/global-setup.ts'],
  }),
);
