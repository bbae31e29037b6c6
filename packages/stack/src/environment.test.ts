import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS, subgraphUrlVariable } from '@waymark/auth';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Source files (not tests, not build output) under a folder of the repository. */
function sources(folder: string, pattern = /\.(ts|tsx|cjs|js)$/): string[] {
  return (readdirSync(join(root, folder), { recursive: true }) as string[])
    .filter((file) => pattern.test(file) && !/(^|\/)(node_modules|dist)\//.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(folder, file));
}

/** The variables a file reads: process.env.X, an env reader's source.X, and Vite's import.meta.env.X. */
function variablesRead(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/\b(?:process\.env|source|import\.meta\.env)\.([A-Z][A-Z0-9_]*)\b/g)].map((match) => match[1]);
}

const serverEnvReaders = ['gateway/src/env.ts', 'packages/subgraph-kit/src/env.ts', ...SUBGRAPHS.map((name) => `services/${name}/src/env.ts`)];
const otherReaders = [
  'scripts/launch.cjs',
  ...sources('packages/stack/src'),
  ...sources('packages/bench/src'),
  'packages/e2e/test/browser.ts',
  ...['shell', 'pupil', 'employer', 'careers-leader'].flatMap((portal) => sources(`frontends/${portal}/src`)),
];

describe('.env.example', () => {
  const documented = new Set([...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^# ([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));

  const read = new Set([...serverEnvReaders, ...otherReaders].flatMap(variablesRead));
  for (const name of SUBGRAPHS) read.add(subgraphUrlVariable(name));

  it('documents every variable the servers, the runner, the benchmarks, the browser tests and the portals read', () => {
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('documents nothing that no process reads', () => {
    expect([...documented].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});

describe('reading the environment in servers', () => {
  it('happens only in env.ts: nowhere else in the gateway, the subgraph kit or a subgraph', () => {
    const folders = ['gateway/src', 'packages/subgraph-kit/src', ...SUBGRAPHS.map((name) => `services/${name}/src`)];
    const strays = folders
      .flatMap((folder) => sources(folder))
      // testing.ts is the kit's harness for tests (`@waymark/subgraph-kit/testing`): never part of a server.
      .filter((file) => !file.endsWith('/env.ts') && file !== 'packages/subgraph-kit/src/testing.ts')
      .filter((file) => /\bprocess\.env\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(strays).toEqual([]);
  });
});
