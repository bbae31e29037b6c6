import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { joinParts, OWN_SUBJECT_ACCESS_FIELD, requireOwnAccount, type SubjectAccessPart } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';
import { pupilsAuditSink } from '../audit/audit.client.js';
import { Account } from '../external/external.entity.js';
import { ownSurveyAnswers } from '../evaluation/evaluation.subject-access.js';
import { ownCareersPages } from '../publication/publication.subject-access.js';
import { ownEncountersSubjectAccess, ownPupilId } from './subject-access.service.js';

/** `Account.encountersSubjectAccess`: this subgraph's part of a person's own export ("Download my data"). */
@Resolver(() => Account)
export class AccountSubjectAccessResolver {
  @FieldResolver(() => GraphQLJSONObject, {
    nullable: true,
    description:
      "Download my data: everything the encounters subgraph holds about this person, as { source, sections: [{ title, rows }] }: a pupil's activities, reflections, guidance meetings (without the adviser's notes), agreed actions and interests; a volunteer's engagements (never the pupils there), the feedback they gave and the thanks (with the rating) they received; the surveys anyone answered, with their answers where the survey was not anonymous; the public careers page a careers leader last saved, with their name as saved. The person themself only; a pupil's export is recorded in their school's data access log.",
  })
  async encountersSubjectAccess(@Root() account: Account, @Ctx() ctx: EncountersContext): Promise<SubjectAccessPart> {
    requireOwnAccount(ctx.principal, account.id);
    const own = await ownEncountersSubjectAccess(ctx.em, ctx.principal);
    // Survey answers, when they gave any: a parent's, a member of staff's, a volunteer's.
    const answers = await ownSurveyAnswers(ctx);
    // The public careers page a careers leader saved, under their name.
    const pages = await ownCareersPages(ctx);
    const extra = [answers, pages].filter((part): part is SubjectAccessPart => part !== null);
    const part = extra.length > 0 ? joinParts('encounters', [own, ...extra]) : own;
    // A volunteer's export belongs to no school's log (docs/audit-trail.md).
    const pupilId = ownPupilId(ctx.principal);
    if (pupilId) ctx.audit.note(pupilsAuditSink, pupilId, 'EXPORT', OWN_SUBJECT_ACCESS_FIELD);
    return part;
  }
}
