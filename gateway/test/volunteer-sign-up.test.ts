import { describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import { GatewayClient } from './client.js';
import { useTestStack } from './test-stack.js';

/*
 * A volunteer who signs themself up, end to end through the real gateway, identity, employers and
 * pupils subgraphs on their own databases: once their email is confirmed, the employers subgraph
 * holds their volunteer record (and their organisation, joined by name and postcode), their session
 * carries its ids, and they can save their profile. A former pupil waits for the school they named:
 * its careers leader confirms them; another school's leader neither sees nor confirms them.
 */
const PUBLIC_ORIGIN = 'https://waymark.example.org';
const stack = useTestStack({ name: 'volunteer_sign_up', env: { WAYMARK_PUBLIC_ORIGIN: PUBLIC_ORIGIN } });
const data = demoData();
const [northfield] = data.schools;
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
      schoolName: northfield.name.toUpperCase(),
      yearLeft: '2014',
    });
    const waiting = await jordan.query<{ myAlumniConfirmation: { status: string } }>('{ myAlumniConfirmation { status } }');
    expect(waiting.data!.myAlumniConfirmation).toEqual({ status: 'AWAITING' });
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
});
