import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FontLoader } from '../fontLoader.js';

const require = createRequire(import.meta.url);

/** For tests: the font files straight from node_modules, and the paths asked for, in order. */
export function nodeFontLoader(): FontLoader & { asked: string[] } {
  const asked: string[] = [];
  const load = async (path: string) => {
    asked.push(path);
    return new Uint8Array(await readFile(require.resolve(path)));
  };
  return Object.assign(load, { asked });
}
