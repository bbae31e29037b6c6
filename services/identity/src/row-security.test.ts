import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoData } from '@waymark/demo-data';
import type { Principal } from '@waymark/auth';
import { beginRequestTransaction, openDatabase, type Orm } from '@waymark/subgraph-kit';
import { describeRowSecurity, makePrincipal, testDatabase } from '@waymark/subgraph-kit/testing';
import { identityService } from './app.js';
import { Account } from './modules/account/account.entity.js';
import { ApiCredential } from './modules/api-credential/api-credential.entity.js';
import { PupilLevelAccessChange } from './modules/pupil-level-access/pupil-level-access.entity.js';

// The database's own tenant check on the identity tables (docs/security.md, "Row-level security").
const data = demoData();
const [northfield, southbank] = data.schools;
const byEmail = (email: string) => data.accounts.find((a) => a.email === email)!;
const leader = makePrincipal({ roles: ['careers_leader'], schoolId: northfield.id, trustId: northfield.trustId });

describeRowSecurity({ definition: identityService, tables: ['account', 'api_credential', 'pupil_level_access_change'], leader, otherSchoolId: southbank.id });

/** The principal a seeded account signs in as. */
function principalOf(email: string): Principal {
  const a = byEmail(email);
  return makePrincipal({
    accountId: a.id,
    roles: [...a.roles] as Principal['roles'],
    schoolId: a.schoolId,
    trustId: a.trustId,
    pupilId: a.pupilId,
    volunteerId: a.volunteerId,
    childPupilIds: [...a.childPupilIds],
  });
}

describe('row-level security in identity, person by person', () => {
  const db = testDatabase('identity');
  let orm: Orm;
  const otherTrustId = randomUUID();
  const otherParentId = randomUUID();
  const otherTrustAnalystId = randomUUID();
  const ourHiddenAnalystId = randomUUID();
  const ourChangeId = randomUUID();

  beforeAll(async () => {
    orm = await openDatabase({ service: 'identity', entities: identityService.entities, migrations: identityService.migrations, ...db.options });
    await identityService.seed!(orm, { secondTrust: false });
    const em = orm.em.fork();
    const key = (trustId: string, name: string) => ({
      id: randomUUID(),
      trustId,
      name,
      secretHash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      scopes: ['roster:write'],
      createdAt: new Date(),
    });
    await em.insertMany(ApiCredential, [key(data.trust.id, 'Ours'), key(otherTrustId, 'Theirs')]);
    // An analyst of another trust, and a disabled one of ours (the policy shows it; the resolvers leave it out).
    const analyst = (id: string, trustId: string, disabledAt: Date | null) => ({
      id,
      email: `${id}@example.test`,
      displayName: 'Analyst',
      passwordHash: 'x',
      roles: ['trust_analyst' as const],
      trustId,
      createdAt: new Date(),
      disabledAt,
    });
    await em.insertMany(Account, [analyst(otherTrustAnalystId, otherTrustId, null), analyst(ourHiddenAnalystId, data.trust.id, new Date())]);
    const change = (id: string, trustId: string, accountId: string) => ({
      id,
      trustId,
      accountId,
      granted: true,
      changedById: accountId,
      changedByName: 'Analyst',
      changedAt: new Date(),
    });
    await em.insertMany(PupilLevelAccessChange, [
      change(ourChangeId, data.trust.id, byEmail('trust@waymark-trust.test').id),
      change(randomUUID(), otherTrustId, otherTrustAnalystId),
    ]);
    // A second parent of the same child, linked by the same school.
    const parent = byEmail('parent@northfield.test');
    await em.insert(Account, {
      id: otherParentId,
      email: 'second.parent@example.test',
      displayName: 'Second Parent',
      passwordHash: 'x',
      roles: ['parent'],
      trustId: parent.trustId,
      schoolId: parent.schoolId,
      childPupilIds: [...parent.childPupilIds],
      createdAt: new Date(),
    });
  });

  afterAll(async () => {
    await orm?.close(true);
    await db.dispose();
  });

  /** The ids `principal` reads from `table` with no `where`, as its requests do. */
  async function ids(principal: Principal, table: string): Promise<string[]> {
    const transaction = await beginRequestTransaction(orm.em.fork(), principal);
    try {
      const rows = await transaction.em.execute<{ id: string }[]>(`select id from "${table}" order by id`);
      return rows.map((row) => row.id);
    } finally {
      await transaction.end(false);
    }
  }

  it("a trust analyst reads their trust's API keys and pupil-level access changes only, and of the accounts only their trust's analysts'", async () => {
    const analyst = principalOf('trust@waymark-trust.test');
    const keys = await orm.em.fork().find(ApiCredential, {});
    expect(await ids(analyst, 'api_credential')).toEqual(keys.filter((k) => k.trustId === data.trust.id).map((k) => k.id));
    expect(await ids(analyst, 'pupil_level_access_change')).toEqual([ourChangeId]);
    const analysts = data.accounts.filter((a) => a.trustId === data.trust.id && a.roles.includes('trust_analyst')).map((a) => a.id);
    expect(analysts).toHaveLength(2);
    expect(await ids(analyst, 'account')).toEqual([...analysts, ourHiddenAnalystId].sort());
    expect(await ids(makePrincipal({ roles: ['trust_analyst'], trustId: otherTrustId }), 'account')).toEqual([otherTrustAnalystId]);
  });

  it("a trust analyst cannot change another trust's analyst, nor a school's account of their own trust", async () => {
    const analyst = principalOf('trust@waymark-trust.test');
    const transaction = await beginRequestTransaction(orm.em.fork(), analyst);
    try {
      expect(await transaction.em.nativeUpdate(Account, { id: otherTrustAnalystId }, { pupilLevelAccess: true })).toBe(0);
      expect(await transaction.em.nativeUpdate(Account, { id: byEmail('leader@northfield.test').id }, { pupilLevelAccess: true })).toBe(0);
    } finally {
      await transaction.end(false);
    }
    expect((await orm.em.fork().findOneOrFail(Account, { id: otherTrustAnalystId })).pupilLevelAccess).toBe(false);
  });

  it('a school’s staff read no API keys', async () => {
    expect(await ids(leader, 'api_credential')).toEqual([]);
  });

  it('a pupil reads their own account and nobody else’s', async () => {
    expect(await ids(principalOf('pupil@northfield.test'), 'account')).toEqual([byEmail('pupil@northfield.test').id]);
  });

  it('a parent reads no other parent’s account, even of a child they share', async () => {
    const read = await ids(principalOf('parent@northfield.test'), 'account');
    expect(read).not.toContain(otherParentId);
    expect(read).toEqual([byEmail('pupil@northfield.test').id]);
  });

  it('a data protection lead, a volunteer and the gateway read no accounts', async () => {
    for (const email of ['dpl@northfield.test', 'employer@acme.test']) expect(await ids(principalOf(email), 'account'), email).toEqual([]);
  });

  it("a school's staff cannot change another school's account, nor make an account for another school", async () => {
    const other = byEmail('leader@southbank.test');
    const transaction = await beginRequestTransaction(orm.em.fork(), leader);
    try {
      expect(await transaction.em.nativeUpdate(Account, { id: other.id }, { displayName: 'Changed' })).toBe(0);
      await expect(
        transaction.em.insert(Account, {
          id: randomUUID(),
          email: 'planted@example.test',
          displayName: 'Planted',
          passwordHash: 'x',
          roles: ['careers_leader'],
          schoolId: southbank.id,
          createdAt: new Date(),
        }),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await transaction.end(false);
    }
    expect((await orm.em.fork().findOneOrFail(Account, { id: other.id })).displayName).toBe(other.displayName);
  });
});
