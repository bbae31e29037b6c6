import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context.js';
import { querySubgraph } from './entities.js';
import { RecordAuditEventsDocument } from './pupils-calls.generated.js';

/*
 * The data-access audit trail, as every subgraph sees it. A resolver that reveals a pupil's
 * sensitive data notes (pupil, field) in the request's collector; when the request has been
 * answered — but before a byte of the answer leaves — the subgraph writes everything noted in one
 * go. If that write fails, the subgraph sends an error instead of the answer: data nobody could
 * record being read is never shown. The store itself lives in the pupils subgraph (docs/audit-trail.md).
 */

export type AuditAction = 'READ' | 'EXPORT' | 'CHANGE';

/** One pupil, one kind of access, and every field of theirs it touched in this request. */
export interface AuditEntry {
  pupilId: string;
  action: AuditAction;
  fields: string[];
}

/** Where a subgraph writes its entries: its own store (pupils), or the pupils subgraph for the others. */
export type AuditSink = (ctx: RequestContext, entries: AuditEntry[]) => Promise<void>;

export class AuditCollector {
  private readonly entries = new Map<string, { pupilId: string; action: AuditAction; fields: Set<string> }>();
  private sink: AuditSink | null = null;

  /** Records that this request touched `field` of the pupil; repeated notes of the same pupil and action merge. */
  note(sink: AuditSink, pupilId: string, action: AuditAction, field: string): void {
    // A subgraph has one store; two would mean some entries were written where nobody looks.
    if (this.sink !== null && this.sink !== sink) throw new Error('A request noted audit entries for two different sinks.');
    this.sink = sink;
    const key = `${action}/${pupilId}`;
    const entry = this.entries.get(key);
    if (entry) entry.fields.add(field);
    else this.entries.set(key, { pupilId, action, fields: new Set([field]) });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes what was noted (once) and forgets it; throws when the sink fails. */
  async flush(ctx: RequestContext): Promise<void> {
    if (this.entries.size === 0 || this.sink === null) return;
    const entries = [...this.entries.values()].map((entry) => ({ pupilId: entry.pupilId, action: entry.action, fields: [...entry.fields].sort() }));
    this.entries.clear();
    await this.sink(ctx, entries);
  }
}

/**
 * type-graphql middleware for a field that reveals something sensitive about a pupil: when the
 * resolver hands back a value (not null: nothing was revealed), note a READ of `field` for the
 * pupil `pupilIdOf(root)`. Fields without it add nothing to a request, so dashboards pay nothing.
 */
export function auditRead<Root = { id: string }>(
  sink: AuditSink,
  field: string,
  pupilIdOf: (root: Root) => string = (root) => (root as { id: string }).id,
): MiddlewareFn<RequestContext> {
  return async ({ root, context }, next) => {
    const value: unknown = await next();
    if (value !== null && value !== undefined) context.audit.note(sink, pupilIdOf(root as Root), 'READ', field);
    return value;
  };
}

// One sink per pupils address and source: a request's collector insists on a single sink.
const remoteSinks = new Map<string, AuditSink>();

/**
 * The sink of a subgraph other than pupils: its entries go to the pupils subgraph's
 * `recordAuditEvents` in one call, made with the caller's own credential, so the pupils subgraph
 * records them only about pupils that caller may read. A refusal or failure throws.
 */
export function remoteAuditSink(pupilsUrl: string, source: string): AuditSink {
  const key = `${source} ${pupilsUrl}`;
  let sink = remoteSinks.get(key);
  if (!sink) {
    sink = async (ctx, entries) => {
      const data = await querySubgraph(ctx, pupilsUrl, 'Audit write', RecordAuditEventsDocument, { input: { source, entries } });
      if (data.recordAuditEvents.error) throw new Error(`Audit write refused: ${data.recordAuditEvents.error.code}`);
    };
    remoteSinks.set(key, sink);
  }
  return sink;
}

/**
 * type-graphql middleware for a mutation that changes a pupil's record: when its result carries no
 * error, note a CHANGE of `field` for the pupil `pupilIdOf(args)`.
 */
export function auditNoteChange(sink: AuditSink, field: string, pupilIdOf: (args: Record<string, unknown>) => string): MiddlewareFn<RequestContext> {
  return async ({ args, context }, next) => {
    const result = (await next()) as { error?: unknown } | null;
    if (result && !result.error) context.audit.note(sink, pupilIdOf(args), 'CHANGE', field);
    return result;
  };
}
