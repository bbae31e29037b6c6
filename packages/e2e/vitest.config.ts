import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '@waymark/config/vitest';

export default defineConfig(nodeTestConfig({ testTimeout: 180_000, hookTimeout: 400_000 }));
