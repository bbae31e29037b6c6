import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A volunteer who signs themself up, end to end through the real gateway, identity, employers and
 * pupils subgraphs on their own databases: once their email is confirmed, the employers subgraph
 * holds their volunteer record (and their organisation, joined by name and postcode), their session
 * carries its ids, and they can save their profile. A former pupil finds their school in Waymark's
 * list (POST /auth/find-school) and waits for the school they chose, by its id: its careers leader
 * confirms them; another school's leader neither sees nor confirms them.
 */
const PUBLIC_ORIGIN = 'https://waymark.example.org';
const stack = useTestStack({ name: 'volunteer_sign_up', env: { WAYMARK_PUBLIC_ORIGIN: PUBLIC_ORIGIN } });
const data = demoData();
const [northfield, southbank] = data.schools;
const acme = data.employers.find((employer) => employer.name === 'Acme Engineering')!;
const PASSWORD = 'twelve or more characters';

const post = (path: string, body: unknown) =>
  fetch(`${stack.url}/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function signUpAndVerify(form: Record<string, unknown> & { email: string }): Promise<GatewayClient> {
  expect((await post('sign-up', form)).status).toBe(200);
  const mail = await stack.mail!.waitFor(form.email, /Confirm your email/);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  expect((await post('verify-email', { token })).status).toBe(200);
  const client = new GatewayClient(stack.url);
  expect((await client.signIn(form.email, PASSWORD)).status).toBe(200);
  return client;
}

const PROFILE = '{ myVolunteerProfile { id displayName jobTitle employer { id name } } }';

describe('signing up to volunteer', () => {
  it('gives an employer volunteer their record, joined to their organisation, and lets them save their profile', async () => {
    const priya = await signUpAndVerify({
      kind: 'employer',
      name: 'Priya Shah',
      email: 'priya.shah@acme-signup.test',
      password: PASSWORD,
      jobTitle: 'Design engineer',
      organisationName: 'acme engineering',
      sector: 'C',
      sizeBand: 'MEDIUM',
      postcode: 'ls11 5aa',
    });
    const mine = await priya.query<{ myVolunteerProfile: { id: string; displayName: string; jobTitle: string; employer: { id: string; name: string } } }>(
      PROFILE,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myVolunteerProfile).toMatchObject({ displayName: 'Priya Shah', jobTitle: 'Design engineer', employer: { id: acme.id, name: acme.name } });
    const saved = await priya.query<{ updateMyVolunteerProfile: { error: unknown } }>(
      'mutation ($input: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $input) { error { code } } }',
      { input: { activities: ['TALK'], sectors: ['C'], homePostcode: 'LS11 5AA', reach: 'DISTRICTS', districts: ['LS6'], availability: 'Tuesdays' } },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateMyVolunteerProfile.error).toBeNull();
    // Signing in again: the same record, no second one.
    const again = new GatewayClient(stack.url);
    expect((await again.signIn('priya.shah@acme-signup.test', PASSWORD)).status).toBe(200);
    expect((await again.query<{ myVolunteerProfile: { id: string } }>(PROFILE)).data!.myVolunteerProfile.id).toBe(mine.data!.myVolunteerProfile.id);
  });

  it("lets a former pupil's school confirm them, and no other school", async () => {
    const jordan = await signUpAndVerify({
      kind: 'alumni',
      name: 'Jordan Lee',
      email: 'jordan.lee@alumni-signup.test',
      password: PASSWORD,
      jobTitle: 'Paramedic',
      schoolId: northfield.id,
      // Never taken: the name shown is Waymark's own for the school chosen.
      schoolName: 'Southbank School',
      yearLeft: '2014',
    });
    const waiting = await jordan.query<{ myAlumniConfirmation: { status: string } }>('{ myAlumniConfirmation { status schoolNameGiven } }');
    expect(waiting.data!.myAlumniConfirmation).toEqual({ status: 'AWAITING', schoolNameGiven: northfield.name });
    const volunteerId = (await jordan.query<{ myVolunteerProfile: { id: string } }>(PROFILE)).data!.myVolunteerProfile.id;

    const other = new GatewayClient(stack.url);
    expect((await other.signIn('leader@southbank.test')).status).toBe(200);
    const otherList = await other.query<{ alumniAwaitingConfirmation: { volunteerId: string }[] }>('{ alumniAwaitingConfirmation { volunteerId } }');
    expect(otherList.data!.alumniAwaitingConfirmation.map((row) => row.volunteerId)).not.toContain(volunteerId);
    const refused = await other.query('mutation ($input: DecideAlumnusInput!) { decideAlumnus(input: $input) }', { input: { volunteerId, confirm: true } });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const leader = new GatewayClient(stack.url);
    expect((await leader.signIn('leader@northfield.test')).status).toBe(200);
    const list = await leader.query<{ alumniAwaitingConfirmation: { volunteerId: string; displayName: string; leftSchoolYear: number }[] }>(
      '{ alumniAwaitingConfirmation { volunteerId displayName leftSchoolYear } }',
    );
    expect(list.data!.alumniAwaitingConfirmation).toContainEqual({ volunteerId, displayName: 'Jordan Lee', leftSchoolYear: 2014 });
    const confirmed = await leader.query<{ decideAlumnus: string }>('mutation ($input: DecideAlumnusInput!) { decideAlumnus(input: $input) }', {
      input: { volunteerId, confirm: true, message: 'Welcome back to Northfield!' },
    });
    expect(confirmed.data?.decideAlumnus).toBe('CONFIRMED');
    const volunteers = await leader.query<{ volunteers: { id: string }[] }>('{ volunteers { id } }');
    expect(volunteers.data!.volunteers.map((row) => row.id)).toContain(volunteerId);
    expect((await jordan.query<{ myAlumniConfirmation: unknown }>('{ myAlumniConfirmation { status message } }')).data!.myAlumniConfirmation).toEqual({
      status: 'CONFIRMED',
      message: 'Welcome back to Northfield!',
    });
  });

  it('finds schools for the sign-up form by part of their name, with only what is public', async () => {
    const found = await post('find-school', { query: '  north ' });
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({
      schools: [{ id: northfield.id, name: northfield.name, localAuthority: northfield.localAuthority, urn: northfield.urn }],
    });
    const none = await post('find-school', { query: 'no such school anywhere' });
    expect(await none.json()).toEqual({ schools: [] });
    for (const query of ['ab', '  ', 42, undefined]) {
      const short = await post('find-school', { query });
      expect(short.status).toBe(400);
      expect(((await short.json()) as { error: string }).error).toContain('at least 3 letters');
    }
  });

  it('refuses a former pupil whose school is not one of Waymark’s, and saves nothing', async () => {
    for (const schoolId of [randomUUID(), 'Northfield Academy']) {
      const email = `kim.${schoolId.length}@alumni-signup.test`;
      const res = await post('sign-up', {
        kind: 'alumni',
        name: 'Kim Ode',
        email,
        password: PASSWORD,
        jobTitle: 'Nurse',
        schoolId,
        schoolName: northfield.name,
        yearLeft: '2015',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ problems: [{ field: 'schoolId', message: expect.stringContaining('choose it from the list') }] });
      expect((await new GatewayClient(stack.url).signIn(email, PASSWORD)).status).toBe(401);
    }
    // A name alone is no choice either.
    const named = await post('sign-up', {
      kind: 'alumni',
      name: 'Kim Ode',
      email: 'kim@alumni-signup.test',
      password: PASSWORD,
      jobTitle: 'Nurse',
      schoolName: southbank.name,
      yearLeft: '2015',
    });
    expect(named.status).toBe(400);
    expect(((await named.json()) as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['schoolId']);
    expect(stack.mail!.messages().filter((mail) => mail.to.some((to) => to.startsWith('kim')))).toEqual([]);
  });
});
