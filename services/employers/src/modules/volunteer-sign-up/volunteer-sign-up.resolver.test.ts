import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { demoData } from '@waymark/demo-data';
import { boundSql, withSystemAccess } from '@waymark/subgraph-kit';
import { makePrincipal, startTestSubgraph, type TestSubgraph } from '@waymark/subgraph-kit/testing';
import { createApp, employersService } from '../../app.js';

/*
 * Signed-up volunteers in the employers subgraph (docs/domain-rules.md, "Volunteering: sign-up and
 * alumni confirmation"). provisionSignedUpVolunteer answers the system credential alone and makes one
 * volunteer per account however often it is asked; a former pupil is confirmed or declined by the
 * school they chose from Waymark's list, matched by its id, and by no other: not even another school
 * with exactly the same name (common in England).
 */
const data = demoData();
const [northfield, southbank] = data.schools;
const trustId = data.trust.id;
const acme = data.employers.find((employer) => employer.name === 'Acme Engineering')!;
const identity: Principal = { ...SYSTEM_PRINCIPAL, accountId: 'identity' };
const northLeader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId });
const northStaff = makePrincipal({ roles: ['staff'], schoolId: northfield.id, trustId });
const southLeader = makePrincipal({ roles: ['careers_leader'], schoolId: southbank.id, trustId: southbank.trustId });
// Another school in England with exactly Northfield's name (in no trust here): a different id, the same words.
const twinNorthfield = { id: randomUUID(), name: northfield.name };
const twinLeader = makePrincipal({ roles: ['careers_leader'], schoolId: twinNorthfield.id });
const twinStaff = makePrincipal({ roles: ['staff'], schoolId: twinNorthfield.id });

const PROVISION = `mutation ($input: ProvisionSignedUpVolunteerInput!) { provisionSignedUpVolunteer(input: $input) { volunteerId employerId } }`;
const AWAITING = `{ alumniAwaitingConfirmation { volunteerId displayName jobTitle leftSchoolYear schoolNameGiven } }`;
const DECIDE = `mutation ($input: DecideAlumnusInput!) { decideAlumnus(input: $input) }`;
const MINE = `{ myAlumniConfirmation { status schoolNameGiven message } }`;

let subgraph: TestSubgraph;

function employerInput(accountId: string, overrides: Record<string, unknown> = {}) {
  return {
    accountId,
    kind: 'employer',
    name: 'Priya Shah',
    email: 'priya@acme.example',
    jobTitle: 'Design engineer',
    organisationName: 'ACME engineering',
    sector: 'C',
    sizeBand: '50-249',
    postcode: 'LS115AA',
    website: 'https://acme.example',
    ...overrides,
  };
}

function alumniInput(accountId: string, school: { id: string; name: string }, name = 'Jordan Lee') {
  return {
    accountId,
    kind: 'alumni',
    name,
    email: `${accountId}@example.com`,
    jobTitle: 'Nurse',
    schoolId: school.id,
    schoolName: school.name,
    yearLeft: 2015,
  };
}

const count = (sql: string, parameters: unknown[] = []) =>
  withSystemAccess(subgraph.orm, 'test: counting', async (em) => Number((await boundSql<{ n: string }>(em, sql, parameters)).rows[0].n));

const volunteerRow = (id: string) =>
  withSystemAccess(
    subgraph.orm,
    'test: a volunteer',
    async (em) =>
      (
        await boundSql<{ alumni_of_school_id: string | null; school_ids: string[]; employer_id: string | null; kind: string }>(
          em,
          'select * from volunteer where id = $1',
          [id],
        )
      ).rows[0],
  );

async function provision(input: Record<string, unknown>): Promise<{ volunteerId: string; employerId: string | null }> {
  const res = await subgraph.client.query<{ provisionSignedUpVolunteer: { volunteerId: string; employerId: string | null } }>(identity, PROVISION, { input });
  expect(res.errors).toBeUndefined();
  return res.data!.provisionSignedUpVolunteer;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(employersService, createApp);
});

afterAll(() => subgraph?.close());

describe('provisionSignedUpVolunteer', () => {
  it('refuses people and API keys, whatever their roles, and makes nothing', async () => {
    const before = await count('select count(*) as n from volunteer');
    for (const who of [
      makePrincipal({ roles: ['platform_admin'] }),
      northLeader,
      makePrincipal({ roles: ['employer_volunteer'] }),
      makePrincipal({ kind: 'api', roles: ['trust_analyst'], trustId, scopes: ['roster:write', 'reports:read'] }),
    ]) {
      const res = await subgraph.client.query(who, PROVISION, { input: employerInput(randomUUID()) });
      expect(res.data?.provisionSignedUpVolunteer ?? null, who.roles.join()).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count('select count(*) as n from volunteer')).toBe(before);
    expect(await count('select count(*) as n from signed_up_volunteer')).toBe(0);
  });

  it('makes the volunteer once per account, joining the employer with the same name and postcode, however often it is asked', async () => {
    const accountId = randomUUID();
    const employersBefore = await count('select count(*) as n from employer');
    const first = await provision(employerInput(accountId));
    expect(first.employerId).toBe(acme.id);
    // Again, and twice at once: the same ids, nothing new.
    const again = await Promise.all([provision(employerInput(accountId)), provision(employerInput(accountId)), provision(employerInput(accountId))]);
    for (const answer of again) expect(answer).toEqual(first);
    expect(await count('select count(*) as n from volunteer where id = $1', [first.volunteerId])).toBe(1);
    expect(await count('select count(*) as n from signed_up_volunteer where account_id = $1', [accountId])).toBe(1);
    expect(await count('select count(*) as n from volunteer where email = $1', ['priya@acme.example'])).toBe(1);
    expect(await count('select count(*) as n from employer')).toBe(employersBefore);
    expect(await volunteerRow(first.volunteerId)).toMatchObject({ kind: 'EMPLOYEE', employer_id: acme.id, school_ids: [] });
  });

  it('makes a new organisation once when none matches, even for two colleagues signing up at once', async () => {
    const employersBefore = await count('select count(*) as n from employer');
    const [a, b] = await Promise.all([
      provision(employerInput(randomUUID(), { organisationName: 'Kirkgate Bakery', postcode: 'LS1 6HB', email: 'a@kirkgate.example' })),
      provision(employerInput(randomUUID(), { organisationName: 'kirkgate bakery', postcode: 'LS16HB', email: 'b@kirkgate.example' })),
    ]);
    expect(a.employerId).not.toBeNull();
    expect(b.employerId).toBe(a.employerId);
    expect(a.volunteerId).not.toBe(b.volunteerId);
    expect(await count('select count(*) as n from employer')).toBe(employersBefore + 1);
  });

  it('answers a clear error for a sign-up missing what it needs, and saves nothing', async () => {
    const res = await subgraph.client.query(identity, PROVISION, { input: employerInput(randomUUID(), { organisationName: ' ' }) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await subgraph.client.query(identity, PROVISION, { input: { ...employerInput('not-an-id') } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // A former pupil with a school name but no school id (or not an id) cannot be matched to any school.
    for (const schoolId of [null, 'Northfield Academy']) {
      const alumnus = await subgraph.client.query(identity, PROVISION, { input: { ...alumniInput(randomUUID(), northfield), schoolId } });
      expect(alumnus.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await count('select count(*) as n from signed_up_volunteer')).toBe(3);
  });
});

describe('confirming former pupils', () => {
  let jordan: string;
  let alex: string;
  let southAlumnus: string;
  let twinAlumnus: string;

  beforeAll(async () => {
    jordan = (await provision(alumniInput(randomUUID(), northfield))).volunteerId;
    alex = (await provision(alumniInput(randomUUID(), northfield, 'Alex Moore'))).volunteerId;
    southAlumnus = (await provision(alumniInput(randomUUID(), southbank, 'Sam Green'))).volunteerId;
    twinAlumnus = (await provision(alumniInput(randomUUID(), twinNorthfield, 'Kim Ode'))).volunteerId;
  });

  it("lists to a school's leader and staff only the former pupils who chose it, without contact details", async () => {
    for (const who of [northLeader, northStaff]) {
      const res = await subgraph.client.query<{ alumniAwaitingConfirmation: { volunteerId: string; displayName: string; leftSchoolYear: number }[] }>(
        who,
        AWAITING,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.alumniAwaitingConfirmation.map((row) => row.volunteerId).sort()).toEqual([jordan, alex].sort());
      expect(res.data!.alumniAwaitingConfirmation.find((row) => row.volunteerId === jordan)).toMatchObject({
        displayName: 'Jordan Lee',
        leftSchoolYear: 2015,
        schoolNameGiven: northfield.name,
      });
    }
    const south = await subgraph.client.query<{ alumniAwaitingConfirmation: { volunteerId: string }[] }>(southLeader, AWAITING);
    expect(south.data!.alumniAwaitingConfirmation.map((row) => row.volunteerId)).toEqual([southAlumnus]);
  });

  it('refuses the list and the decision to pupils, volunteers, trust analysts, API keys and the system', async () => {
    for (const who of [
      makePrincipal({ roles: ['pupil'], schoolId: northfield.id, trustId, pupilId: data.pupils[0].id }),
      makePrincipal({ roles: ['alumni'], volunteerId: jordan }),
      makePrincipal({ roles: ['trust_analyst'], trustId }),
      makePrincipal({ kind: 'api', roles: ['careers_leader'], schoolId: northfield.id, trustId, scopes: ['reports:read'] }),
      identity,
    ]) {
      const list = await subgraph.client.query(who, AWAITING);
      expect(list.data?.alumniAwaitingConfirmation ?? null, who.roles.join()).toBeNull();
      expect(list.errors?.[0].extensions?.code, who.roles.join()).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      const decide = await subgraph.client.query(who, DECIDE, { input: { volunteerId: jordan, confirm: true } });
      expect(decide.errors?.[0].extensions?.code, who.roles.join()).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect(await volunteerRow(jordan)).toMatchObject({ alumni_of_school_id: null, school_ids: [] });
  });

  it('shows a former pupil to the school they chose only, not to another school with the same name, which can neither confirm nor decline them', async () => {
    // The twin school sees only the former pupil who chose it, never Northfield's, though the names are the same.
    for (const who of [twinLeader, twinStaff]) {
      const list = await subgraph.client.query<{ alumniAwaitingConfirmation: { volunteerId: string }[] }>(who, AWAITING);
      expect(list.errors).toBeUndefined();
      expect(list.data!.alumniAwaitingConfirmation.map((row) => row.volunteerId)).toEqual([twinAlumnus]);
    }
    for (const confirm of [true, false]) {
      const res = await subgraph.client.query(twinLeader, DECIDE, { input: { volunteerId: jordan, confirm, message: 'Not ours' } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await volunteerRow(jordan)).toMatchObject({ alumni_of_school_id: null, school_ids: [] });
    expect(await count(`select count(*) as n from signed_up_volunteer where volunteer_id = $1 and alumni_status = 'AWAITING'`, [jordan])).toBe(1);
  });

  it("refuses another school's leader, who can neither confirm nor decline, and changes nothing", async () => {
    for (const confirm of [true, false]) {
      const res = await subgraph.client.query(southLeader, DECIDE, { input: { volunteerId: jordan, confirm, message: 'Not ours' } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await volunteerRow(jordan)).toMatchObject({ alumni_of_school_id: null, school_ids: [] });
    expect(await count(`select count(*) as n from signed_up_volunteer where volunteer_id = $1 and alumni_status = 'AWAITING'`, [jordan])).toBe(1);
  });

  it('confirms: the former pupil becomes the school’s alumnus and volunteers with it; once only', async () => {
    const res = await subgraph.client.query<{ decideAlumnus: string }>(northLeader, DECIDE, {
      input: { volunteerId: jordan, confirm: true, message: 'Welcome back!' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.decideAlumnus).toBe('CONFIRMED');
    expect(await volunteerRow(jordan)).toMatchObject({ alumni_of_school_id: northfield.id, school_ids: [northfield.id] });
    const mine = await subgraph.client.query<{ myAlumniConfirmation: unknown }>(makePrincipal({ roles: ['alumni'], volunteerId: jordan }), MINE);
    expect(mine.data!.myAlumniConfirmation).toEqual({ status: 'CONFIRMED', schoolNameGiven: northfield.name, message: 'Welcome back!' });
    // Decided: off the list, and a second decision is refused.
    const list = await subgraph.client.query<{ alumniAwaitingConfirmation: { volunteerId: string }[] }>(northLeader, AWAITING);
    expect(list.data!.alumniAwaitingConfirmation.map((row) => row.volunteerId)).toEqual([alex]);
    const twice = await subgraph.client.query(northLeader, DECIDE, { input: { volunteerId: jordan, confirm: false, message: 'Changed my mind' } });
    expect(twice.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await volunteerRow(jordan)).toMatchObject({ alumni_of_school_id: northfield.id, school_ids: [northfield.id] });
  });

  it('declines only with a message, which the former pupil then reads; they never join the school', async () => {
    const silent = await subgraph.client.query(northStaff, DECIDE, { input: { volunteerId: alex, confirm: false, message: '  ' } });
    expect(silent.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(silent.errors?.[0].message).toContain('Say why');
    const res = await subgraph.client.query<{ decideAlumnus: string }>(northStaff, DECIDE, {
      input: { volunteerId: alex, confirm: false, message: 'We cannot find you in our records for 2015.' },
    });
    expect(res.data?.decideAlumnus).toBe('DECLINED');
    expect(await volunteerRow(alex)).toMatchObject({ alumni_of_school_id: null, school_ids: [] });
    const mine = await subgraph.client.query<{ myAlumniConfirmation: unknown }>(makePrincipal({ roles: ['alumni'], volunteerId: alex }), MINE);
    expect(mine.data!.myAlumniConfirmation).toEqual({
      status: 'DECLINED',
      schoolNameGiven: northfield.name,
      message: 'We cannot find you in our records for 2015.',
    });
  });
});

describe('confirmedAlumnus (asked by the destinations subgraph with the caller’s credential)', () => {
  const CONFIRMED = `{ confirmedAlumnus { volunteerId schoolId name yearLeft } }`;
  const ask = async (who: Principal) => (await subgraph.client.query<{ confirmedAlumnus: unknown }>(who, CONFIRMED)).data?.confirmedAlumnus ?? null;

  it('answers a confirmed alumnus about themself only; waiting, declined and employer volunteers, staff and the system get null', async () => {
    const waiting = (await provision(alumniInput(randomUUID(), northfield, 'Wren Hale'))).volunteerId;
    const declined = (await provision(alumniInput(randomUUID(), northfield, 'Dee Lane'))).volunteerId;
    const confirmed = (await provision(alumniInput(randomUUID(), northfield, 'Cal Rye'))).volunteerId;
    const employee = (await provision(employerInput(randomUUID()))).volunteerId;
    await subgraph.client.query(northLeader, DECIDE, { input: { volunteerId: declined, confirm: false, message: 'Not on our records.' } });
    await subgraph.client.query(northLeader, DECIDE, { input: { volunteerId: confirmed, confirm: true } });

    expect(await ask(makePrincipal({ roles: ['alumni'], volunteerId: confirmed }))).toEqual({
      volunteerId: confirmed,
      schoolId: northfield.id,
      name: 'Cal Rye',
      yearLeft: 2015,
    });
    expect(await ask(makePrincipal({ roles: ['alumni'], volunteerId: waiting }))).toBeNull();
    expect(await ask(makePrincipal({ roles: ['alumni'], volunteerId: declined }))).toBeNull();
    expect(await ask(makePrincipal({ roles: ['employer_volunteer'], volunteerId: employee, employerId: acme.id }))).toBeNull();
    // An employee volunteer holding the alumni role by mistake is still not an alumnus.
    expect(await ask(makePrincipal({ roles: ['alumni'], volunteerId: employee }))).toBeNull();
    expect(await ask(northLeader)).toBeNull();
    expect(await ask(identity)).toBeNull();
    // The demo's alumnus was confirmed by Northfield when the demo was made.
    const demo = data.volunteers.find((volunteer) => volunteer.email === 'alumni@northfield.test')!;
    expect(await ask(makePrincipal({ roles: ['alumni'], volunteerId: demo.id }))).toMatchObject({ volunteerId: demo.id, schoolId: northfield.id });
  });
});
