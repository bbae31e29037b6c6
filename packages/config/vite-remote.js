// The Vite config every portal remote shares: served under /remotes/<name>/ by the gateway,
// exposing ./App, with React, React DOM and the GraphQL client as shared singletons that the shell
// provides (frontends/shell/src/features/remotes/hostRuntime.ts).
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
 * global (`_FEDERATION_RUNTIME_CORE`, set in its hostRuntime.ts) and every built remote reads it from there instead of
 * bundling and loading a copy of its own (about 19 KB gzipped each). Only in builds: a remote served on
 * its own by `vite` (development, with no shell) still brings its own runtime.
 *
 * @param {'build' | 'serve'} command
 */
const remoteExperiments = (command) => ({ externalRuntime: command === 'build' });

/** The one module every remote exposes (as ./App). */
const EXPOSED_APP = './src/expose/app.tsx';

/**
 * What a built remote is made of: its exposed module, from which the plugin builds the container
 * (remoteEntry.js). index.html and src/main.tsx, the remote signing in on its own, are for `vite`
 * (development) only: built in, Rolldown put that code (StandaloneRemote, the sign-in form, and
 * react-dom/client as one more shared module) into the chunk the shell loads.
 *
 * @param {'build' | 'serve'} command
 */
const remoteInput = (command) => (command === 'build' ? { rollupOptions: { input: { app: EXPOSED_APP } } } : {});

/** @param {{ name: string, devPort: number }} remote */
export function remoteViteConfig({ name, devPort }) {
  const proxy = { '/graphql': gateway, '/auth': gateway };
  return defineConfig(({ command }) => ({
    base: `/remotes/${name}/`,
    build: { target: 'esnext', ...remoteInput(command) },
    server: { port: devPort, strictPort: true, proxy },
    preview: { port: devPort, strictPort: true, proxy },
    plugins: [
      react(),
      federation({
        name: name.replace(/-/g, '_'),
        filename: 'remoteEntry.js',
        manifest: true,
        exposes: { './App': EXPOSED_APP },
        shared: sharedSingletons,
        dts: false,
        experiments: remoteExperiments(command),
      }),
    ],
  }));
}
