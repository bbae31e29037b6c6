import { federation } from '@module-federation/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const gateway = 'http://localhost:4000';
const proxy = { '/graphql': gateway, '/auth': gateway };

export default defineConfig({
  base: '/remotes/employer/',
  build: { target: 'esnext' },
  server: { port: 5175, strictPort: true, proxy },
  preview: { port: 5175, strictPort: true, proxy },
  plugins: [
    react(),
    federation({
      name: 'employer',
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
