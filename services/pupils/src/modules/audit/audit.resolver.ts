import { Arg, Args, Authorized, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { DATA_PROTECTION_ROLES } from '@waymark/auth';
import { isUuid, type Connection, type RequestContext } from '@waymark/subgraph-kit';
import { PupilService } from '../pupil/pupil.service.js';
import { areOwnSchoolExports, openDataProtectionSchool } from '../subject-access/subject-access.access.js';
import { AuditError, AuditProblems } from './audit.errors.js';
import { AuditService, auditCsv, toLogQuery, type LogQuery } from './audit.service.js';
import {
  AuditEventConnection,
  AuditEventFilter,
  AuditEventsArgs,
  RecordAuditEventsInput,
  RecordAuditEventsResult,
  type AuditEventNode,
} from './audit.types.js';

/** The subgraphs that write into the trail through `recordAuditEvents`. */
const SOURCES = ['encounters', 'destinations', 'employers', 'identity'];
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9.]{0,39}$/;
const MAX_ENTRIES = 5000;

/**
 * The log belongs to a school; its careers leader and its data protection lead read it, signed in as
 * themselves. A data protection lead holds no staff scope, so the school's rows are opened to the
 * request here, once it is checked.
 */
async function logSchoolOf(ctx: RequestContext): Promise<string> {
  const schoolId = await openDataProtectionSchool(ctx);
  if (!schoolId) throw AuditError.notYourSchool();
  return schoolId;
}

/** What an export of the log was, in words, for its own event. */
function describeExport(query: LogQuery, rows: number): string {
  const parts = [`${rows} ${rows === 1 ? 'event' : 'events'}`];
  if (query.pupilId) parts.push(`pupil ${query.pupilId}`);
  if (query.actorAccountId) parts.push(`by ${query.actorAccountId}`);
  if (query.action) parts.push(`action ${query.action}`);
  if (query.from) parts.push(`from ${query.from.toISOString()}`);
  if (query.to) parts.push(`before ${query.to.toISOString()}`);
  return `Data access log exported: ${parts.join(', ')}`;
}

function recorded(count: number, error: RecordAuditEventsResult['error']): RecordAuditEventsResult {
  return Object.assign(new RecordAuditEventsResult(), { recorded: count, error });
}

@Resolver()
export class AuditResolver {
  @Authorized(...DATA_PROTECTION_ROLES)
  @Query(() => AuditEventConnection, {
    nullable: true,
    description:
      "The data access log of the caller's own school (careers leaders and data protection leads), newest first: who read, exported or changed which pupil's record, when, and how.",
  })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: RequestContext): Promise<Connection<AuditEventNode>> {
    return new AuditService(ctx.em).list(toLogQuery(await logSchoolOf(ctx), args.filter), args);
  }

  @Authorized(...DATA_PROTECTION_ROLES)
  @Query(() => String, {
    nullable: true,
    description: 'The same log, filtered the same way, as a CSV file (newest first, at most 50,000 rows). The export is itself recorded in the log.',
  })
  async auditEventsCsv(
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    const schoolId = await logSchoolOf(ctx);
    const query = toLogQuery(schoolId, filter);
    const service = new AuditService(ctx.em);
    const events = await service.all(query);
    await service.write(ctx, 'pupils', [
      { pupilId: null, schoolId, trustId: ctx.principal.trustId, action: 'EXPORT', fields: ['auditLog'], detail: describeExport(query, events.length) },
    ]);
    return auditCsv(events);
  }

  @Directive('@inaccessible')
  @Authorized()
  @Mutation(() => RecordAuditEventsResult, {
    description:
      "Subgraph-to-subgraph only: another subgraph records what a request of the caller's read or changed there, called with the caller's own credential. Only pupils the caller may read are accepted.",
  })
  async recordAuditEvents(
    @Arg('input', () => RecordAuditEventsInput) input: RecordAuditEventsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordAuditEventsResult> {
    if (!SOURCES.includes(input.source)) return recorded(0, AuditProblems.entriesInvalid('Unknown source.'));
    if (input.entries.length === 0 || input.entries.length > MAX_ENTRIES) return recorded(0, AuditProblems.entriesInvalid(`Send 1 to ${MAX_ENTRIES} entries.`));
    const wellFormed = input.entries.every(
      (entry) => isUuid(entry.pupilId) && entry.fields.length > 0 && entry.fields.length <= 20 && entry.fields.every((field) => FIELD_NAME.test(field)),
    );
    if (!wellFormed) return recorded(0, AuditProblems.entriesInvalid('Each entry needs a pupil id and 1 to 20 field names.'));
    const pupilIds = [...new Set(input.entries.map((entry) => entry.pupilId))];
    const visible = await new PupilService(ctx.em).findVisible(ctx.principal, pupilIds);
    if (visible.length !== pupilIds.length && !(await areOwnSchoolExports(ctx, input.entries))) return recorded(0, AuditProblems.pupilNotVisible());
    await new AuditService(ctx.em).write(ctx, input.source, input.entries);
    return recorded(input.entries.length, null);
  }
}
