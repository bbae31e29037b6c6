import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A school's public careers page through the real gateway and subgraphs: its careers leader publishes
 * it, and anyone reads it at /schools/<urn>/careers without signing in. It says nothing about any
 * pupil; an unpublished school and an unknown URN get the same plain 404; the query behind it is not
 * part of the API anyone can call.
 */
const stack = useTestStack({ name: 'careers_page', shared: true });
const data = demoData();
const [northfield, southbank] = data.schools;
const nextYear = `${new Date().getUTCFullYear() + 1}-07-15`;

const SAVE = `mutation ($input: CareersPageInput!, $publish: Boolean) {
  saveCareersPage(input: $input, publish: $publish) { page { published publicPath draftStatement } error { code fields { field message } } }
}`;
const PLAN = `mutation ($input: PlanItemInput!) { createPlanItem(input: $input) { error { code } } }`;

const page = (path: string, init: RequestInit = {}) => fetch(`${stack.url}${path}`, { redirect: 'manual', ...init });

async function leaderOf(email: string): Promise<GatewayClient> {
  const leader = new GatewayClient(stack.url);
  expect((await leader.signIn(email)).status).toBe(200);
  return leader;
}

describe('the public careers page', () => {
  it('is served without sign-in once published, with the programme, contact, evaluation, review and statement, and nothing about any pupil', async () => {
    const leader = await leaderOf('leader@northfield.test');
    const month = new Date().getUTCMonth();
    const academicYear = month >= 8 ? new Date().getUTCFullYear() : new Date().getUTCFullYear() - 1;
    const planned = await leader.query<{ createPlanItem: { error: unknown } }>(PLAN, {
      input: {
        academicYear,
        halfTerm: 'SPRING_1',
        yearGroups: [9],
        title: 'Local college taster morning',
        purpose: 'See what technical courses are like',
        benchmarks: [7],
        cdiAreas: [],
        forGroups: [],
      },
    });
    expect(planned.data!.createPlanItem.error).toBeNull();
    const draft = await leader.query<{ saveCareersPage: { page: { draftStatement: string } } }>(SAVE, {
      input: { contactName: 'Ms Dana Okoro', contactEmail: 'careers@northfield.example', contactPhone: '01632 960 555' },
    });
    const statement = draft.data!.saveCareersPage.page.draftStatement;
    expect(statement).toContain('Local college taster morning (Spring 1, Year 9)');

    // Not yet published: the same 404 as for a school that does not exist.
    const before = await page(`/schools/${northfield.urn}/careers`);
    expect(before.status).toBe(404);
    const beforeBody = await before.text();
    expect(beforeBody).not.toContain(northfield.name);

    const saved = await leader.query<{ saveCareersPage: { page: { published: boolean; publicPath: string } | null; error: unknown } }>(SAVE, {
      input: {
        contactName: 'Ms Dana Okoro',
        contactEmail: 'careers@northfield.example',
        contactPhone: '01632 960 555',
        evaluation: 'Every summer we ask pupils, parents, staff and providers what helped.',
        reviewOn: nextYear,
        premises: 'The library and the main hall.',
        statement,
      },
      publish: true,
    });
    expect(saved.data!.saveCareersPage.error).toBeNull();
    expect(saved.data!.saveCareersPage.page).toMatchObject({ published: true, publicPath: `/schools/${northfield.urn}/careers` });

    const response = await page(`/schools/${northfield.urn}/careers`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain(`<h1>Careers at ${northfield.name}</h1>`);
    expect(html).toContain('<a class="skip" href="#main">Skip to main content</a>');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('@media print');
    expect(html).toContain('Local college taster morning');
    expect(html).toContain('Benchmark 7: Encounters with further and higher education');
    expect(html).toContain('mailto:careers@northfield.example');
    expect(html).toContain('Every summer we ask pupils, parents, staff and providers what helped.');
    expect(html).toContain(`datetime="${nextYear}"`);
    expect(html).toContain('Provider access policy statement');
    expect(html).toContain('Year 12 to February of Year 13');
    expect(html).not.toContain('<script');
    for (const pupil of data.pupils) {
      expect(html).not.toContain(`${pupil.legalForename} ${pupil.legalSurname}`);
      expect(html).not.toContain(pupil.upn);
    }

    // The same for HEAD; other methods are refused.
    expect((await page(`/schools/${northfield.urn}/careers`, { method: 'HEAD' })).status).toBe(200);
    expect((await page(`/schools/${northfield.urn}/careers`, { method: 'POST' })).status).toBe(405);

    // An unknown URN and an unpublished school: the same plain page, naming no school.
    const unknown = await page('/schools/999999/careers');
    const unpublished = await page(`/schools/${southbank.urn}/careers`);
    expect([unknown.status, unpublished.status]).toEqual([404, 404]);
    const [unknownBody, unpublishedBody] = [await unknown.text(), await unpublished.text()];
    expect(unknownBody).toBe(unpublishedBody);
    expect(unknownBody).toBe(beforeBody);
    expect(unknownBody).not.toContain(southbank.name);
    // A malformed URN or another address under /schools/ is not looked up: the same page, not the portals.
    for (const path of ['/schools/not%20a%20urn/careers', '/schools/', `/schools/${northfield.urn}/careers/extra`]) {
      const other = await page(path);
      expect(other.status, path).toBe(404);
      expect(await other.text()).toBe(unknownBody);
    }

    // Unpublishing takes it down.
    const down = await leader.query<{ unpublishCareersPage: { error: unknown } }>('mutation { unpublishCareersPage { error { code } } }');
    expect(down.data!.unpublishCareersPage.error).toBeNull();
    expect((await page(`/schools/${northfield.urn}/careers`)).status).toBe(404);
  });

  it('keeps the query behind it out of the API: no caller reaches publishedCareersPage through /graphql', async () => {
    const query = `{ publishedCareersPage(urn: "${northfield.urn}") { schoolName } }`;
    const anonymous = await new GatewayClient(stack.url).query(query);
    expect(anonymous.status).toBe(401);
    for (const email of ['leader@northfield.test', 'leader@southbank.test']) {
      const signedIn = await (await leaderOf(email)).query<{ publishedCareersPage?: unknown }>(query);
      expect(signedIn.data?.publishedCareersPage).toBeUndefined();
      expect(signedIn.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it("lets only a school's own careers leader read or save its page", async () => {
    for (const email of ['dpl@northfield.test', 'pupil@northfield.test', 'parent@northfield.test', 'trust@waymark-trust.test', 'employer@acme.test']) {
      const someone = new GatewayClient(stack.url);
      expect((await someone.signIn(email)).status).toBe(200);
      const saving = await someone.query<{ saveCareersPage: unknown }>(SAVE, { input: { contactName: 'Taken over' }, publish: false });
      expect(saving.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await someone.query('{ careersPage { schoolName } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
