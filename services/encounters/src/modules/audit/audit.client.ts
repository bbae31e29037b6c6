import type { GraphQLResolveInfo } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { asksFor, querySubgraph, type AuditSink, type RequestContext } from '@waymark/subgraph-kit';

/*
 * The audit trail lives in the pupils subgraph (docs/audit-trail.md). This subgraph notes what a
 * request read or changed of a pupil's guidance record and, when the request has been answered, sends
 * it there in one call made with the caller's own credential; the pupils subgraph accepts it only
 * about pupils that caller may read. If the call fails, this subgraph's answer becomes an error.
 */

const RECORD = `mutation ($input: RecordAuditEventsInput!) { recordAuditEvents(input: $input) { recorded error { code } } }`;

// One sink per pupils address: a request's collector insists on a single sink.
const sinks = new Map<string, AuditSink>();

export function pupilsAuditSink(pupilsUrl: string): AuditSink {
  let sink = sinks.get(pupilsUrl);
  if (!sink) {
    sink = async (ctx, entries) => {
      const data = await querySubgraph<{ recordAuditEvents: { recorded: number; error: { code: string } | null } }>(ctx, pupilsUrl, 'Audit write', RECORD, {
        input: { source: 'encounters', entries },
      });
      if (data.recordAuditEvents.error) throw new Error(`Audit write refused: ${data.recordAuditEvents.error.code}`);
    };
    sinks.set(pupilsUrl, sink);
  }
  return sink;
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

/** On a mutation that changes a pupil's guidance record: a CHANGE of `field` when it succeeded. */
export function auditGuidanceChange(sink: AuditSink, field: string, pupilIdOf: (args: Record<string, unknown>) => string): MiddlewareFn<RequestContext> {
  return async ({ args, context }, next) => {
    const result = (await next()) as { error: unknown } | null;
    if (result && !result.error) context.audit.note(sink, pupilIdOf(args), 'CHANGE', field);
    return result;
  };
}
