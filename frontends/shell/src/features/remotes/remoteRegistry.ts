import type { SessionAccount } from '@waymark/graphql-client';
import type { ComponentType } from 'react';
import type { RemoteName } from '../areas/areas';
import { hostRuntime } from './hostRuntime';

/** What every remote's `./App` receives from the shell. */
export interface RemoteAppProps {
  account: SessionAccount;
}

export interface RemoteAppModule {
  default: ComponentType<RemoteAppProps>;
}

interface RemotesManifest {
  remotes: { name: string; entry: string }[];
}

const REMOTES_MANIFEST_URL = '/remotes.json';

/** Folder names use hyphens ("careers-leader"); federation container names use underscores. */
export function toFederationName(name: string): string {
  return name.replace(/-/g, '_');
}

let manifest: Promise<Map<string, string>> | null = null;

const pageLoadId = Date.now().toString(36);

/**
 * remoteEntry.js keeps its name across deployments, so without cache headers a browser may reuse an old
 * copy heuristically. An unversioned entry gets a per-page-load query; the hashed chunks it imports
 * stay cacheable. An entry that remotes.json already versions is left alone.
 */
export function entryUrl(entry: string, base: string, version = pageLoadId): string {
  const url = new URL(entry, base);
  if (!url.search) url.searchParams.set('v', version);
  return url.href;
}

async function fetchManifest(): Promise<Map<string, string>> {
  // no-cache: remotes.json says which build of each remote is live, and redeploys must show at once.
  const response = await fetch(REMOTES_MANIFEST_URL, { credentials: 'same-origin', cache: 'no-cache' });
  if (!response.ok) throw new Error(`${REMOTES_MANIFEST_URL} answered ${response.status}`);
  const body = (await response.json()) as RemotesManifest;
  const entries = new Map<string, string>();
  for (const remote of body.remotes ?? []) {
    entries.set(toFederationName(remote.name), entryUrl(remote.entry, window.location.href));
  }
  hostRuntime().registerRemotes(
    [...entries].map(([name, entry]) => ({ name, entry, type: 'module' as const })),
    { force: true },
  );
  return entries;
}

function registeredRemotes(): Promise<Map<string, string>> {
  manifest ??= fetchManifest().catch((error: unknown) => {
    manifest = null;
    throw error;
  });
  return manifest;
}

/**
 * Loads `<remote>/App`. With `fresh`, the remote list is fetched and registered again first, which
 * also drops a failed entry from the federation runtime's cache so "Try again" really retries.
 */
export async function loadRemoteApp(remote: RemoteName, fresh = false): Promise<RemoteAppModule> {
  if (fresh) manifest = null;
  const entries = await registeredRemotes();
  if (!entries.has(remote)) throw new Error(`${REMOTES_MANIFEST_URL} does not list the "${remote}" remote`);
  const module = await hostRuntime().loadRemote<RemoteAppModule>(`${remote}/App`);
  if (!module || typeof module.default !== 'function') throw new Error(`The "${remote}" remote has no App component`);
  return module;
}
