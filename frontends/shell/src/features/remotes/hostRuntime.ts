import { init, type ModuleFederation } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime/core';
import * as graphqlClient from '@waymark/graphql-client';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';

/**
 * The shell's side of module federation, without the Vite plugin's host entry: the page's one
 * federation runtime, and the shell's own React, React DOM and GraphQL client offered to every remote
 * as the singletons of `sharedSingletons` (@waymark/config/vite-remote). The shell renders with these
 * copies before any remote loads, so they are offered as loaded, and a remote takes them whenever its
 * required version allows (`loaded-first`) rather than bringing a second React.
 */
const SHARED_MODULES: Record<string, { module: object; package: keyof typeof __WAYMARK_SHARED__ }> = {
  react: { module: react, package: 'react' },
  'react/jsx-runtime': { module: jsxRuntime, package: 'react' },
  'react-dom': { module: reactDom, package: 'react-dom' },
  'react-dom/client': { module: reactDomClient, package: 'react-dom' },
  '@waymark/graphql-client': { module: graphqlClient, package: '@waymark/graphql-client' },
};

let instance: ModuleFederation | null = null;

/** Starts the runtime once; built remotes (`externalRuntime`) find it on `_FEDERATION_RUNTIME_CORE`. */
export function hostRuntime(): ModuleFederation {
  if (instance) return instance;
  const global = runtimeCore.Global as { _FEDERATION_RUNTIME_CORE?: typeof runtimeCore };
  global._FEDERATION_RUNTIME_CORE ??= runtimeCore;
  instance = init({
    name: 'shell',
    remotes: [],
    shareStrategy: 'loaded-first',
    shared: Object.fromEntries(
      Object.entries(SHARED_MODULES).map(([name, { module, package: from }]) => {
        const { version, requiredVersion } = __WAYMARK_SHARED__[from];
        return [name, { version, lib: () => module, loaded: true, shareConfig: { singleton: true, requiredVersion, eager: true } }];
      }),
    ),
  });
  return instance;
}
