import type { ArgsDictionary, MiddlewareFn } from 'type-graphql';
import { auditRead, type AuditSink, type RequestContext } from '@waymark/subgraph-kit';
import { AuditService } from './audit.service.js';

/*
 * The hooks the pupils subgraph's resolvers carry (docs/audit-trail.md lists every field and
 * mutation that has one). Reads are noted and written once when the request has been answered;
 * changes are written in the same transaction as the change itself, so a change is never kept
 * without its event.
 */

/** The pupils subgraph writes its own entries straight into the trail. */
export const pupilsAuditSink: AuditSink = (ctx, entries) => new AuditService(ctx.em).write(ctx, 'pupils', entries);

/** `@UseMiddleware(auditPupilRead('flags'))` on a Pupil field that reveals something sensitive. */
export function auditPupilRead(field: string): MiddlewareFn<RequestContext> {
  return auditRead(pupilsAuditSink, field);
}

type ChangeSubject = { pupilId: string } | { schoolId: string; trustId: string | null; detail: string };

/**
 * Runs a mutation and its audit event in one transaction: the event is written when the mutation
 * succeeded (its result carries no error); if the event cannot be written, the change is rolled back.
 * `subjectOf` names what changed from the mutation's arguments and result: a pupil, or (for changes
 * to many pupils at once) a school. (A roster commit, which runs in the background in a transaction
 * of its own, writes its event in that transaction instead: see RosterImportService.)
 */
export function auditChange<Result extends { error: unknown } | null>(
  field: string,
  subjectOf: (args: ArgsDictionary, result: Result) => ChangeSubject | null,
): MiddlewareFn<RequestContext> {
  const record = async (context: RequestContext, args: ArgsDictionary, result: Result) => {
    const subject = result && !result.error ? subjectOf(args, result) : null;
    if (!subject) return;
    const target = 'pupilId' in subject ? { pupilId: subject.pupilId } : { pupilId: null, ...subject };
    await new AuditService(context.em).write(context, 'pupils', [{ ...target, action: 'CHANGE', fields: [field] }]);
  };
  // Every request already runs in a transaction of its own (subgraph-kit tenancy.ts): this is a
  // savepoint in it, so a change and its event stand or fall together.
  return async ({ args, context }, next) =>
    context.em.transactional(async () => {
      const result = (await next()) as Result;
      await record(context, args, result);
      return result;
    });
}
