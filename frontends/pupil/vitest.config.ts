import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so unit tests do not start the federation plugin. The record PDF's
// tests embed real fonts and lay out many pages: seconds of work on a busy two-core machine, so the
// limit per test is 30 s rather than Vitest's 5 s (a limit against hangs, not a speed target).
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], testTimeout: 30_000 },
});
