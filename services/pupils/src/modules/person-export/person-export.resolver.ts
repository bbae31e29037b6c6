import { Arg, Authorized, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DATA_PROTECTION_ROLES, isDataProtectionOfficer, type Principal } from '@waymark/auth';
import { AccessError, isUuid, mutationError, type ReferenceResolver, type RequestContext, type SubjectAccessPart } from '@waymark/subgraph-kit';
import { AuditService } from '../audit/audit.service.js';
import { openDataProtectionSchool } from '../subject-access/subject-access.access.js';
import { personPupilsSubjectAccess, pupilsAtSchool } from './person-export.service.js';
import { PersonSubjectAccessKind, PersonSubjectAccessStub, RecordPersonSubjectAccessInput, RecordPersonSubjectAccessResult } from './person-export.types.js';

/** The field a staff-started export of a parent, carer or volunteer notes in the data access log (docs/audit-trail.md). */
export const PERSON_SUBJECT_ACCESS_FIELD = 'personSubjectAccess';

/** The school whose careers leader or data protection lead asks, signed in as a person; FORBIDDEN for anyone else. */
const ONLY_DATA_PROTECTION = "Only a school's careers leader or data protection lead can export a person's data.";

function exportingSchool(principal: Principal): string {
  if (!isDataProtectionOfficer(principal) || !principal.schoolId) throw AccessError.forbidden(ONLY_DATA_PROTECTION);
  return principal.schoolId;
}

/** The same check, then the school's rows opened to the request (a data protection lead holds no staff scope). */
async function exportingSchoolOpened(ctx: RequestContext): Promise<string> {
  const schoolId = await openDataProtectionSchool(ctx);
  if (!schoolId) throw AccessError.forbidden(ONLY_DATA_PROTECTION);
  return schoolId;
}

/** `_entities` for PersonSubjectAccess: only for a careers leader or data protection lead, and only a well-formed account id. */
export const resolvePersonSubjectAccessReference: ReferenceResolver = async (reference, ctx) => {
  exportingSchool(ctx.principal);
  if (!isUuid(reference.id)) throw AccessError.forbidden();
  return Object.assign(new PersonSubjectAccessStub(), { id: reference.id });
};

const WHO: Record<PersonSubjectAccessKind, string> = {
  [PersonSubjectAccessKind.PARENT_OR_CARER]: 'a parent or carer',
  [PersonSubjectAccessKind.VOLUNTEER]: 'a volunteer',
};

function exportDetail(input: RecordPersonSubjectAccessInput): string {
  return `Subject-access export of ${WHO[input.kind]}: ${input.displayName.slice(0, 200)} (account ${input.accountId})`;
}

function recorded(count: number, childPupilIdsAtSchool: string[], error: RecordPersonSubjectAccessResult['error']): RecordPersonSubjectAccessResult {
  return Object.assign(new RecordPersonSubjectAccessResult(), { recorded: count, childPupilIdsAtSchool, error });
}

@Resolver(() => PersonSubjectAccessStub)
export class PersonSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "What the pupils subgraph holds about this person at the caller's school, as { source, sections: [{ title, rows }] }: comments they wrote, consent they set, and what the school's data access log recorded them doing. Careers leaders and data protection leads only.",
  })
  async pupilsSubjectAccess(@Root() person: PersonSubjectAccessStub, @Ctx() ctx: RequestContext): Promise<SubjectAccessPart> {
    if (!isUuid(person.id)) throw AccessError.forbidden();
    const schoolId = await exportingSchoolOpened(ctx);
    return personPupilsSubjectAccess(ctx.em, person.id, schoolId);
  }

  @Directive('@inaccessible')
  @Authorized(...DATA_PROTECTION_ROLES)
  @Mutation(() => RecordPersonSubjectAccessResult, {
    description:
      "Subgraph-to-subgraph only: before identity hands over a staff-started export of a parent, carer or volunteer, records it in the caller's school's data access log (called with the caller's own credential). A parent must have a child whose record the school holds; otherwise nothing is written and the answer says so. Answers which of the children are the school's.",
  })
  async recordPersonSubjectAccess(
    @Arg('input', () => RecordPersonSubjectAccessInput) input: RecordPersonSubjectAccessInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordPersonSubjectAccessResult> {
    const schoolId = await exportingSchoolOpened(ctx);
    if (!isUuid(input.accountId) || input.childPupilIds.length > 1000) return recorded(0, [], mutationError('AUDIT_ENTRIES_INVALID', 'A malformed export.'));
    const atSchool = input.kind === PersonSubjectAccessKind.PARENT_OR_CARER ? await pupilsAtSchool(ctx.em, input.childPupilIds, schoolId) : [];
    if (input.kind === PersonSubjectAccessKind.PARENT_OR_CARER && atSchool.length === 0) {
      return recorded(0, [], mutationError('PERSON_NOT_CONNECTED', 'This parent or carer has no child at your school.'));
    }
    await new AuditService(ctx.em).write(ctx, 'identity', [
      { pupilId: null, schoolId, trustId: ctx.principal.trustId, action: 'EXPORT', fields: [PERSON_SUBJECT_ACCESS_FIELD], detail: exportDetail(input) },
    ]);
    return recorded(1, atSchool, null);
  }
}
