import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@waymark/auth';
import { makePrincipal } from '@waymark/subgraph-kit/testing';
import { demoData, DEMO_PASSWORD } from '@waymark/demo-data';
import { IdentityHarness } from '../../../test/harness.js';
import { Account } from '../account/account.entity.js';
import { RecoveryCode } from '../second-factor/second-factor.entity.js';

/*
 * Account.identitySubjectAccess: a person's own account, devices, parent links and API keys, with
 * every secret named but never given; nobody else's, whoever asks. A pupil's export is an EXPORT
 * in their school's data access log (kept by the pupils subgraph, asked here for real).
 */
const data = demoData();
const byEmail = (email: string) => data.accounts.find((a) => a.email === email)!;
const pupilAccount = byEmail('pupil@northfield.test');
const parentAccount = byEmail('parent@northfield.test');
const analystAccount = byEmail('trust@waymark-trust.test');
const leaderAccount = byEmail('leader@northfield.test');

interface Part {
  source: string;
  sections: { title: string; rows: Record<string, unknown>[] }[];
}
const ME = '{ me { id identitySubjectAccess } }';
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id identitySubjectAccess } } }';
const LINK = 'mutation ($input: LinkParentAccountInput!) { linkParentAccount(input: $input) { account { id identitySubjectAccess } error { code } } }';

let h: IdentityHarness;

beforeAll(async () => {
  h = await IdentityHarness.start({ pupils: true });
});

afterAll(() => h?.close());

/** The principal exactly as the gateway gets it from signing in (which also makes a session). */
async function signIn(email: string): Promise<Principal> {
  const res = await h.internal<{ principal: Principal }>('/internal/sign-in', { email, password: DEMO_PASSWORD, userAgent: 'Test browser' });
  expect(res.status).toBe(200);
  return res.body.principal;
}

async function ownPart(principal: Principal): Promise<Part> {
  const res = await h.query<{ me: { id: string; identitySubjectAccess: Part } }>(principal, ME);
  expect(res.errors).toBeUndefined();
  return res.data!.me.identitySubjectAccess;
}

const rowsOf = (part: Part, title: string) => part.sections.find((s) => s.title === title)!.rows;

async function exportsBy(accountId: string): Promise<{ pupil_id: string; action: string; source: string; fields: string[] }[]> {
  return h.pupils!.orm.em.fork().execute(
    `select e.pupil_id, e.action, e.source, array(select f.field from audit_event_field f where f.event_id = e.id) as fields
     from audit_event e where e.actor_account_id = ? and e.action = 'EXPORT'`,
    [accountId],
  );
}

describe('Account.identitySubjectAccess for the person themself', () => {
  it("gives a pupil their account and devices, names the password without giving it, and records the export in their school's log", async () => {
    const pupil = await signIn(pupilAccount.email);
    const part = await ownPart(pupil);
    expect(part.source).toBe('identity');
    const [account] = rowsOf(part, 'Your account');
    expect(account).toMatchObject({
      id: pupilAccount.id,
      email: 'pupil@northfield.test',
      pupil_id: pupilAccount.pupilId,
      roles: ['pupil'],
      second_factor: 'Not set up',
    });
    expect(account.password).toMatch(/not included/);
    expect(account).not.toHaveProperty('password_hash');
    expect(rowsOf(part, 'Devices you are signed in on').map((row) => row.user_agent)).toContain('Test browser');
    expect(rowsOf(part, 'Children you are linked to as a parent or carer')).toEqual([]);
    expect(await exportsBy(pupilAccount.id)).toEqual([{ pupil_id: pupilAccount.pupilId, action: 'EXPORT', source: 'identity', fields: ['ownSubjectAccess'] }]);
  });

  it("lists a parent's linked children by id, and leaves the parent's log entries to the pupils subgraph", async () => {
    const parent = await signIn(parentAccount.email);
    const part = await ownPart(parent);
    expect(rowsOf(part, 'Children you are linked to as a parent or carer')).toEqual(parentAccount.childPupilIds.map((id) => ({ pupil_id: id })));
    expect(await exportsBy(parentAccount.id)).toEqual([]);
  });

  it('lists the API keys and webhook endpoints an analyst created and their second factor, and no secret, hash or code of any kind', async () => {
    const analyst = await signIn(analystAccount.email);
    const created = await h.query<{ createApiCredential: { credential: { id: string } } }>(
      analyst,
      'mutation { createApiCredential(input: { name: "Roster sync", scopes: ["roster:write"] }) { credential { id } } }',
    );
    const keyId = created.data!.createApiCredential.credential.id;
    const hook = await h.query<{ registerWebhookEndpoint: { endpoint: { id: string }; secret: string } }>(
      analyst,
      'mutation { registerWebhookEndpoint(input: { url: "http://localhost:9/hook", events: ["roster.import.committed"], scopes: ["roster:write"] }) { endpoint { id } secret } }',
    );
    const hookSecret = hook.data!.registerWebhookEndpoint.secret;
    // A second factor with two recovery codes, one used, written straight to the database.
    const em = h.orm.em.fork();
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await em.nativeUpdate(
      Account,
      { id: analystAccount.id },
      { mfaSecret: secret, mfaEnrolledAt: new Date(), mfaPendingSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' },
    );
    const codeHashes = ['a'.repeat(64), 'b'.repeat(64)];
    await em.insertMany(RecoveryCode, [
      { id: randomUUID(), accountId: analystAccount.id, codeHash: codeHashes[0], createdAt: new Date(), usedAt: null },
      { id: randomUUID(), accountId: analystAccount.id, codeHash: codeHashes[1], createdAt: new Date(), usedAt: new Date() },
    ]);

    const part = await ownPart(analyst);
    expect(rowsOf(part, 'API keys you created')).toEqual([
      expect.objectContaining({ id: keyId, name: 'Roster sync', scopes: ['roster:write'], trust_id: analystAccount.trustId }),
    ]);
    expect(rowsOf(part, 'API keys you created')[0].secret).toMatch(/not included/);
    expect(rowsOf(part, 'Webhook endpoints you registered')).toEqual([
      expect.objectContaining({ id: hook.data!.registerWebhookEndpoint.endpoint.id, url: 'http://localhost:9/hook', events: ['roster.import.committed'] }),
    ]);
    expect(rowsOf(part, 'Webhook endpoints you registered')[0].signing_secret).toMatch(/not included/);
    const [account] = rowsOf(part, 'Your account');
    expect(account.second_factor).toMatch(/^Set up\. .*not included$/);
    expect(account.second_factor_being_set_up).toMatch(/not included$/);
    expect(rowsOf(part, 'Recovery codes')).toEqual([expect.objectContaining({ not_used_yet: 1, used: 1 })]);

    const response = JSON.stringify(part);
    for (const stored of [...(await h.storedSecrets()), secret, 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU', ...codeHashes, hookSecret])
      expect(response).not.toContain(stored);
    // An analyst belongs to no pupil: nothing goes in a school's log.
    expect(await exportsBy(analystAccount.id)).toEqual([]);
  });
});

describe('Account.identitySubjectAccess for anyone else', () => {
  it("is refused to staff who get another person's account from a mutation", async () => {
    const leader = makePrincipal({ roles: ['careers_leader'], accountId: leaderAccount.id, schoolId: leaderAccount.schoolId, trustId: leaderAccount.trustId });
    const res = await h.query<{ linkParentAccount: { account: { id: string; identitySubjectAccess: unknown } } }>(leader, LINK, {
      input: { email: parentAccount.email, displayName: 'Grace Okafor', pupilId: pupilAccount.pupilId },
    });
    expect(res.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['linkParentAccount.account.identitySubjectAccess', 'FORBIDDEN']]);
    expect(res.data!.linkParentAccount.account).toEqual({ id: parentAccount.id, identitySubjectAccess: null });
  });

  it('is refused to a platform admin, who may resolve any account, and never resolves for anyone else or the gateway', async () => {
    const admin = makePrincipal({ roles: ['platform_admin'], accountId: randomUUID() });
    const asAdmin = await h.query<{ _entities: unknown[] }>(admin, ENTITIES, { r: [{ __typename: 'Account', id: pupilAccount.id }] });
    expect(asAdmin.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(asAdmin.data!._entities).toEqual([{ id: pupilAccount.id, identitySubjectAccess: null }]);

    const parent = makePrincipal({ roles: ['parent'], accountId: parentAccount.id, childPupilIds: parentAccount.childPupilIds });
    for (const who of [parent, SYSTEM_PRINCIPAL]) {
      const res = await h.query<{ _entities: unknown[] }>(who, ENTITIES, { r: [{ __typename: 'Account', id: pupilAccount.id }] });
      expect(res.data?._entities ?? [null]).toEqual([null]);
    }
  });
});
