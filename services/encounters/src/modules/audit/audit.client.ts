import type { GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { asksFor, remoteAuditSink, type AuditSink, type RequestContext } from '@waymark/subgraph-kit';

/*
 * The audit trail lives in the pupils subgraph (docs/audit-trail.md). This subgraph notes what a
 * request read or changed of a pupil's guidance record and, when the request has been answered, sends
 * it there in one call made with the caller's own credential; the pupils subgraph accepts it only
 * about pupils that caller may read. If the call fails, this subgraph's answer becomes an error.
 */

export function pupilsAuditSink(pupilsUrl: string): AuditSink {
  return remoteAuditSink(pupilsUrl, 'encounters');
}

/** On `Pupil.guidanceMeetings`: a READ of `guidanceNotes` for each pupil whose notes the answer shows. */
export function auditGuidanceNotes(sink: AuditSink): MiddlewareFn<RequestContext> {
  return async ({ context, info }, next) => {
    const meetings = (await next()) as { notes: string | null; pupil: { id: string } }[] | null;
    if (meetings && asksFor(info as GraphQLResolveInfo, [], ['notes'])) {
      for (const meeting of meetings) if (meeting.notes !== null) context.audit.note(sink, meeting.pupil.id, 'READ', 'guidanceNotes');
    }
    return meetings;
  };
}
