/** Fetches a font file's bytes: over the network in the browser, from node_modules in tests. */
export type FontLoader = (path: string) => Promise<Uint8Array>;

/**
 * A loader for the browser from the font files a portal's build emits. Each portal lists them itself
 * with Vite's `import.meta.glob` over its own node_modules (a glob must be written out where the bundler
 * reads it), giving `urls` keyed by `prefix` + the file's path, e.g.
 * `../node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff`. Only the files the
 * text needs are fetched (fonts.ts, filesForText).
 */
export function browserFontLoader(urls: Readonly<Record<string, string>>, prefix: string): FontLoader {
  return async (path) => {
    const address = urls[`${prefix}${path}`];
    if (!address) throw new Error(`The font ${path} is not part of this build.`);
    const response = await fetch(address);
    if (!response.ok) throw new Error(`The font ${path} could not be loaded (${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
