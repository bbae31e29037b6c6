// The Vite config every portal remote shares: served under /remotes/<name>/ by the gateway,
// exposing ./App, with React, React DOM and the GraphQL client as shared singletons.
import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const gateway = 'http://localhost:4000';

/** @param {{ name: string, devPort: number }} remote */
export function remoteViteConfig({ name, devPort }) {
  const proxy = { '/graphql': gateway, '/auth': gateway };
  return defineConfig({
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
        shared: {
          react: { singleton: true },
          'react-dom': { singleton: true },
          '@waymark/graphql-client': { singleton: true },
        },
        dts: false,
      }),
    ],
  });
}
