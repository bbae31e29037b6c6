import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '@waymark/config/vitest';

export default defineConfig(nodeTestConfig());
