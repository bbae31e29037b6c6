import * as runtimeCore from '@module-federation/runtime/core';
import * as graphqlClient from '@waymark/graphql-client';
import { sharedSingletons } from '@waymark/config/vite-remote';
import * as react from 'react';
import * as reactDomClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { hostRuntime } from './hostRuntime';

describe('hostRuntime', () => {
  it('starts one runtime however often it is asked', () => {
    expect(hostRuntime()).toBe(hostRuntime());
  });

  it('publishes its runtime-core for remotes built with externalRuntime', () => {
    hostRuntime();
    expect((runtimeCore.Global as { _FEDERATION_RUNTIME_CORE?: unknown })._FEDERATION_RUNTIME_CORE).toBe(runtimeCore);
  });

  it("hands out the shell's own copies, so a remote renders with the React already on the page", () => {
    const runtime = hostRuntime();
    expect(runtime.loadShareSync('react')()).toBe(react);
    expect(runtime.loadShareSync('react/jsx-runtime')()).toBe(jsxRuntime);
    expect(runtime.loadShareSync('react-dom/client')()).toBe(reactDomClient);
    expect(runtime.loadShareSync('@waymark/graphql-client')()).toBe(graphqlClient);
  });

  it('offers each as a singleton with the installed version and the range every remote asks for', () => {
    const scope = hostRuntime().shareScopeMap.default;
    for (const [name, from] of [
      ['react', 'react'],
      ['react/jsx-runtime', 'react'],
      ['react-dom', 'react-dom'],
      ['react-dom/client', 'react-dom'],
      ['@waymark/graphql-client', '@waymark/graphql-client'],
    ] as const) {
      const offered = Object.entries(scope[name] ?? {});
      expect(offered, name).toHaveLength(1);
      const [version, share] = offered[0];
      expect(share.shareConfig).toMatchObject({ singleton: true, requiredVersion: sharedSingletons[from].requiredVersion });
      expect(version, name).toBe(__WAYMARK_SHARED__[from].version);
      if (from !== '@waymark/graphql-client') expect(version, name).toBe(react.version);
    }
  });
});
