import { cpSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningStack } from '@waymark/stack';
import { COUNT_REACT_RENDERERS, startPortals, type Portals } from './browser.js';

let portals: Portals;
let stack: RunningStack;
let browser: Browser;
let work: string;
let root: string;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-portals', copyFrontends: true });
  ({ stack, browser, work, root } = portals);
});

afterAll(() => portals?.close());

const signIn = (email: string) => portals.signIn(email);
const expectAccessible = (page: Page, name: string) => portals.expectAccessible(page, name);

describe('sign-in page', () => {
  it('is accessible and refuses a wrong password with a message', async () => {
    const context = await browser.newContext();
    await context.addInitScript(COUNT_REACT_RENDERERS);
    const page = await context.newPage();
    await page.goto(stack.url);
    await page.getByLabel(/email/i).waitFor();
    await expectAccessible(page, 'sign-in');
    // Nothing filled in: an error summary takes focus, each problem linked to its field.
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('link', { name: 'Enter your email address' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('wm-error-summary');
    await page.getByRole('link', { name: 'Enter your password' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await expectAccessible(page, 'sign-in-problems');
    await page.getByLabel(/email/i).fill('leader@northfield.test');
    await page.getByLabel(/password/i).fill('not-the-password');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/not right/i);
    await context.close();
  });
});

describe('each demo account lands in its own portal with real data', () => {
  it('pupil: sees their own record', async () => {
    const { context, page } = await signIn('pupil@northfield.test');
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /record/i })
      .waitFor({ timeout: 30_000 });
    await page.getByText('Maya Okafor').first().waitFor();
    await page.getByText('Northfield Academy').first().waitFor();
    // Activities from the demo programme the pupil attended.
    await page
      .getByText(/careers talk|careers fair|assembly|workshop|lesson/i)
      .first()
      .waitFor();
    await expectAccessible(page, 'pupil-record');
    await context.close();
  });

  it('careers leader: sees the school, its pupils and encounters, and records an encounter with a register', async () => {
    const { context, page } = await signIn('leader@northfield.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'leader-overview');
    expect(await page.getByText('Southbank School').count()).toBe(0);

    await page
      .getByRole('button', { name: /^pupils$/i })
      .or(page.getByRole('link', { name: /^pupils$/i }))
      .or(page.getByRole('tab', { name: /^pupils$/i }))
      .first()
      .click();
    await page.getByRole('table').first().waitFor();
    await expectAccessible(page, 'leader-pupils');

    await page
      .getByRole('button', { name: /record an encounter/i })
      .or(page.getByRole('link', { name: /record an encounter/i }))
      .or(page.getByRole('tab', { name: /record an encounter/i }))
      .first()
      .click();
    const title = `E2E employer talk ${randomBytes(2).toString('hex')}`;
    await page.getByLabel(/title/i).fill(title);
    await page
      .getByLabel(/kind|type of activity|activity type/i)
      .first()
      .selectOption('EMPLOYER_TALK');
    await page.getByLabel(/date/i).first().fill('2026-11-20');
    await page.getByLabel(/hours/i).fill('1');
    await page.getByLabel(/^year 9$/i).check();
    await page
      .getByRole('checkbox', { name: /attended/i })
      .first()
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'leader-record-encounter');
    await page
      .getByRole('button', { name: /save|record encounter|create/i })
      .last()
      .click();
    await page
      .getByText(/saved|recorded|created/i)
      .first()
      .waitFor({ timeout: 30_000 });

    await page
      .getByRole('button', { name: /^encounters$/i })
      .or(page.getByRole('link', { name: /^encounters$/i }))
      .or(page.getByRole('tab', { name: /^encounters$/i }))
      .first()
      .click();
    await page.getByText(title).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'leader-encounters');
    await context.close();
  });

  it('employer volunteer: sees their profile and engagements', async () => {
    const { context, page } = await signIn('employer@acme.test');
    await page.getByText('Sam Patel').first().waitFor({ timeout: 30_000 });
    await page.getByText('Acme Engineering').first().waitFor();
    await page.getByText('Engineering careers talk').first().waitFor();
    await expectAccessible(page, 'employer-portal');
    await context.close();
  });

  it('alumni: sees their profile and the school they left', async () => {
    const { context, page } = await signIn('alumni@northfield.test');
    await page.getByText('Jordan Reid').first().waitFor({ timeout: 30_000 });
    await page.getByText('Northfield Academy').first().waitFor();
    await expectAccessible(page, 'alumni-portal');
    await context.close();
  });

  it('trust analyst: sees both schools of the trust', async () => {
    const { context, page } = await signIn('trust@waymark-trust.test');
    await page.getByText('Northfield Academy').first().waitFor({ timeout: 30_000 });
    await page.getByText('Southbank School').first().waitFor();
    await expectAccessible(page, 'trust-view');
    await context.close();
  });

  it("the other school's leader sees their own school and nothing of Northfield's pupils", async () => {
    const { context, page } = await signIn('leader@southbank.test');
    await page.getByText('Southbank School').first().waitFor({ timeout: 30_000 });
    expect(await page.getByText('Maya Okafor').count()).toBe(0);
    await context.close();
  });
});

describe('independent deployment of a remote', () => {
  it('shows a rebuilt pupil remote in the running shell without rebuilding the shell', async () => {
    const shellIndex = join(work, 'frontends', 'shell', 'dist', 'index.html');
    const shellBuiltAt = statSync(shellIndex).mtimeMs;
    const label = `redeploy-${randomBytes(3).toString('hex')}`;
    execFileSync(
      process.execPath,
      [
        join(root, 'frontends', 'pupil', 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--outDir',
        join(work, 'frontends', 'pupil', 'dist'),
        '--emptyOutDir',
      ],
      {
        cwd: join(root, 'frontends', 'pupil'),
        // A production build as a deployment would run it: under Vitest's variables the federation plugin stays out.
        env: {
          ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))),
          NODE_ENV: 'production',
          VITE_BUILD_LABEL: label,
        },
        stdio: 'pipe',
      },
    );
    expect(readFileSync(join(work, 'frontends', 'pupil', 'dist', 'remoteEntry.js'), 'utf8').length).toBeGreaterThan(0);
    const { context, page } = await signIn('pupil@northfield.test');
    await expect.poll(() => page.getByTestId('build-label').textContent(), { timeout: 30_000 }).toContain(label);
    expect(statSync(shellIndex).mtimeMs).toBe(shellBuiltAt);
    await context.close();
  });

  it("shows a rebuilt remote's changed style in the running shell without rebuilding the shell", async () => {
    const shellIndex = join(work, 'frontends', 'shell', 'dist', 'index.html');
    const shellBuiltAt = statSync(shellIndex).mtimeMs;
    const pupilDir = join(root, 'frontends', 'pupil');
    const recolour = 'rgb(123, 45, 67)';
    // "Download my record" is set off by a rule of the pupil portal's own stylesheet, not the shell's.
    const accent = (page: Page) => page.locator('[data-remote="pupil"] .wm-record-download').evaluate((element) => getComputedStyle(element).borderLeftColor);

    const before = await signIn('pupil@northfield.test');
    await before.page.locator('[data-remote="pupil"] .wm-record-download').waitFor({ timeout: 30_000 });
    expect(await accent(before.page)).not.toBe(recolour);
    await before.context.close();

    // The portal's source with one colour changed, built alone as a deployment would build it.
    const source = join(work, 'pupil-source');
    for (const entry of ['src', 'index.html', 'package.json', 'tsconfig.json', 'vite.config.ts'])
      cpSync(join(pupilDir, entry), join(source, entry), { recursive: true });
    symlinkSync(join(pupilDir, 'node_modules'), join(source, 'node_modules'), 'dir');
    const stylesheet = join(source, 'src', 'app', 'pupil.css');
    const css = readFileSync(stylesheet, 'utf8');
    const changed = css.replace('border-left: 4px solid var(--wm-brand);', `border-left: 4px solid ${recolour};`);
    expect(changed).not.toBe(css);
    writeFileSync(stylesheet, changed);
    execFileSync(
      process.execPath,
      [join(pupilDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', join(work, 'frontends', 'pupil', 'dist'), '--emptyOutDir'],
      {
        cwd: source,
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))), NODE_ENV: 'production' },
        stdio: 'pipe',
      },
    );

    const { context, page } = await signIn('pupil@northfield.test');
    await page.locator('[data-remote="pupil"] .wm-record-download').waitFor({ timeout: 30_000 });
    await expect.poll(() => accent(page), { timeout: 30_000 }).toBe(recolour);
    // The rule is the portal's alone: the same class outside the portal (here in the shell's header) is not touched.
    const outside = await page.locator('.wm-app-header').evaluate((header) => {
      const probe = document.createElement('div');
      probe.className = 'wm-record-download';
      header.append(probe);
      const colour = getComputedStyle(probe).borderLeftColor;
      probe.remove();
      return colour;
    });
    expect(outside).not.toBe(recolour);
    expect(statSync(shellIndex).mtimeMs).toBe(shellBuiltAt);
    await expectAccessible(page, 'pupil-restyled');
    await context.close();
  });
});
