import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { DEMO_PASSWORD } from '@waymark/demo-data';
import { dropStackDatabases, startStack } from '@waymark/stack';
import { groupFailed, type Result } from './measure.js';

/*
 * The micro-frontends' cost in bytes (docs/performance-targets.md): the gzipped JavaScript a careers
 * leader's first dashboard view loads from the shell and the careers-leader remote built as deployed
 * (module federation), against a single-bundle build of the same pages (the shell's own entry with the
 * careers-leader portal imported directly, no federation), both served by the same gateway and loaded
 * in a real Chromium. Target: within 1.1 ×, with one React and one Module Federation runtime on the page.
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A string only @module-federation/runtime-core holds (its log prefix): one file with it is one runtime. */
const FEDERATION_RUNTIME_MARK = '[ Federation Runtime ]';
/** Counts copies of React DOM as each registers with the devtools hook (as the browser tests do). */
const COUNT_REACT_RENDERERS = `
  window.__reactRenderers = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(), supportsFiber: true, isDisabled: false,
    inject(renderer) { window.__reactRenderers += 1; this.renderers.set(window.__reactRenderers, renderer); return window.__reactRenderers; },
    onScheduleFiberRoot() {}, onCommitFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {},
  };
`;

interface ViewLoad {
  /** Each JavaScript file the view loaded, with its gzipped size in bytes. */
  files: { path: string; gzipped: number }[];
  gzipped: number;
  reactCopies: number;
  federationRuntimes: number;
}

/** A production build of one portal with its own config, in a process of its own, as a deployment runs it. */
function deployedBuild(root: string, name: string, outDir: string): void {
  const dir = join(root, 'frontends', name);
  execFileSync(process.execPath, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: dir,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))), NODE_ENV: 'production' },
    stdio: 'pipe',
  });
}

/**
 * The floor: the shell's index.html and entry built by Vite without federation, its remote registry
 * swapped for a module that imports the careers-leader portal directly. Each side keeps its own lazy
 * chunks (the governors' report's PDF library), which neither first view loads.
 */
async function singleBundleBuild(root: string, work: string, outDir: string): Promise<void> {
  const registry = join(work, 'single-bundle-registry.js');
  const portal = join(root, 'frontends', 'careers-leader', 'src', 'expose', 'app.tsx');
  writeFileSync(
    registry,
    `import CareersLeaderApp from ${JSON.stringify(portal)};
export function toFederationName(name) { return name.replace(/-/g, '_'); }
export function entryUrl(entry, base) { return new URL(entry, base).href; }
export async function loadRemoteApp(remote) {
  if (remote !== 'careers_leader') throw new Error('This build holds only the careers-leader portal, not ' + remote);
  return { default: CareersLeaderApp };
}
`,
  );
  const swapRegistry: Plugin = {
    name: 'waymark-bench-single-bundle',
    enforce: 'pre',
    resolveId(source, importer) {
      return source.endsWith('/remoteRegistry') && importer?.includes('/features/remotes/') ? registry : null;
    },
  };
  await build({
    configFile: false,
    root: join(root, 'frontends', 'shell'),
    base: '/',
    mode: 'production',
    logLevel: 'warn',
    build: { target: 'esnext', outDir, emptyOutDir: true },
    plugins: [react(), swapRegistry],
  });
}

/** Signs in as the demo leader in a fresh browser context and records every script until the dashboard has settled. */
async function leaderFirstView(browser: Browser, url: string): Promise<ViewLoad> {
  const context = await browser.newContext();
  await context.addInitScript(COUNT_REACT_RENDERERS);
  const page = await context.newPage();
  const bodies: Promise<{ path: string; body: Buffer } | null>[] = [];
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (response.request().resourceType() !== 'script' && !path.endsWith('.js')) return;
    bodies.push(
      response.body().then(
        (body) => ({ path, body }),
        () => null,
      ),
    );
  });
  try {
    await page.goto(url);
    await page.getByLabel(/email/i).fill('leader@northfield.test');
    await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page
      .getByText('Northfield Academy')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        const shown = (
          await page
            .locator('body')
            .innerText()
            .catch(() => '')
        )
          .replace(/\s+/g, ' ')
          .slice(0, 300);
        throw new Error(`the dashboard did not show (page: "${shown}"; ${problems.slice(0, 3).join('; ') || 'no errors in the page'})`, { cause: error });
      });
    await page.waitForLoadState('networkidle');
    const reactCopies = await page.evaluate(() => (window as unknown as { __reactRenderers: number }).__reactRenderers);
    const seen = new Map<string, Buffer>();
    for (const loaded of await Promise.all(bodies)) if (loaded && !seen.has(loaded.path)) seen.set(loaded.path, loaded.body);
    const files = [...seen].map(([path, body]) => ({ path, gzipped: gzipSync(body, { level: 9 }).length, body }));
    return {
      files: files.map(({ path, gzipped }) => ({ path, gzipped })),
      gzipped: files.reduce((sum, file) => sum + file.gzipped, 0),
      reactCopies,
      federationRuntimes: files.filter((file) => file.body.includes(FEDERATION_RUNTIME_MARK)).length,
    };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export async function bundleSizeScenarios(root: string, databaseUrl: string): Promise<{ results: Result[]; notes: string[] }> {
  const prefix = `waymark_bench_js_${randomBytes(3).toString('hex')}_`;
  const work = mkdtempSync(join(tmpdir(), 'waymark-bench-js-'));
  const site = join(work, 'frontends');
  const federated = join(work, 'federated');
  const single = join(work, 'single');
  let browser: Browser | null = null;
  let stack: Awaited<ReturnType<typeof startStack>> | null = null;
  try {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
    for (const name of ['shell', 'careers-leader']) deployedBuild(root, name, join(federated, name, 'dist'));
    await singleBundleBuild(root, work, join(single, 'shell', 'dist'));

    // One gateway serves both builds in turn from the same folder (it reads files as they are on disk).
    mkdirSync(site, { recursive: true });
    for (const name of ['shell', 'careers-leader']) renameSync(join(federated, name), join(site, name));
    stack = await startStack({
      root,
      port: 4736,
      subgraphBasePort: 4836,
      dataDir: join(work, 'data'),
      databaseUrl,
      databasePrefix: prefix,
      seedDemo: true,
      frontendsDir: site,
      env: { NODE_ENV: 'production' },
      log: () => {},
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    // One unmeasured load first, so the subgraphs' first requests are not what the page waits on.
    await leaderFirstView(browser, stack.url);
    const withFederation = await leaderFirstView(browser, stack.url);

    for (const name of ['shell', 'careers-leader']) renameSync(join(site, name), join(federated, name));
    renameSync(join(single, 'shell'), join(site, 'shell'));
    const oneBundle = await leaderFirstView(browser, stack.url);

    const ratio = withFederation.gzipped / oneBundle.gzipped;
    const onePerPage = withFederation.reactCopies === 1 && withFederation.federationRuntimes === 1;
    // Each file under the build it came from: the shell's at the root, a remote's under /remotes/<name>/.
    const builtBy = (path: string) => (path.startsWith('/remotes/') ? path.slice('/remotes/'.length) : `shell${path}`);
    const list = (view: ViewLoad) => view.files.map((file) => `${builtBy(file.path)} ${kb(file.gzipped)}`).join(', ');
    return {
      results: [
        {
          name: "a leader's first dashboard view: gzipped JS, federated vs one bundle",
          value: kb(withFederation.gzipped),
          floor: kb(oneBundle.gzipped),
          ratio: Math.round(ratio * 100) / 100,
          target: '≤ 1.1 × one bundle, one React, one federation runtime',
          unit: 'KB',
          pass: ratio <= 1.1 && onePerPage,
        },
        {
          name: "React copies and federation runtimes on a leader's first view",
          value: withFederation.reactCopies + withFederation.federationRuntimes,
          floor: 2,
          ratio: (withFederation.reactCopies + withFederation.federationRuntimes) / 2,
          target: 'one of each',
          unit: 'copies',
          pass: onePerPage,
        },
      ],
      notes: [
        `bundle size: federated ${withFederation.files.length} files, ${kb(withFederation.gzipped)} KB gzipped (React ${withFederation.reactCopies}, federation runtime ${withFederation.federationRuntimes}): ${list(withFederation)}`,
        `bundle size: one bundle ${oneBundle.files.length} files, ${kb(oneBundle.gzipped)} KB gzipped (React ${oneBundle.reactCopies}): ${list(oneBundle)}`,
      ],
    };
  } catch (error) {
    return groupFailed('bundle size', error);
  } finally {
    await browser?.close();
    await stack?.stop();
    await dropStackDatabases(databaseUrl, prefix);
    rmSync(work, { recursive: true, force: true });
  }
}
