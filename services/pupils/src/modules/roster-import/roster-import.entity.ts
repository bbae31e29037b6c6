import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationError, tenantPolicy } from '@waymark/subgraph-kit';
import type { RosterFieldKey } from './roster-fields.js';
import type { RejectedRowData } from './roster-validate.js';

export enum RosterImportStatus {
  PREVIEWED = 'PREVIEWED',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
}
registerEnumType(RosterImportStatus, { name: 'RosterImportStatus' });

@ObjectType({ description: 'A row Waymark will not import, and why.' })
export class RejectedRow {
  @Field(() => Int, { description: 'The row in the file, counting the header as 1 (for API rows, the position from 1).' })
  line: number;

  @Field(() => String, { nullable: true })
  upn: string | null;

  @Field(() => String, { nullable: true, description: 'The roster field at fault (see rosterFields); null for the row as a whole.' })
  field: string | null;

  @Field()
  reason: string;
}

@ObjectType()
export class ColumnMapping {
  @Field()
  header: string;

  @Field(() => String, { nullable: true, description: 'The roster field the column feeds; null: the column is ignored.' })
  field: string | null;
}

@ObjectType()
export class RosterField {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field()
  required: boolean;

  @Field({ description: "The column header Waymark's CSV template uses for this field (one it always recognises)." })
  templateHeader: string;
}

/**
 * One roster import: the preview's report, the rows it validated (kept for the commit, which applies
 * exactly them) and, once committed, the outcome. Only its author (or the trust's integration) reads it.
 */
@Entity({ tableName: 'roster_import', ...tenantPolicy({ kind: 'staff', trust: true }) })
@Index({ properties: ['schoolId', 'createdAt'] })
@ObjectType({ description: 'A roster import: its preview report, then its progress and outcome.' })
export class RosterImport {
  [OptionalProps]?: 'processedRows';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  /** The account (person) or API credential that started it. */
  @Property({ type: 'string' })
  createdById: string;

  @Property({ type: 'string' })
  createdByName: string;

  @Property({ type: 'string', length: 4 })
  createdByKind: 'user' | 'api';

  @Enum({ items: () => RosterImportStatus })
  @Field(() => RosterImportStatus)
  status: RosterImportStatus;

  @Property({ type: 'boolean' })
  @Field()
  fullRoster: boolean;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Data rows in the file (blank lines not counted).' })
  totalRows: number;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Rows written so far while COMMITTING; totalRows once COMMITTED.' })
  processedRows = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'New pupils the preview would add; once COMMITTED, the new pupils added.' })
  toAdd: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  toChange: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  toMarkLeft: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  unchanged: number;

  @Property({ type: 'integer' })
  @Field(() => Int)
  transfersIn: number;

  @Property({ type: 'json' })
  @Field(() => [RejectedRow], {
    description:
      'Rows left out, and why. Once COMMITTED, also the rows the commit could not import: a UPN Waymark already holds under another legal name or date of birth ' +
      '(the preview shows those as new pupils, exactly as it shows a UPN Waymark has never seen).',
  })
  rejected: RejectedRowData[];

  @Property({ type: 'json' })
  @Field(() => [ColumnMapping])
  columns: { header: string; field: RosterFieldKey | null }[];

  @Property({ type: 'json' })
  @Field(() => [String])
  unmappedColumns: string[];

  /** Required fields no column feeds: such an import cannot be committed. */
  @Property({ type: 'json' })
  missingFields: RosterFieldKey[];

  /**
   * The valid rows, as validated at preview (loaded only by the commit, see packRosterRows); null for
   * an import that cannot be committed.
   */
  @Property({ type: 'blob', nullable: true, lazy: true })
  rows: Buffer | null = null;

  @Property({ type: 'json', columnType: 'json', lazy: true })
  protectedUpns: string[];

  /** Digest of the roster the preview was made against (see rosterFingerprint). */
  @Property({ type: 'string', length: 64 })
  fingerprint: string;

  @Property({ type: 'datetime' })
  @Field(() => Date)
  createdAt: Date;

  @Property({ type: 'datetime', nullable: true })
  commitStartedAt: Date | null = null;

  /** Last sign of life of a running commit (PostgreSQL only; see RosterImportJobs). */
  @Property({ type: 'datetime', nullable: true })
  heartbeatAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, { nullable: true })
  committedAt: Date | null = null;

  /**
   * Who committed it (the author, or another integration of the trust). Pupils it added show their
   * starting flags as set by this person at `commitStartedAt` (see FlagService.historyOf).
   */
  @Property({ type: 'string', nullable: true })
  committedById: string | null = null;

  @Property({ type: 'string', nullable: true })
  committedByName: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  failureMessage: string | null = null;
}

/** A school's remembered choice for a column header Waymark does not recognise (or one to ignore). */
@Entity({ tableName: 'roster_column_mapping', ...tenantPolicy({ kind: 'staff', trust: false }) })
@Unique({ properties: ['schoolId', 'header'] })
export class RosterColumnMapping {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  /** The normalised header (see normaliseHeader). */
  @Property({ type: 'string' })
  header: string;

  /** The header as the leader last saw it. */
  @Property({ type: 'string' })
  label: string;

  @Property({ type: 'string', length: 32, nullable: true })
  field: RosterFieldKey | null;

  @Property({ type: 'datetime' })
  updatedAt: Date;
}

@ObjectType()
export class RosterImportResult {
  @Field(() => RosterImport, { nullable: true, name: 'import' })
  rosterImport: RosterImport | null;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
