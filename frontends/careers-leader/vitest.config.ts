import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so unit tests do not start the federation plugin. The governors' report
// tests embed real fonts and lay out pages: seconds of work on a busy two-core machine, so the limit per
// test is 30 s rather than Vitest's 5 s (a limit against hangs, not a speed target).
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
