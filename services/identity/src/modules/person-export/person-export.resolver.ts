import { Arg, Authorized, Ctx, Query, Resolver, type ClassType } from 'type-graphql';
import { DATA_PROTECTION_ROLES, isDataProtectionOfficer, type Principal } from '@waymark/auth';
import {
  AccessError,
  DomainError,
  isUuid,
  querySubgraph,
  withRequestBypass,
  type ReferenceResolver,
  type RequestContext,
  type SubjectAccessPart,
} from '@waymark/subgraph-kit';
import { Account } from '../account/account.entity.js';
import { normaliseEmail } from '../account/account.principal.js';
import { isParentAccount } from '../parent-link/parent-link.access.js';
import { identitySubjectAccess } from '../subject-access/subject-access.service.js';
import { RecordPersonSubjectAccessDocument, VolunteerOfMySchoolDocument } from './person-export.calls.js';
import { PersonSubjectAccess, PersonSubjectAccessKind } from './person-export.types.js';

class PersonExportError extends DomainError<'PERSON_NOT_FOUND'> {
  /** One answer for "no such person" and "not connected to your school": nobody learns who uses Waymark elsewhere. */
  static notFound(): PersonExportError {
    return new PersonExportError('NOT_FOUND', 'PERSON_NOT_FOUND', 'No parent, carer or volunteer connected to your school has that email address.');
  }
}

const VOLUNTEER_ROLES = new Set(['employer_volunteer', 'alumni']);

/** The kind of person a school may export: a parent or carer (and nothing else), or a volunteer (and nothing else). */
function kindOf(account: Account): PersonSubjectAccessKind | null {
  if (isParentAccount(account)) return PersonSubjectAccessKind.PARENT_OR_CARER;
  if (account.roles.length > 0 && account.roles.every((role) => VOLUNTEER_ROLES.has(role)) && isUuid(account.volunteerId)) {
    return PersonSubjectAccessKind.VOLUNTEER;
  }
  return null;
}

function exportingSchool(principal: Principal): string {
  if (!isDataProtectionOfficer(principal) || !principal.schoolId) {
    throw AccessError.forbidden("Only a school's careers leader or data protection lead can export a person's data.");
  }
  return principal.schoolId;
}

const CHILDREN_SECTION = 'Children you are linked to as a parent or carer';

/**
 * A parent's links name only the children whose records the exporting school holds: a child at
 * another school is that school's to tell about, not this one's.
 */
function onlyChildrenAt(part: SubjectAccessPart, pupilIds: readonly string[]): SubjectAccessPart {
  const allowed = new Set(pupilIds);
  return {
    ...part,
    sections: part.sections.map((section) =>
      section.title === CHILDREN_SECTION ? { ...section, rows: section.rows.filter((row) => allowed.has(String(row.pupil_id))) } : section,
    ),
  };
}

/** PersonSubjectAccess is made only by `personSubjectAccess`; `_entities` never hands one out here. */
export const refusePersonSubjectAccessReference: ReferenceResolver = () => Promise.reject(AccessError.forbidden());

/**
 * `personSubjectAccess`: the careers leader or data protection lead of a school exports a parent, carer
 * or volunteer connected to it. The connection is checked where it is kept, with the caller's own
 * credential: a parent's children with the pupils subgraph (which also records the export in the school's
 * data access log, and refuses when none of the children is the school's), a volunteer with the employers
 * subgraph. Each app gets its own class holding those addresses.
 */
export function personExportResolver(config: { pupilsUrl: string; employersUrl: string }): ClassType {
  @Resolver()
  class PersonExportResolver {
    @Authorized(...DATA_PROTECTION_ROLES)
    @Query(() => PersonSubjectAccess, {
      nullable: true,
      description:
        "Careers leaders and data protection leads: a subject-access export of a parent or carer (with a child at the caller's school) or a volunteer (who volunteers with it), found by email. Each subgraph adds its part; recorded in the school's data access log.",
    })
    async personSubjectAccess(@Arg('email') email: string, @Ctx() ctx: RequestContext): Promise<PersonSubjectAccess> {
      exportingSchool(ctx.principal);
      // A parent's account is the school's that made it, a volunteer's no school's: found wherever it is,
      // and nothing about it is answered until the pupils or employers subgraph confirms the connection.
      const account =
        email.length <= 254
          ? await withRequestBypass(ctx, "a school's subject-access export: the account with the email given", (em) =>
              em.findOne(Account, { email: normaliseEmail(email) }),
            )
          : null;
      const kind = account ? kindOf(account) : null;
      if (!account || !kind) throw PersonExportError.notFound();
      if (kind === PersonSubjectAccessKind.VOLUNTEER) {
        const answer = await querySubgraph(ctx, config.employersUrl, 'Volunteer connection', VolunteerOfMySchoolDocument, {
          volunteerId: account.volunteerId!,
        });
        if (answer.volunteerOfMySchool !== true) throw PersonExportError.notFound();
      }
      const record = await querySubgraph(ctx, config.pupilsUrl, 'Recording the export', RecordPersonSubjectAccessDocument, {
        input: {
          accountId: account.id,
          displayName: account.displayName,
          kind,
          childPupilIds: kind === PersonSubjectAccessKind.PARENT_OR_CARER ? [...account.childPupilIds] : [],
        },
      });
      if (record.recordPersonSubjectAccess.error?.code === 'PERSON_NOT_CONNECTED') throw PersonExportError.notFound();
      // Nothing leaves unless the data access log holds the export.
      if (record.recordPersonSubjectAccess.recorded !== 1) throw new Error('The export could not be recorded in the data access log.');
      return Object.assign(new PersonSubjectAccess(), {
        id: account.id,
        displayName: account.displayName,
        email: account.email,
        kind,
        volunteerId: kind === PersonSubjectAccessKind.VOLUNTEER ? account.volunteerId : null,
        exportedAt: new Date(),
        identitySubjectAccess: onlyChildrenAt(
          await withRequestBypass(ctx, "a school's subject-access export: the rows of the person whose export the data access log recorded", (em) =>
            identitySubjectAccess(em, account.id),
          ),
          record.recordPersonSubjectAccess.childPupilIdsAtSchool,
        ),
      });
    }
  }
  return PersonExportResolver;
}
