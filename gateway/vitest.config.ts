import { defineConfig } from 'vitest/config';
import { nodeTestConfig } from '@waymark/config/vitest';

// test/global-setup.ts starts the stack that files asking for the shared one run on (PostgreSQL only).
export default defineConfig(nodeTestConfig({ globalSetup: ['test/global-setup.ts'], isolate: true }));
