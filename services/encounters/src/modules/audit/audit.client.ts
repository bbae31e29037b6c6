import type { MiddlewareFn } from 'type-graphql';
import { asksFor, type AuditSink, type RequestContext } from '@waymark/subgraph-kit';
import type { EncountersContext } from '../../app.js';

/*
 * The audit trail lives in the pupils subgraph (docs/audit-trail.md). This subgraph notes what a
 * request read or changed of a pupil's guidance record and, when the request has been answered, sends
 * it there in one call made with the caller's own credential; the pupils subgraph accepts it only
 * about pupils that caller may read. If the call fails, this subgraph's answer becomes an error.
 */

/**
 * This subgraph's one sink (a request's collector takes a single sink): the pupils subgraph that the
 * request's own app asks, `ctx.deps.pupils`, which createApp gives every request of the app.
 */
export const pupilsAuditSink: AuditSink = (ctx, entries) => (ctx as EncountersContext).deps.pupils.recordAudit(ctx, entries);

/** On `Pupil.guidanceMeetings`: a READ of `guidanceNotes` for each pupil whose notes the answer shows. */
export function auditGuidanceNotes(sink: AuditSink): MiddlewareFn<RequestContext> {
  return async ({ context, info }, next) => {
    const meetings = (await next()) as { notes: string | null; pupil: { id: string } }[] | null;
    if (meetings && asksFor(info, [], ['notes'])) {
      for (const meeting of meetings) if (meeting.notes !== null) context.audit.note(sink, meeting.pupil.id, 'READ', 'guidanceNotes');
    }
    return meetings;
  };
}
