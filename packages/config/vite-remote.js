// The Vite config every portal remote shares: served under /remotes/<name>/ by the gateway,
// exposing ./App, with React, React DOM and the GraphQL client as shared singletons.
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const gateway = 'http://localhost:4000';

/**
 * The singletons the shell provides and every remote uses, with the versions each side asks for:
 * one React and one GraphQL client on the page. A remote built against a version outside the range
 * is told so when it loads, instead of silently running against a copy it was not built for.
 */
export const sharedSingletons = {
  react: { singleton: true, requiredVersion: '^19.0.0' },
  'react-dom': { singleton: true, requiredVersion: '^19.0.0' },
  '@waymark/graphql-client': { singleton: true, requiredVersion: '^0.1.0' },
};

/**
 * One Module Federation runtime on the page: the shell provides `@module-federation/runtime-core` on a
 * global (`provideExternalRuntime` in its config) and every built remote reads it from there instead of
 * bundling and loading a copy of its own (about 19 KB gzipped each). Only in builds: a remote served on
 * its own by `vite` (development, with no shell) still brings its own runtime.
 *
 * @param {'build' | 'serve'} command
 */
const remoteExperiments = (command) => ({ externalRuntime: command === 'build' });

/** @param {{ name: string, devPort: number }} remote */
export function remoteViteConfig({ name, devPort }) {
  const proxy = { '/graphql': gateway, '/auth': gateway };
  return defineConfig(({ command }) => ({
    base: `/remotes/${name}/`,
    build: { target: 'esnext' },
    server: { port: devPort, strictPort: true, proxy },
    preview: { port: devPort, strictPort: true, proxy },
    plugins: [
      react(),
      federation({
        name: name.replace(/-/g, '_'),
        filename: 'remoteEntry.js',
        manifest: true,
        exposes: { './App': './src/expose/app.tsx' },
        shared: sharedSingletons,
        dts: false,
        experiments: remoteExperiments(command),
      }),
    ],
  }));
}
