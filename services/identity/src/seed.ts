import type { Orm } from '@waymark/subgraph-kit';
import { demoData, DEMO_PASSWORD, type DemoOptions } from '@waymark/demo-data';
import { hashPassword, ROLES, type Role } from '@waymark/auth';
import { Account } from './modules/account/account.entity.js';
import { normaliseEmail } from './modules/account/account.principal.js';

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/**
 * Every demo account has the published demo password, so one hash (one salt) serves them all, made
 * once per process: scrypt at full cost takes a tenth of a second or more, and every test stack and
 * test file seeds afresh.
 */
let demoHash: Promise<string> | undefined;
const demoPasswordHash = (): Promise<string> => (demoHash ??= hashPassword(DEMO_PASSWORD));

/** Seeds the demo accounts, each with DEMO_PASSWORD, into an empty database; does nothing otherwise. */
export async function seedDemo(orm: Orm, options: DemoOptions = {}): Promise<void> {
  const em = orm.em.fork();
  if ((await em.count(Account, {})) > 0) return;
  const now = new Date();
  const accounts = demoData(new Date(), options).accounts;
  const passwordHash = await demoPasswordHash();
  accounts.forEach((account) => {
    em.create(Account, {
      id: account.id,
      email: normaliseEmail(account.email),
      displayName: account.displayName,
      passwordHash,
      roles: account.roles.filter(isRole),
      trustId: account.trustId,
      schoolId: account.schoolId,
      pupilId: account.pupilId,
      volunteerId: account.volunteerId,
      employerId: account.employerId,
      childPupilIds: [...account.childPupilIds],
      pupilLevelAccess: account.pupilLevelAccess,
      createdAt: now,
    });
  });
  await em.flush();
}
