import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts: unit tests need none of its build settings (the shared versions, the dev proxy).
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
