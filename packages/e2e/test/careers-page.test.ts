// A school's public careers page in the browser (docs/domain-rules.md, "The public careers page"): the
// careers leader opens "Public careers page", finds the provider access statement drafted for them,
// is refused a malformed email and a review date in the past (the error summary leading to each field),
// then publishes, copies nothing by hand but reads the public address, and opens it signed out: the
// plain page shows the school's programme, contact, evaluation, review date and statement, and nothing
// about any pupil. Both pages are axe-clean with nothing sideways at 1,366 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { axeScan, fitsAtBothWidths, serious, startPortals, type Portals } from './browser.js';

let portals: Portals;

beforeAll(async () => {
  portals = await startPortals({ name: 'e2e-careers-page', shared: true });
});

afterAll(() => portals?.close());

const data = demoData();
const northfield = data.schools[0];
const HEADING = 'Public careers page';
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('public careers page', () => {
  it('the leader edits, is refused bad input, publishes, and anyone reads the page without signing in', async () => {
    const { context, page } = await portals.signIn('leader@northfield.test');
    await page.getByRole('navigation', { name: 'Careers programme' }).getByRole('button', { name: HEADING }).click();
    await page.getByRole('heading', { level: 1, name: HEADING }).waitFor({ timeout: 30_000 });
    await page.getByText('Not published: only you can see this page.').waitFor({ timeout: 30_000 });
    const statement = page.getByLabel('Statement', { exact: true });
    await expect.poll(() => statement.inputValue()).toContain(`come into ${northfield.name} to tell our pupils`);
    await fitsAtBothWidths(portals, page, HEADING, 'careers-page-empty');

    await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
    await page.getByLabel('Email address').fill('careers at northfield');
    await page.getByLabel('Phone number (optional)').fill('01632 960 555');
    await page.getByLabel('How you find out whether the programme is working').fill('Each summer we ask pupils, parents, staff and providers what helped.');
    await page.getByLabel('Next review date').fill(day(-2));
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    await publish.focus();
    await page.keyboard.press('Enter');

    // Both problems named at once, each linked to its field; nothing is published.
    const summary = page.locator('.wm-error-summary');
    await summary.getByRole('link', { name: /email address in the right form/ }).waitFor();
    await summary.getByRole('link', { name: 'The next review date must be today or later' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('wm-error-summary'))).toBe(true);
    await fitsAtBothWidths(portals, page, HEADING, 'careers-page-errors');
    await summary.getByRole('link', { name: /email address in the right form/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('publication-contact-email');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('careers@northfield.example');
    await page.getByLabel('Next review date').fill(day(200));

    // The preview shows what is in the form now.
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.locator('#publication-preview').getByText('Priya Shah, careers@northfield.example, 01632 960 555').waitFor();

    await publish.click();
    await page.getByText('Your careers page is published.').waitFor({ timeout: 30_000 });
    await page.getByText('Published: anyone can read this page at its public address.').waitFor();
    const address = await page.getByRole('textbox', { name: 'Public address' }).inputValue();
    expect(address).toBe(`${portals.stack.url}/schools/${northfield.urn}/careers`);
    await fitsAtBothWidths(portals, page, HEADING, 'careers-page-published');
    await context.close();

    // Signed out, in a fresh browser context: the plain public page.
    const visitor = await portals.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const publicPage = await visitor.newPage();
    const response = await publicPage.goto(address);
    expect(response?.status()).toBe(200);
    await publicPage.getByRole('heading', { level: 1, name: `Careers at ${northfield.name}` }).waitFor();
    for (const name of [
      'Our careers programme',
      'Contact our careers leader',
      'How we check the programme is working',
      'When this page is next reviewed',
      'Provider access policy statement',
    ]) {
      expect(await publicPage.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }).count(), name).toBe(1);
    }
    expect(await publicPage.getByRole('main').count()).toBe(1);
    expect(await publicPage.getByRole('link', { name: 'careers@northfield.example' }).getAttribute('href')).toBe('mailto:careers@northfield.example');
    const text = (await publicPage.textContent('body')) ?? '';
    expect(text).toContain('Each summer we ask pupils, parents, staff and providers what helped.');
    // The statement was left as drafted, so it names the contact given in the same save.
    expect(text).toContain('Contact Priya Shah, by email to careers@northfield.example or by phone on 01632 960 555.');
    for (const pupil of data.pupils) expect(text).not.toContain(`${pupil.legalForename} ${pupil.legalSurname}`);
    // The skip link is the first thing the keyboard reaches, and it leads to the main content.
    await publicPage.keyboard.press('Tab');
    expect(await publicPage.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    for (const width of [1366, 390]) {
      await publicPage.setViewportSize({ width, height: 900 });
      const overflow = await publicPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal scroll on the public page at ${width}px`).toBeLessThanOrEqual(0);
      await publicPage.screenshot({ path: `${portals.root}/test-results/careers-public-${width}.png`, fullPage: true });
      expect(serious(await axeScan(publicPage)), `axe on the public page at ${width}px`).toEqual([]);
    }
    // Printing hides the skip link and the contents list.
    await publicPage.emulateMedia({ media: 'print' });
    expect(await publicPage.getByRole('navigation', { name: 'On this page' }).isVisible()).toBe(false);
    await publicPage.emulateMedia({ media: 'screen' });

    // A school that has not published: a plain 404 that says nothing more.
    const missing = await publicPage.goto(`${portals.stack.url}/schools/${data.schools[1].urn}/careers`);
    expect(missing?.status()).toBe(404);
    await publicPage.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(serious(await axeScan(publicPage)), 'axe on the 404 page').toEqual([]);
    await visitor.close();
  });
});
