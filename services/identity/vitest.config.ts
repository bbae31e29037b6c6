import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '@waymark/config/vitest';

// test/setup.ts: passwords are hashed at the test cost in these tests.
export default defineConfig(nodeTestConfig({ setupFiles: ['test/setup.ts'] }));
