import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so unit tests do not start the federation plugin.
export default defineConfig({
  test: { environment: 'node', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
