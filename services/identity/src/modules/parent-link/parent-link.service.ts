import { randomInt, randomUUID } from 'node:crypto';
import { raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { hashPassword, type Principal } from '@waymark/auth';
import { FieldError, isUuid } from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { normaliseEmail } from '../account/account.principal.js';
import { isParentAccount, linkingSchool } from './parent-link.access.js';
import { ParentLinkErrors } from './parent-link.errors.js';
import { LinkParentAccountResult, UnlinkParentAccountResult, type LinkParentAccountInput, type UnlinkParentAccountInput } from './parent-link.inputs.js';

/** Which of `ids` the caller may see in the pupils subgraph (asked with the caller's own credential). */
export type VisiblePupilIds = (ids: string[]) => Promise<Set<string>>;

/**
 * Runs `work` on the service's entity manager with the database's tenant check lifted (a named request
 * bypass, `reason` saying why): a parent's account may have been made by another school, which the
 * caller's school cannot otherwise see, and a link taken off it leaves the account out of the
 * caller's sight. Only a parent's account is ever changed through it, and only for a pupil the pupils
 * subgraph has confirmed is the caller's school's.
 */
export type AnySchoolsAccounts = <T>(reason: string, work: () => Promise<T>) => Promise<T>;

const FIND_BY_EMAIL = 'linking a parent: the account with the email given, wherever it was made';
const ADD_CHILD = "linking a parent: adding the caller's pupil to a parent's account, wherever it was made";
const REMOVE_CHILD = "unlinking a parent: taking the caller's pupil off the parent's account";

const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 200;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Letters and digits nobody misreads (no 0/o, 1/l/i) when a printed password is typed in. */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const PASSWORD_GROUPS = 4;
const PASSWORD_GROUP_LENGTH = 4;

/** A temporary password such as `k7pq-9xmz-3hwd-ra4t`: 16 random characters, about 79 bits. */
export function newTemporaryPassword(): string {
  const groups = Array.from({ length: PASSWORD_GROUPS }, () =>
    Array.from({ length: PASSWORD_GROUP_LENGTH }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}

function fieldError(field: string, message: string): FieldError {
  return Object.assign(new FieldError(), { field, message });
}

function linked(account: Account | null, temporaryPassword: string | null, error: LinkParentAccountResult['error']): LinkParentAccountResult {
  return Object.assign(new LinkParentAccountResult(), { account, temporaryPassword, error });
}

function unlinked(accountId: string | null, error: UnlinkParentAccountResult['error']): UnlinkParentAccountResult {
  return Object.assign(new UnlinkParentAccountResult(), { accountId, error });
}

/**
 * Staff of a school link parents and carers to the school's pupils. A pupil counts as the
 * school's only when the pupils subgraph shows it to the caller; nothing is written otherwise.
 */
export class ParentLinkService {
  constructor(
    private readonly em: EntityManager,
    private readonly visiblePupilIds: VisiblePupilIds,
    private readonly anySchools: AnySchoolsAccounts,
  ) {}

  /**
   * Adds the pupil to the parent account with that email, or creates a parent account for the
   * caller's school with a temporary password (returned once, only its hash stored). An account
   * with the email that is not a parent's, or is disabled, is refused.
   */
  async link(principal: Principal, input: LinkParentAccountInput, now = new Date()): Promise<LinkParentAccountResult> {
    const school = linkingSchool(principal);
    const email = normaliseEmail(input.email);
    const displayName = input.displayName.trim();
    const problems: FieldError[] = [];
    if (!EMAIL_PATTERN.test(email)) problems.push(fieldError('email', 'Enter an email address, like name@example.com.'));
    else if (email.length > MAX_EMAIL_LENGTH) problems.push(fieldError('email', `Keep the email to ${MAX_EMAIL_LENGTH} characters.`));
    if (!displayName) problems.push(fieldError('displayName', "Give the parent's name."));
    if (displayName.length > MAX_NAME_LENGTH) problems.push(fieldError('displayName', `Keep the name to ${MAX_NAME_LENGTH} characters.`));
    if (problems.length > 0) return linked(null, null, ParentLinkErrors.invalid(problems));

    const pupilId = input.pupilId.toLowerCase();
    if (!(await this.isVisiblePupil(pupilId))) return linked(null, null, ParentLinkErrors.pupilNotFound());

    const existing = await this.anySchools(FIND_BY_EMAIL, () => this.em.findOne(Account, { email }));
    if (existing) return this.anySchools(ADD_CHILD, () => this.addChild(existing, pupilId));

    const temporaryPassword = newTemporaryPassword();
    const account = this.em.create(Account, {
      id: randomUUID(),
      email,
      displayName,
      passwordHash: await hashPassword(temporaryPassword),
      roles: ['parent'],
      trustId: school.trustId,
      schoolId: school.schoolId,
      childPupilIds: [pupilId],
      createdAt: now,
    });
    try {
      // A savepoint of the request's transaction, so a refused insert leaves the transaction usable.
      await this.em.transactional(() => this.em.flush());
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // Someone created an account with this email since we looked: link to it instead.
      this.em.clear();
      const raced = await this.anySchools(FIND_BY_EMAIL, () => this.em.findOne(Account, { email }));
      if (!raced) throw error;
      return this.anySchools(ADD_CHILD, () => this.addChild(raced, pupilId));
    }
    return linked(account, temporaryPassword, null);
  }

  /** Takes the pupil off the parent account. Staff of another school get the same answer as for an unknown account. */
  async unlink(principal: Principal, input: UnlinkParentAccountInput): Promise<UnlinkParentAccountResult> {
    linkingSchool(principal);
    const pupilId = input.pupilId.toLowerCase();
    if (!isUuid(input.accountId) || !(await this.isVisiblePupil(pupilId))) return unlinked(null, ParentLinkErrors.notFound());
    const account = await this.em.findOne(Account, { id: input.accountId });
    if (!account || !isParentAccount(account) || !account.childPupilIds.includes(pupilId)) return unlinked(null, ParentLinkErrors.notFound());
    // Read through the tenant check (the pupil is permitted by now); the write lifts it, as the account
    // may no longer show once the pupil is off it.
    await this.anySchools(REMOVE_CHILD, () =>
      this.em
        .createQueryBuilder(Account)
        .update({ childPupilIds: raw('array_remove(child_pupil_ids, ?::uuid)', [pupilId]) })
        .where({ id: account.id })
        .execute(),
    );
    return unlinked(account.id, null);
  }

  private async isVisiblePupil(pupilId: string): Promise<boolean> {
    return isUuid(pupilId) && (await this.visiblePupilIds([pupilId])).has(pupilId);
  }

  /** One statement, so two staff linking children to the same parent at once both land. */
  private async addChild(account: Account, pupilId: string): Promise<LinkParentAccountResult> {
    if (!isParentAccount(account)) return linked(null, null, ParentLinkErrors.notAParentAccount());
    if (account.disabledAt) return linked(null, null, ParentLinkErrors.accountDisabled());
    await this.em
      .createQueryBuilder(Account)
      .update({ childPupilIds: raw('array_append(child_pupil_ids, ?::uuid)', [pupilId]) })
      .where({ id: account.id, $not: { childPupilIds: { $contains: [pupilId] } } })
      .execute();
    const updated = await this.em.findOneOrFail(Account, { id: account.id }, { refresh: true });
    return linked(updated, null, null);
  }
}
