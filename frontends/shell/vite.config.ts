import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sharedSingletons } from '@waymark/config/vite-remote';

// In development the gateway serves the API, /remotes.json and the built remotes.
const gateway = 'http://localhost:4000';
const proxy = { '/graphql': gateway, '/auth': gateway, '/remotes.json': gateway, '/remotes/': gateway };

const require = createRequire(import.meta.url);

/** The installed version of a shared package, from the package.json above its entry (not every package exports it). */
function installedVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (manifest.name === name) return manifest.version;
  }
  throw new Error(`no package.json names ${name}`);
}

/**
 * The shell is the federation host without the Vite plugin (src/features/remotes/hostRuntime.ts): it
 * bundles React, React DOM, the GraphQL client and the one federation runtime like any other code,
 * and offers them to the remotes with the versions installed here and the ranges every remote asks for.
 */
export const sharedVersions = Object.fromEntries(
  Object.entries(sharedSingletons).map(([name, { requiredVersion }]) => [name, { version: installedVersion(name), requiredVersion }]),
);

export default defineConfig({
  base: '/',
  build: { target: 'esnext' },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 5173, strictPort: true, proxy },
  define: {
    __WAYMARK_SHARED__: JSON.stringify(sharedVersions),
    // Build-time switches of @module-federation/runtime-core: a browser build, and no manifest
    // snapshots (remotes are registered by their remoteEntry.js, never by mf-manifest.json).
    ENV_TARGET: JSON.stringify('web'),
    FEDERATION_OPTIMIZE_NO_SNAPSHOT_PLUGIN: 'true',
  },
  plugins: [react()],
});
