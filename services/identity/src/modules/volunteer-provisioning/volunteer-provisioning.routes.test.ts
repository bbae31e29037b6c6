import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIAL_HEADER, CredentialVerifier, type Principal } from '@waymark/auth';
import { testKeys } from '@waymark/subgraph-kit/testing';
import { DEMO_PASSWORD, demoData } from '@waymark/demo-data';
import { startMailCatcher, type MailCatcher } from '@waymark/stack';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';
import { VolunteerProvisioning } from './volunteer-provisioning.entity.js';
import type { ProvisionInput } from './volunteer-provisioning.calls.js';

/*
 * A signed-up volunteer's record in the employers subgraph, from identity's side, on a real identity
 * database with the real sign-up, confirmation and sign-in routes. Confirming the email writes an
 * outbox row in the same transaction and sends it; the account gets the ids the employers subgraph
 * answers, so the next principal carries them. When the employers subgraph is down, or its answer
 * is lost, the email is still confirmed and each sign-in sends the row again until it lands.
 *
 * The employers subgraph here is a small HTTP server in this file that keeps the contract of
 * provisionSignedUpVolunteer (tested on the employers database in the employers package): it
 * answers the system credential alone, and answers the same ids for the same account however often
 * it is asked. It records every request, so the tests count records made and calls sent.
 */
const ORIGIN = 'https://waymark.example.org';

interface EmployersStandIn {
  mode: 'up' | 'down' | 'lose-answer';
  requests: { kind: Principal['kind']; input: ProvisionInput }[];
  /** Records made, by account: what the employers database would hold. */
  made: Map<string, { volunteerId: string; employerId: string | null }>;
}

let catcher: MailCatcher;
let h: IdentityHarness;
let server: Server;
const employers: EmployersStandIn = { mode: 'up', requests: [], made: new Map() };

beforeAll(async () => {
  const verifier = new CredentialVerifier(testKeys().publicKeyPem);
  server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const verified = await verifier.verify(req.headers[CREDENTIAL_HEADER] as string | undefined);
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { input: ProvisionInput } };
      if (employers.mode === 'down') {
        res.writeHead(503, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ errors: [{ message: 'employers is starting' }] }));
      }
      if (!verified.ok) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ errors: [{ message: 'no credential' }] }));
      }
      employers.requests.push({ kind: verified.principal.kind, input: variables.input });
      if (verified.principal.kind !== 'system') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ data: null, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
      }
      const { accountId, kind } = variables.input;
      if (!employers.made.has(accountId)) employers.made.set(accountId, { volunteerId: randomUUID(), employerId: kind === 'employer' ? randomUUID() : null });
      // The record is made; the answer never arrives.
      if (employers.mode === 'lose-answer') return res.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { provisionSignedUpVolunteer: employers.made.get(accountId) } }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  catcher = await startMailCatcher();
  h = await IdentityHarness.start({
    mail: { smtpUrl: catcher.smtpUrl, from: 'Waymark <no-reply@waymark.example.org>' },
    employersUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
  });
});

afterAll(async () => {
  await h?.close();
  await catcher?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

let people = 0;
const password = 'correct horse battery';
const employerForm = () => ({
  kind: 'employer',
  name: 'Priya Shah',
  email: `priya${(people += 1)}@brightworks.test`,
  password,
  jobTitle: 'Civil engineer',
  organisationName: 'Brightworks Ltd',
  sector: 'F',
  sizeBand: 'MEDIUM',
  postcode: 'ls11 5aa',
  website: 'brightworks.example',
  origin: ORIGIN,
});

/** Signs up and follows the emailed link: the account id. */
async function signUpAndVerify(form: Record<string, unknown> & { email: string }): Promise<string> {
  expect((await h.internal('/internal/sign-up', form)).status).toBe(200);
  const mail = await catcher.waitFor(form.email, /Confirm your email/);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  expect(await h.internal('/internal/verify-email', { token })).toEqual({
    status: 200,
    body: { message: 'Your email address is confirmed. You can now sign in.' },
  });
  return (await h.orm.em.fork().findOneOrFail(Account, { email: form.email })).id;
}

const signIn = async (email: string, secret = password) => {
  const res = await h.internal<{ principal: Principal }>('/internal/sign-in', { email, password: secret, address: '198.51.100.9' });
  expect(res.status).toBe(200);
  return res.body.principal;
};
const account = (id: string) => h.orm.em.fork().findOneOrFail(Account, { id });
const outbox = (accountId: string) => h.orm.em.fork().findOne(VolunteerProvisioning, { accountId });
const requestsFor = (accountId: string) => employers.requests.filter((request) => request.input.accountId === accountId);

describe('a signed-up volunteer’s record in the employers subgraph', () => {
  it('is made when the email is confirmed, with the system credential; the account and the next principal carry its ids', async () => {
    employers.mode = 'up';
    const form = employerForm();
    const accountId = await signUpAndVerify(form);
    expect(requestsFor(accountId)).toEqual([
      {
        kind: 'system',
        input: expect.objectContaining({
          accountId,
          kind: 'employer',
          name: 'Priya Shah',
          email: form.email,
          organisationName: 'Brightworks Ltd',
          postcode: 'LS11 5AA',
          sector: 'F',
          sizeBand: 'MEDIUM',
          website: 'https://brightworks.example',
          schoolId: null,
          schoolName: null,
        }),
      },
    ]);
    const ids = employers.made.get(accountId)!;
    expect(await account(accountId)).toMatchObject({ volunteerId: ids.volunteerId, employerId: ids.employerId });
    expect(await outbox(accountId)).toMatchObject({ attempts: 1, lastError: null, deliveredAt: expect.any(Date) });
    expect(await signIn(form.email)).toMatchObject({ volunteerId: ids.volunteerId, employerId: ids.employerId, roles: ['employer_volunteer'] });
    // Delivered: signing in again sends nothing more.
    await signIn(form.email);
    expect(requestsFor(accountId)).toHaveLength(1);
  });

  it('when the employers subgraph is down, the email is still confirmed; each sign-in tries again, and the record is made once', async () => {
    employers.mode = 'down';
    const form = employerForm();
    const accountId = await signUpAndVerify(form);
    expect(await account(accountId)).toMatchObject({ volunteerId: null, employerId: null, awaitingVerificationSince: null });
    expect(await outbox(accountId)).toMatchObject({ attempts: 1, deliveredAt: null, lastError: expect.stringContaining('503') });
    // Still down: they sign in all the same, without the ids yet.
    expect(await signIn(form.email)).toMatchObject({ volunteerId: null, employerId: null });
    expect(await outbox(accountId)).toMatchObject({ attempts: 2, deliveredAt: null });

    employers.mode = 'up';
    const principal = await signIn(form.email);
    const ids = employers.made.get(accountId)!;
    expect(principal).toMatchObject({ volunteerId: ids.volunteerId, employerId: ids.employerId });
    expect(await account(accountId)).toMatchObject(ids);
    expect(await outbox(accountId)).toMatchObject({ attempts: 3, lastError: null, deliveredAt: expect.any(Date) });
    expect([...employers.made.keys()].filter((id) => id === accountId)).toHaveLength(1);
    await signIn(form.email);
    expect(requestsFor(accountId)).toHaveLength(1);
  });

  it('when the answer is lost, the next sign-in sends the same idempotency key and gets the same record', async () => {
    employers.mode = 'lose-answer';
    const form = employerForm();
    const accountId = await signUpAndVerify(form);
    const made = employers.made.get(accountId)!;
    expect(made).toBeDefined();
    expect(await account(accountId)).toMatchObject({ volunteerId: null });
    expect((await outbox(accountId))!.deliveredAt).toBeNull();

    employers.mode = 'up';
    expect(await signIn(form.email)).toMatchObject({ volunteerId: made.volunteerId, employerId: made.employerId });
    expect(requestsFor(accountId).map((request) => request.input.accountId)).toEqual([accountId, accountId]);
    expect(employers.made.get(accountId)).toEqual(made);
  });

  it("sends a former pupil's school (its id, and its name from Waymark's list) and year left; no organisation", async () => {
    employers.mode = 'up';
    const northfield = demoData().schools[0];
    const form = {
      kind: 'alumni',
      name: 'Sam Okafor',
      email: 'sam.okafor@provisioning.test',
      password,
      jobTitle: 'Nurse',
      schoolId: northfield.id,
      schoolName: northfield.name,
      yearLeft: '2015',
      origin: ORIGIN,
    };
    const accountId = await signUpAndVerify(form);
    expect(requestsFor(accountId)[0].input).toMatchObject({
      kind: 'alumni',
      schoolId: northfield.id,
      schoolName: northfield.name,
      yearLeft: 2015,
      organisationName: null,
    });
    expect(await account(accountId)).toMatchObject({ volunteerId: employers.made.get(accountId)!.volunteerId, employerId: null });
  });

  it('is never queued for an account that did not sign up as a volunteer, and a used link sends nothing', async () => {
    const before = employers.requests.length;
    expect((await h.internal('/internal/verify-email', { token: 'not-a-token' })).status).toBe(400);
    // A demo volunteer, made by the school's staff rather than sign-up, already has their record.
    expect(await signIn('employer@acme.test', DEMO_PASSWORD)).toMatchObject({ volunteerId: expect.any(String) });
    expect(employers.requests.length).toBe(before);
    expect(await h.orm.em.fork().count(VolunteerProvisioning, {})).toBe(4);
  });
});
