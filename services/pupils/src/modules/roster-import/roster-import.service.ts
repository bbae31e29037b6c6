import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type QueryResult } from '@mikro-orm/core';
import { PgliteDriver } from '@mikro-orm/pglite';
import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { academicYearOf } from '@waymark/domain';
import type { FieldError, MutationError } from '@waymark/subgraph-kit';
import { AuditService } from '../audit/audit.service.js';
import { School } from '../school/school.entity.js';
import { asUtcDate, dateInEngland } from '../school/school-calendar.js';
import { lockSchoolRoster } from '../school/school-lock.js';
import { RosterColumnMapping, RosterImport, RosterImportResult, RosterImportStatus } from './roster-import.entity.js';
import { RosterCommitFailure, RosterCommitFailures, RosterImportError, RosterImportProblems } from './roster-import.errors.js';
import type { RosterImportInput } from './roster-import.inputs.js';
import { previewedRows, rosterImportJobs, type PreviewedRows, type RosterImportJobs } from './roster-import.jobs.js';
import {
  boundSql,
  enterTenant,
  hasControlCharacters,
  isUuid,
  liftTenantCheck,
  queueWebhookEvent,
  queueWebhookEvents,
  withRequestBypass,
  type OutboxEventInput,
} from '@waymark/subgraph-kit';
import { orderedIdSource } from './bulk-sql.js';
import { loadRosterState, pupilsFromOtherSchools, writeRosterPlan, WRITE_BATCH, WRITE_BATCH_POSTGRES, type WriteContext } from './roster-import.writer.js';
import { isRosterField, normaliseHeader, type HeaderChoices } from './roster-fields.js';
import { identityEditsHere, planRoster, rosterFingerprint, type RosterPlan, type RosterPupil } from './roster-plan.js';
import { openRosterFile, rosterSourceFromRows, type RosterSource } from './roster-source.js';
import { packRosterRows, unpackRosterRows } from './roster-stored-rows.js';
import { RosterValidator, validateRoster, type RosterRow, type RosterValidation } from './roster-validate.js';

export const MAX_ROSTER_ROWS = 50_000;

/**
 * A full-roster import that would mark more than this share of the school's pupils on roll as left
 * is more likely a partial file with "full roster" left on than a real change: it is committed only
 * when the person confirms the number of pupils it marks as left.
 */
export const MARK_LEFT_CONFIRMATION_SHARE = 0.1;

/** Whether marking `toMarkLeft` of `onRoll` pupils as left needs that confirmation. */
export function markLeftNeedsConfirmation(toMarkLeft: number, onRoll: number): boolean {
  return toMarkLeft > 0 && toMarkLeft > onRoll * MARK_LEFT_CONFIRMATION_SHARE;
}
/**
 * The `pupil.transferred` webhook events of a committed import (docs/trust-api.md, "Webhooks"): for each
 * pupil who moved here from another school, one event for this school's trust (`IN`, the day they
 * joined) and one for the old school's trust (`OUT`, the day they left it). Each trust hears only its
 * own school's side: the other school is named only when both are in the same trust, so a trust a
 * pupil leaves learns that they left, never where they went. A school in no trust gets no event.
 */
export function transferEvents(plan: Pick<RosterPlan, 'writes'>, schoolId: string, trustId: string | null, occurredAt: Date): OutboxEventInput[] {
  const events: OutboxEventInput[] = [];
  for (const write of plan.writes) {
    if (write.action !== 'transfer' || !write.before) continue;
    const { before, after } = write;
    const sameTrust = trustId !== null && before.trustId === trustId;
    if (trustId)
      events.push({
        type: 'pupil.transferred',
        trustId,
        schoolId,
        occurredAt,
        data: { pupilId: after.id, direction: 'IN', date: after.enrolledOn, ...(sameTrust ? { otherSchoolId: before.schoolId } : {}) },
      });
    if (before.trustId)
      events.push({
        type: 'pupil.transferred',
        trustId: before.trustId,
        schoolId: before.schoolId,
        occurredAt,
        data: { pupilId: before.id, direction: 'OUT', date: before.leftOn ?? after.enrolledOn, ...(sameTrust ? { otherSchoolId: schoolId } : {}) },
      });
  }
  return events;
}

/** A remembered column header, as `roster_column_mapping` holds it. */
const MAX_HEADER_LENGTH = 255;
export const ROSTER_WRITE_SCOPE = 'roster:write';
/** A COMMITTING import with no sign of life for this long was cut off by a restart. */
const STALE_AFTER_MS = 10 * 60_000;

function result(rosterImport: RosterImport | null, error: MutationError | null): RosterImportResult {
  return Object.assign(new RosterImportResult(), { rosterImport, error });
}

/** A plain copy of an import (no rows), safe to keep after its entity manager is gone. */
function detached(source: RosterImport): RosterImport {
  const {
    id,
    schoolId,
    trustId,
    createdById,
    createdByName,
    createdByKind,
    status,
    fullRoster,
    totalRows,
    processedRows,
    toAdd,
    toChange,
    toMarkLeft,
    unchanged,
    transfersIn,
    rejected,
    columns,
    unmappedColumns,
    missingFields,
    fingerprint,
    createdAt,
    commitStartedAt,
    heartbeatAt,
    committedAt,
    failureMessage,
  } = source;
  return Object.assign(new RosterImport(), {
    id,
    schoolId,
    trustId,
    createdById,
    createdByName,
    createdByKind,
    status,
    fullRoster,
    totalRows,
    processedRows,
    toAdd,
    toChange,
    toMarkLeft,
    unchanged,
    transfersIn,
    rejected,
    columns,
    unmappedColumns,
    missingFields,
    fingerprint,
    createdAt,
    commitStartedAt,
    heartbeatAt,
    committedAt,
    failureMessage,
  });
}

/** The person who started an import, or an integration of its trust allowed to import. */
export function canUseImport(principal: Principal, rosterImport: RosterImport): boolean {
  if (principal.kind === 'api') {
    return principal.trustId !== null && principal.trustId === rosterImport.trustId && principal.scopes.includes(ROSTER_WRITE_SCOPE);
  }
  return (
    principal.kind === 'user' &&
    rosterImport.createdByKind === 'user' &&
    rosterImport.createdById === principal.accountId &&
    principal.schoolId === rosterImport.schoolId
  );
}

interface ReadRoster extends Pick<RosterSource, 'columns' | 'unmapped' | 'missing' | 'fileProblems'> {
  /** The file is not text (see RosterFile.notText); nothing was read. */
  notText: boolean;
  /** Data rows (blank lines not counted). */
  totalRows: number;
  /** The rows checked; null when they could not be (a required column is missing, or there are too many). */
  validation: RosterValidation | null;
}

/** Reads the file (or the API rows), checking each row as it is read rather than holding every row read first. */
function readRoster(input: RosterImportInput, choices: HeaderChoices, today: Date): ReadRoster {
  if (typeof input.fileBase64 !== 'string') {
    const { rows, labels, ...source } = rosterSourceFromRows(input.rows ?? []);
    return { ...source, notText: false, totalRows: rows.length, validation: rows.length <= MAX_ROSTER_ROWS ? validateRoster(rows, labels, today) : null };
  }
  const { readRows, labels, ...file } = openRosterFile(Buffer.from(input.fileBase64, 'base64'), choices);
  const validator = file.missing.length === 0 ? new RosterValidator(labels, today) : null;
  let totalRows = 0;
  const fileProblems = readRows((row) => {
    totalRows += 1;
    if (totalRows <= MAX_ROSTER_ROWS) validator?.add(row);
  });
  return { ...file, fileProblems, totalRows, validation: validator && totalRows <= MAX_ROSTER_ROWS ? validator.result() : null };
}

/** PGlite serves one connection: a statement outside the commit's transaction would wait for it to end. */
function hasOneConnection(em: EntityManager): boolean {
  return em.getDriver() instanceof PgliteDriver;
}

/**
 * What a plan is made from: every pupil the rows name or the school has on roll, and which of those
 * whose legal name or date of birth the rows would edit came from another school (usually none, so
 * the second look is usually skipped).
 */
async function rosterState(em: EntityManager, schoolId: string, rows: RosterRow[]): Promise<{ existing: RosterPupil[]; fromAnotherSchool: Set<string> }> {
  const existing = await loadRosterState(
    em,
    schoolId,
    rows.map((row) => row.upn),
  );
  return { existing, fromAnotherSchool: await pupilsFromOtherSchools(em, identityEditsHere(schoolId, rows, existing)) };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException || (error as { code?: string } | null)?.code === '23505';
}

/** Tests only: a way into a running commit (see WriteContext.afterBatch). */
export interface CommitHooks {
  afterBatch?: WriteContext['afterBatch'];
}

export class RosterImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly jobs: RosterImportJobs = rosterImportJobs,
    private readonly previewed: PreviewedRows = previewedRows,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`[pupils] ${line}\n`),
    private readonly hooks: CommitHooks = {},
  ) {}

  /** Which school the caller imports into: staff their own; a trust integration (roster:write) one of its trust's. */
  private async target(principal: Principal, schoolId: string | null | undefined): Promise<{ school: School } | { error: MutationError }> {
    if (principal.kind === 'api') {
      if (!principal.trustId || !principal.scopes.includes(ROSTER_WRITE_SCOPE)) {
        throw RosterImportError.forbidden('This API credential cannot import rosters: it needs the roster:write scope.');
      }
      if (!schoolId) return { error: RosterImportProblems.schoolRequired() };
      const school = isUuid(schoolId) ? await this.em.findOne(School, { id: schoolId, trustId: principal.trustId }) : null;
      return school ? { school } : { error: RosterImportProblems.unknownSchool() };
    }
    if (principal.kind !== 'user' || !hasRole(principal, 'careers_leader', 'staff') || !principal.schoolId) throw RosterImportError.forbidden();
    if (schoolId && schoolId !== principal.schoolId) throw RosterImportError.forbidden("Staff can import only their own school's roster.");
    const school = await this.em.findOne(School, { id: principal.schoolId });
    if (!school) throw RosterImportError.forbidden();
    return { school };
  }

  /**
   * The leader's column choices for this import, checked, and remembered for the school (a preference,
   * not roster data: it is kept even if this preview is never committed). Saved on the next flush.
   */
  private async columnChoices(
    schoolId: string,
    mapping: RosterImportInput['mapping'],
    now: Date,
  ): Promise<{ choices: HeaderChoices } | { error: MutationError }> {
    const problems: FieldError[] = [];
    const chosen = new Map<string, { label: string; field: RosterColumnMapping['field'] }>();
    for (const entry of mapping ?? []) {
      const key = normaliseHeader(entry.header);
      if (key === '') continue;
      const field = entry.field ?? null;
      const label = entry.header.trim();
      // Kept as the school's choice, so it must fit its column and be text.
      if (label.length > MAX_HEADER_LENGTH || hasControlCharacters(label)) problems.push(RosterImportProblems.unusableHeader(MAX_HEADER_LENGTH));
      else if (field !== null && !isRosterField(field)) problems.push(RosterImportProblems.unknownField(entry.header, field));
      else chosen.set(key, { label, field });
    }
    if (problems.length > 0) return { error: RosterImportProblems.invalid(problems) };

    const saved = await this.em.find(RosterColumnMapping, { schoolId });
    const byHeader = new Map(saved.map((row) => [row.header, row]));
    for (const [header, { label, field }] of chosen) {
      const row = byHeader.get(header);
      if (row) Object.assign(row, { label, field, updatedAt: now });
      else byHeader.set(header, this.em.create(RosterColumnMapping, { id: randomUUID(), schoolId, header, label, field, updatedAt: now }));
    }
    return { choices: new Map([...byHeader].map(([header, row]) => [header, row.field])) };
  }

  /**
   * The dry run: reads and checks every row, works out what would change, and stores that as an
   * import the leader can commit. No pupil, enrolment or flag changes.
   */
  async preview(principal: Principal, input: RosterImportInput, now = new Date(), requestId: string = randomUUID()): Promise<RosterImportResult> {
    const target = await this.target(principal, input.schoolId);
    if ('error' in target) return result(null, target.error);
    const { school } = target;
    const hasFile = typeof input.fileBase64 === 'string';
    if (hasFile === Array.isArray(input.rows)) return result(null, RosterImportProblems.fileOrRows());
    const chosen = await this.columnChoices(school.id, input.mapping, now);
    if ('error' in chosen) return result(null, chosen.error);

    const today = asUtcDate(dateInEngland(now));
    const source = readRoster(input, chosen.choices, today);
    if (source.notText) return result(null, RosterImportProblems.notText());
    if (source.totalRows === 0) return result(null, RosterImportProblems.empty());
    if (source.totalRows > MAX_ROSTER_ROWS) return result(null, RosterImportProblems.tooLarge(MAX_ROSTER_ROWS));

    type Outcome = Pick<
      RosterImport,
      'toAdd' | 'toChange' | 'toMarkLeft' | 'unchanged' | 'transfersIn' | 'rejected' | 'rows' | 'protectedUpns' | 'fingerprint'
    >;
    const record = (outcome: Outcome) =>
      this.em.create(RosterImport, {
        id: randomUUID(),
        schoolId: school.id,
        trustId: school.trustId,
        createdById: principal.accountId,
        createdByName: principal.displayName,
        createdByKind: principal.kind === 'api' ? 'api' : 'user',
        status: RosterImportStatus.PREVIEWED,
        fullRoster: input.fullRoster,
        totalRows: source.totalRows,
        columns: source.columns,
        unmappedColumns: source.unmapped,
        missingFields: source.missing,
        createdAt: now,
        ...outcome,
      });

    if (source.missing.length > 0) {
      // Kept, so the mapping screen can show what was read; it cannot be committed.
      const nothing = { toAdd: 0, toChange: 0, toMarkLeft: 0, unchanged: 0, transfersIn: 0, rows: null, protectedUpns: [], fingerprint: '' };
      const rosterImport = record({ ...nothing, rejected: source.fileProblems });
      await this.em.flush();
      return result(rosterImport, RosterImportProblems.columnsMissing(source.missing));
    }

    const validation = source.validation!;
    // The rows are packed for storing while the database looks up the pupils they name: the lookup is
    // sent first, and the compression runs on libuv's threads while the plan is made. (Both are awaited
    // below; the catches only stop an early failure from counting as unhandled meanwhile.)
    // A UPN names one pupil across Waymark, wherever they are on roll (what the preview may say of
    // them is planRoster's business), so the lookup alone reads past the school's rows.
    const state = withRequestBypass({ em: this.em, requestId }, `roster preview for school ${school.id}: looking up its UPNs at every school`, (em) =>
      rosterState(em, school.id, validation.rows),
    );
    state.catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const packed = packRosterRows(validation.rows);
    packed.catch(() => undefined);
    const { existing, fromAnotherSchool } = await state;
    const plan = planRoster({
      schoolId: school.id,
      trustId: school.trustId,
      academicYear: academicYearOf(today),
      today: dateInEngland(now),
      fullRoster: input.fullRoster,
      rows: validation.rows,
      existing,
      protectedUpns: validation.protectedUpns,
      fromAnotherSchool,
      // The preview's ids are never used.
      newId: orderedIdSource(),
    });
    const rosterImport = record({
      ...plan.counts,
      // A row naming a pupil held elsewhere under other details is counted as the new pupil it would be
      // if Waymark had never seen the UPN: the preview must not tell anyone which UPNs Waymark holds.
      toAdd: plan.counts.toAdd + plan.unmatched.length,
      rejected: [...source.fileProblems, ...validation.rejected, ...plan.clashes].sort((a, b) => a.line - b.line),
      rows: null,
      protectedUpns: [],
      fingerprint: rosterFingerprint(existing),
    });
    const rows = await packed;
    await this.em.transactional(async (tx) => {
      // A preview is a draft: if the server crashed just after it, the leader would preview again. Not
      // waiting for its ~2 MB to reach the disk saves a flush; it is still all or nothing, and seen at once.
      await tx.execute('set local synchronous_commit = off');
      await tx.flush();
      // The rows go in as one bound parameter: the ORM would write them into the SQL text.
      await boundSql(tx, 'update roster_import set rows = $1, protected_upns = $2::json where id = $3', [
        rows,
        JSON.stringify(validation.protectedUpns),
        rosterImport.id,
      ]);
    });
    this.previewed.keep(rosterImport.id, validation.rows, validation.protectedUpns);
    return result(rosterImport, null);
  }

  /**
   * Starts committing a previewed import and returns at once (status COMMITTING); the work runs in
   * the background and the client polls `rosterImport(id)`. Rejected rows stay out: the leader saw
   * them in the preview, and pupils on them are never marked as left.
   *
   * A commit that failed, or was cut off by a restart, changed nothing, so it can be committed again:
   * the plan is made afresh inside the new transaction, and if the roster changed meanwhile the commit
   * fails with that reason rather than landing anything twice.
   */
  async commit(
    principal: Principal,
    id: string,
    { now = new Date(), requestId = randomUUID(), confirmMarkLeft = null }: { now?: Date; requestId?: string; confirmMarkLeft?: number | null } = {},
  ): Promise<RosterImportResult> {
    const rosterImport = isUuid(id) ? await this.em.findOne(RosterImport, { id }) : null;
    if (!rosterImport || !canUseImport(principal, rosterImport)) return result(null, RosterImportProblems.notFound());
    if (rosterImport.missingFields.length > 0) return result(rosterImport, RosterImportProblems.columnsMissing(rosterImport.missingFields));
    const { status } = rosterImport;
    const cutOff = status === RosterImportStatus.COMMITTING && this.cutOff(rosterImport, now);
    if ((status !== RosterImportStatus.PREVIEWED && status !== RosterImportStatus.FAILED && !cutOff) || this.jobs.isRunning(id)) {
      return result(rosterImport, RosterImportProblems.notPreviewed(status));
    }
    if (rosterImport.toAdd + rosterImport.toChange + rosterImport.unchanged + rosterImport.transfersIn === 0) {
      return result(rosterImport, RosterImportProblems.nothingValid());
    }
    if (rosterImport.fullRoster && rosterImport.toMarkLeft > 0 && confirmMarkLeft !== rosterImport.toMarkLeft) {
      const onRoll = await this.onRollCount(rosterImport.schoolId);
      if (markLeftNeedsConfirmation(rosterImport.toMarkLeft, onRoll))
        return result(rosterImport, RosterImportProblems.markLeftNotConfirmed(rosterImport.toMarkLeft, onRoll));
    }

    const snapshot = Object.assign(detached(rosterImport), {
      status: RosterImportStatus.COMMITTING,
      processedRows: 0,
      commitStartedAt: now,
      heartbeatAt: now,
      failureMessage: null,
    });
    const job = this.jobs.register(snapshot);
    // Claimed only while still in the state it was read in (a cut-off commit: still silent), so two
    // requests or replicas never both run it.
    const claimed = await this.em.execute<QueryResult>(
      `update roster_import set status = ?, commit_started_at = ?, heartbeat_at = ?, processed_rows = 0, failure_message = null
       where id = ? and status = ? and (status <> ? or coalesce(heartbeat_at, commit_started_at) < ?)`,
      [RosterImportStatus.COMMITTING, now, now, id, status, RosterImportStatus.COMMITTING, this.silentSince(now)],
      'run',
    );
    if (claimed.affectedRows !== 1) {
      job.cancel();
      return result(rosterImport, RosterImportProblems.notPreviewed(RosterImportStatus.COMMITTING));
    }
    job.run(() => this.runCommit(snapshot, principal, requestId, now, job.progress));
    return result(this.jobs.current(id), null);
  }

  /** Pupils on roll at the school now (not marked as left). */
  async onRollCount(schoolId: string): Promise<number> {
    const [row] = await this.em.execute<{ n: string }[]>('select count(*) as n from pupil where school_id = ? and left_on is null', [schoolId]);
    return Number(row.n);
  }

  /** Whether committing this previewed import needs the number it marks as left confirmed first. */
  async needsMarkLeftConfirmation(rosterImport: RosterImport): Promise<boolean> {
    const open = rosterImport.status === RosterImportStatus.PREVIEWED || rosterImport.status === RosterImportStatus.FAILED;
    if (!open || !rosterImport.fullRoster || rosterImport.toMarkLeft === 0) return false;
    return markLeftNeedsConfirmation(rosterImport.toMarkLeft, await this.onRollCount(rosterImport.schoolId));
  }

  /**
   * The commit itself: one transaction, after the school's advisory lock (a second import of the same
   * school waits here). The preview's plan is recomputed from the rows it validated; if the roster it
   * was made against has changed meanwhile, nothing is written and the import fails with a reason.
   * The audit trail's CHANGE event for the school is written in the same transaction, so it is there
   * exactly when the commit landed.
   */
  private async runCommit(snapshot: RosterImport, principal: Principal, requestId: string, now: Date, progress: (rows: number) => void): Promise<void> {
    // This runs after the request has answered: on connections of its own, not in the request's
    // transaction (subgraph-kit tenancy.ts keeps a request's forks in it unless told otherwise).
    const em = this.em.fork({ keepTransactionContext: false });
    const side = this.em.fork({ keepTransactionContext: false });
    const reportToDatabase = !hasOneConnection(em);
    const today = dateInEngland(now);
    // Progress goes to the database on the side connection while the next batch runs; one write at a
    // time, in order, and all of them done before the outcome is written, whichever it is.
    let reported = Promise.resolve();
    // The claim (commit above) is written in the request's transaction, which commits only once the
    // request has answered, and this starts as soon as it is made. Until that transaction ends the
    // import's row reads as it was before the claim: a failure recorded meanwhile (a roster that changed
    // fails within milliseconds) would match no row, and the import would read COMMITTING until taken for cut off (ten minutes on).
    // Locking the row waits for that transaction to end, then reads the row as it left it.
    try {
      if (!(await this.claimHolds(side, snapshot))) return;
      await em.transactional(async (tx) => {
        await liftTenantCheck(
          tx,
          `roster import ${snapshot.id} for school ${snapshot.schoolId}: matching its UPNs at every school and moving pupils who transfer in`,
        );
        await lockSchoolRoster(tx, snapshot.schoolId);
        // Every row the commit creates gets an id in creation order (see orderedIdSource).
        const newId = orderedIdSource();
        const { rows, protectedUpns } = this.previewed.take(snapshot.id) ?? (await this.storedRows(tx, snapshot.id));
        const { existing, fromAnotherSchool } = await rosterState(tx, snapshot.schoolId, rows);
        if (rosterFingerprint(existing) !== snapshot.fingerprint) throw new RosterCommitFailure(RosterCommitFailures.rosterChanged);
        const academicYear = academicYearOf(asUtcDate(today));
        const plan = planRoster({
          schoolId: snapshot.schoolId,
          trustId: snapshot.trustId,
          academicYear,
          today,
          fullRoster: snapshot.fullRoster,
          rows,
          existing,
          protectedUpns,
          fromAnotherSchool,
          newId,
        });
        const context = {
          schoolId: snapshot.schoolId,
          trustId: snapshot.trustId,
          importId: snapshot.id,
          today,
          academicYear,
          now,
          changedById: principal.accountId,
          changedBy: principal.displayName,
          // PGlite runs each statement on the event loop itself, so polls need a real pause between
          // batches; on PostgreSQL the loop is free while a statement runs, so the next one goes at once.
          pause: reportToDatabase ? () => Promise.resolve() : () => new Promise<void>((resolve) => setTimeout(resolve, 10)),
          newId,
          batchSize: reportToDatabase ? WRITE_BATCH_POSTGRES : WRITE_BATCH,
          afterBatch: this.hooks.afterBatch,
        };
        await writeRosterPlan(tx, plan, context, async (done, total) => {
          const processed = Math.floor((snapshot.totalRows * done) / Math.max(total, 1));
          progress(processed);
          if (reportToDatabase) {
            const write = () =>
              side.transactional(async (t) => {
                // Progress is throwaway (a crash ends the commit anyway), so it need not wait for the disk:
                // a flush here would hold up the commit's own writes, which fill the same log.
                await enterTenant(t, { schoolIds: [snapshot.schoolId] });
                await t.execute('set local synchronous_commit = off');
                await t.execute(
                  'update roster_import set processed_rows = ?, heartbeat_at = ? where id = ? and status = ?',
                  [processed, new Date(), snapshot.id, RosterImportStatus.COMMITTING],
                  'run',
                );
              });
            reported = reported.then(write);
            // Surfaces a failed write as the commit's failure (as when it was awaited), without an unhandled rejection.
            reported.catch(() => undefined);
          }
        });
        await reported;
        const change = { pupilId: null, schoolId: snapshot.schoolId, trustId: snapshot.trustId, detail: `Roster import ${snapshot.id} committed` };
        await new AuditService(tx).write({ principal, requestId }, 'pupils', [{ ...change, action: 'CHANGE', fields: ['roster'] }]);
        // What landed: the rows left out as unmatched join the rejected ones, and are no longer counted as added.
        const rejected = [...snapshot.rejected, ...plan.unmatched].sort((a, b) => a.line - b.line);
        const committedAt = new Date();
        await tx.execute(
          'update roster_import set status = ?, processed_rows = total_rows, to_add = ?, rejected = ?, committed_at = ?, committed_by_id = ?, committed_by_name = ?, heartbeat_at = null where id = ?',
          [RosterImportStatus.COMMITTED, plan.counts.toAdd, JSON.stringify(rejected), committedAt, principal.accountId, principal.displayName, snapshot.id],
          'run',
        );
        // The trust's webhooks hear of it from an outbox row written with the commit itself: ids and counts
        // only. A school in no trust has no webhooks.
        if (snapshot.trustId)
          await queueWebhookEvent(tx, {
            type: 'roster.import.committed',
            trustId: snapshot.trustId,
            schoolId: snapshot.schoolId,
            occurredAt: committedAt,
            data: {
              importId: snapshot.id,
              added: plan.counts.toAdd,
              changed: plan.counts.toChange,
              markedLeft: plan.counts.toMarkLeft,
              transfersIn: plan.counts.transfersIn,
              rejected: rejected.length,
            },
          });
        await queueWebhookEvents(tx, transferEvents(plan, snapshot.schoolId, snapshot.trustId, committedAt));
      });
    } catch (error) {
      await reported.catch(() => undefined);
      let message = RosterCommitFailures.unexpected;
      if (error instanceof RosterCommitFailure) message = error.leaderMessage;
      else if (isUniqueViolation(error)) message = RosterCommitFailures.upnTaken;
      else this.log(`roster import ${snapshot.id} failed: ${(error as Error)?.stack ?? String(error)}`);
      // Only over this commit's own claim: if the database did commit before the connection was lost,
      // the import is COMMITTED and stays so.
      const recordFailure = () =>
        side.transactional(async (t) => {
          await enterTenant(t, { schoolIds: [snapshot.schoolId] });
          await t.execute(
            'update roster_import set status = ?, failure_message = ?, processed_rows = 0, heartbeat_at = null where id = ? and status = ? and commit_started_at = ?',
            [RosterImportStatus.FAILED, message, snapshot.id, RosterImportStatus.COMMITTING, snapshot.commitStartedAt],
            'run',
          );
        });
      try {
        // Once more on failure: when the database ended the commit's connection, pg can hand that
        // connection back to the pool before it has seen the socket close, and the next statement on
        // it (this one) fails; the pool has dropped it by the second try.
        await recordFailure().catch(recordFailure);
      } catch (writeError) {
        this.log(`roster import ${snapshot.id}: could not record the failure: ${(writeError as Error)?.stack ?? String(writeError)}`);
      }
    }
  }

  /**
   * Whether the commit's claim stands, once the transaction that wrote it has ended: false if it was
   * rolled back (the request failed after claiming), so there is nothing to run.
   */
  private async claimHolds(side: EntityManager, snapshot: RosterImport): Promise<boolean> {
    return side.transactional(async (t) => {
      await enterTenant(t, { schoolIds: [snapshot.schoolId] });
      // Only the id in the condition: a row that does not match by the statement's snapshot is not
      // waited for. Once the lock is had, the columns are read from the row as committed.
      const [row] = await t.execute<{ ours: boolean }[]>('select status = ? and commit_started_at = ? as ours from roster_import where id = ? for share', [
        RosterImportStatus.COMMITTING,
        snapshot.commitStartedAt,
        snapshot.id,
      ]);
      return row?.ours === true;
    });
  }

  /** The rows an import's preview validated, as it stored them. */
  private async storedRows(tx: EntityManager, id: string): Promise<{ rows: RosterRow[]; protectedUpns: string[] }> {
    const [stored] = await tx.execute<{ rows: Uint8Array; protected_upns: string[] }[]>('select rows, protected_upns from roster_import where id = ?', [id]);
    return { rows: await unpackRosterRows(stored.rows), protectedUpns: stored.protected_upns };
  }

  /** An import as its author (or the trust's integration) may see it: a running commit with its progress. */
  async find(principal: Principal, id: string, now = new Date()): Promise<RosterImport | null> {
    const running = this.jobs.current(id);
    if (running) return canUseImport(principal, running) ? running : null;
    const rosterImport = isUuid(id) ? await this.em.findOne(RosterImport, { id }) : null;
    if (!rosterImport || !canUseImport(principal, rosterImport)) return null;
    if (rosterImport.status === RosterImportStatus.COMMITTING && this.cutOff(rosterImport, now)) {
      return Object.assign(detached(rosterImport), { status: RosterImportStatus.FAILED, processedRows: 0, failureMessage: RosterCommitFailures.interrupted });
    }
    return rosterImport;
  }

  /** COMMITTING in the database but running nowhere: on PGlite only this process could run it; on PostgreSQL it stopped reporting. */
  private cutOff(rosterImport: RosterImport, now: Date): boolean {
    if (hasOneConnection(this.em)) return true;
    const lastSign = rosterImport.heartbeatAt ?? rosterImport.commitStartedAt ?? rosterImport.createdAt;
    return lastSign < this.silentSince(now);
  }

  /** A commit with no sign of life since this moment runs nowhere (on PGlite, one not running here never will). */
  private silentSince(now: Date): Date {
    return hasOneConnection(this.em) ? now : new Date(now.getTime() - STALE_AFTER_MS);
  }
}
