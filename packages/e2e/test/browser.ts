import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropStackDatabases, freeStackPorts, sharedStackForWorker, startStack, useSharedStack, type RunningStack } from '@waymark/stack';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { E2E_STACK_ENV } from './global-setup.js';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (.ci/run does).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One Chromium per test worker: a worker's browser test files run one after another in one process
 * (`isolate: false`, vitest.config.ts), each in fresh browser contexts of the same browser, instead of
 * launching a browser per file. A browser that has died is launched again.
 */
let workerBrowser: Promise<Browser> | undefined;
async function browserForWorker(): Promise<Browser> {
  const current = await workerBrowser?.catch(() => undefined);
  if (current?.isConnected()) return current;
  workerBrowser = launchBrowser();
  return workerBrowser;
}

/**
 * Counts React renderers as they register with the devtools hook: every copy of react-dom that
 * runs registers once, so one shared React means exactly one.
 */
export const COUNT_REACT_RENDERERS = `
  window.__reactRenderers = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(), supportsFiber: true, isDisabled: false,
    inject(renderer) { window.__reactRenderers += 1; this.renderers.set(window.__reactRenderers, renderer); return window.__reactRenderers; },
    onScheduleFiberRoot() {}, onCommitFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {},
  };
`;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A/AA rules) and returns the violations. axe is evaluated
 * through DevTools rather than added as a script tag, because the page's CSP rightly refuses
 * inline scripts.
 */
let axeSource: string | undefined;

export async function axeScan(page: Page): Promise<AxeViolation[]> {
  // Once per document: a page that only changed its route in the app still has it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

export function serious(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

export const DEMO_PASSWORD = 'waymark-demo';

/** A fresh browser context signed in through the shell's form, counting React renderers. */
export async function signInAs(browser: Browser, url: string, email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(COUNT_REACT_RENDERERS);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  return { context, page };
}

/** Every page checked is also saved as a screenshot when this is set; otherwise only a page that fails. */
const KEEP_SCREENSHOTS = process.env.WAYMARK_E2E_SCREENSHOTS === '1';

/**
 * No serious or critical axe violations and one React on the page. The page is saved to `shotsDir`
 * as `<name>.png` when axe finds something (and every time with WAYMARK_E2E_SCREENSHOTS=1): a
 * full-page screenshot costs more than the scan, so a passing run does not take one by default.
 */
export async function expectAccessible(page: Page, shotsDir: string, name: string): Promise<void> {
  // A region that scrolls sideways is made focusable by the app once it has measured it (a
  // ResizeObserver, after a resize); scan once that has happened, or after 5 s, when axe says what is wrong.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('body *')].every((element) => {
          const overflow = getComputedStyle(element).overflowX;
          return (overflow !== 'auto' && overflow !== 'scroll') || element.scrollWidth <= element.clientWidth + 1 || element.tabIndex >= 0;
        }),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const findings = serious(await axeScan(page));
  if (KEEP_SCREENSHOTS || findings.length > 0) await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
  expect(findings, `axe on ${name}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __reactRenderers: number }).__reactRenderers)).toBe(1);
}

export interface Portals {
  stack: RunningStack;
  browser: Browser;
  /** This run's scratch folder (data, and the portals' copy when `copyFrontends`). */
  work: string;
  root: string;
  signIn(email: string): Promise<{ context: BrowserContext; page: Page }>;
  expectAccessible(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole product for a browser test file: its own free ports, data folder and (on PostgreSQL)
 * throwaway databases, seeded with the demo data, plus the worker's headless Chromium. With `copyFrontends`
 * the portals are served from a copy, so a test may rebuild one without touching the real builds.
 *
 * With `shared`, on PostgreSQL, the file runs on its worker's stack from the test run's global
 * setup (global-setup.ts) instead, with the seeded data put back first: for files that read no mail
 * and stop nothing. On PGlite it starts its own, as without.
 */
export async function startPortals(options: { name: string; copyFrontends?: boolean; shared?: boolean }): Promise<Portals> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const shots = join(root, 'test-results');
  mkdirSync(shots, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), `waymark-${options.name}-`));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const databasePrefix = `waymark_${options.name.replace(/\W/g, '_')}_${randomBytes(3).toString('hex')}_`;
  const sharedAddresses = options.shared ? inject('sharedStacks') : [];
  const ownStack = sharedAddresses.length === 0;
  let frontendsDir = join(root, 'frontends');
  if (options.copyFrontends) {
    if (options.shared) throw new Error('A shared stack serves the real builds: copyFrontends needs a stack of its own.');
    frontendsDir = join(work, 'frontends');
    for (const name of ['shell', 'pupil', 'employer', 'careers-leader'])
      cpSync(join(root, 'frontends', name, 'dist'), join(frontendsDir, name, 'dist'), { recursive: true });
  }
  const stack = ownStack
    ? await startStack({
        root,
        ...(await freeStackPorts()),
        dataDir: join(work, 'data'),
        databaseUrl,
        databasePrefix,
        seedDemo: true,
        databaseTemplates: true,
        cheapPasswordHashes: true,
        frontendsDir,
        env: E2E_STACK_ENV,
        log: () => {},
      })
    : await useSharedStack(sharedStackForWorker(sharedAddresses));
  const browser = await browserForWorker().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  return {
    stack,
    browser,
    work,
    root,
    signIn: (email) => signInAs(browser, stack.url, email),
    expectAccessible: (page, name) => expectAccessible(page, shots, name),
    close: async () => {
      // The browser stays for the worker's next file; what this file opened in it goes.
      await Promise.all(browser.contexts().map((context) => context.close()));
      if (ownStack) {
        await stack.stop();
        if (databaseUrl) await dropStackDatabases(databaseUrl, databasePrefix);
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The accessible name of whatever has focus: its label, aria-label or text. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return (element.getAttribute('aria-label') ?? labelled ?? element.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element's accessible name matches (at most `limit` presses). */
export async function tabTo(page: Page, accessibleName: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (accessibleName.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${accessibleName.source}`);
}

/** Opens one of the careers leader's pages from the portal's "Careers programme" navigation. */
export async function openLeaderPage(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name }).click();
}

/**
 * At 1,366 and then 390 px wide: the page whose level-1 heading is `heading` does not scroll sideways
 * and has no serious axe findings (screenshots named `<name>-<width>`); back to 1,366 px after.
 */
export async function fitsAtBothWidths(portals: Pick<Portals, 'expectAccessible'>, page: Page, heading: string, name: string): Promise<void> {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
    await portals.expectAccessible(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}
