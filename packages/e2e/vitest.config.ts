import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '@waymark/config/vitest';

// Each browser test file starts its own stack on free ports and throwaway databases, so two files
// run side by side: the browser suite is the longest part of npm test, and this halves its wait.
export default defineConfig(nodeTestConfig({ testTimeout: 180_000, hookTimeout: 400_000, fileParallelism: true, maxWorkers: 2 }));
