import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { sharedSingletons } from '@waymark/config/vite-remote';

// In development the gateway serves the API, /remotes.json and the built remotes.
const gateway = 'http://localhost:4000';
const proxy = { '/graphql': gateway, '/auth': gateway, '/remotes.json': gateway, '/remotes/': gateway };

export default defineConfig({
  base: '/',
  build: { target: 'esnext' },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 5173, strictPort: true, proxy },
  plugins: [
    react(),
    federation({
      name: 'shell',
      // Remotes come from /remotes.json at run time, so a remote can be redeployed without rebuilding the shell.
      remotes: {},
      // The same singletons and version ranges as every remote.
      shared: sharedSingletons,
      dts: false,
      // The page's one Module Federation runtime: built remotes read it from the shell rather than
      // loading their own copy (remoteExperiments in @waymark/config/vite-remote).
      experiments: { provideExternalRuntime: true },
    }),
  ],
});
