import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { PUPIL_MOVES_TRIGGER, PUPIL_RULE } from '../../row-security.js';
import { PUPIL_SYNC_TRIGGERS } from '../sync/pupil-sync.trigger.js';
import { PUPIL_COHORT_VERSION_TRIGGERS } from '../cohort/cohort-version.entity.js';

/** Who opted a pupil out of sharing with the local authority. */
export type OptOutBy = 'PARENT' | 'PUPIL';

/**
 * One young person, wherever they are: the UPN is unique across Waymark, so a pupil who changes
 * school keeps this row (and every record other subgraphs hold against its id). `schoolId` and
 * `trustId` are the current (or last) school's, so every query can be scoped to the caller's
 * tenant; with `enrolledOn` and `leftOn` they are the pupil's latest period at a school, and
 * `enrolment` rows keep the periods before it.
 */
@Entity({ tableName: 'pupil', triggers: [PUPIL_MOVES_TRIGGER, ...PUPIL_SYNC_TRIGGERS, ...PUPIL_COHORT_VERSION_TRIGGERS], ...tenantPolicy(PUPIL_RULE) })
@Index({ properties: ['schoolId', 'yearGroup', 'legalSurname'] })
@ObjectType()
@Directive('@key(fields: "id")')
export class Pupil {
  [OptionalProps]?: 'destinationTracking' | 'localAuthoritySharingOptOut' | 'parentCarerSameAddress';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'string', length: 13, unique: true })
  upn: string;

  @Property({ type: 'string' })
  legalForename: string;

  @Property({ type: 'string' })
  legalSurname: string;

  @Property({ type: 'string', nullable: true })
  preferredName: string | null;

  @Property({ type: 'date' })
  dateOfBirth: string;

  @Property({ type: 'smallint', nullable: true })
  yearGroup: number | null;

  /** The academic year `yearGroup` was set for, so a rollover never moves a pupil up twice. */
  @Property({ type: 'smallint', nullable: true })
  yearGroupAcademicYear: number | null = null;

  @Property({ type: 'string', nullable: true })
  tutorGroup: string | null;

  @Property({ type: 'date', nullable: true })
  leftOn: string | null;

  /** The day the pupil's latest period at `schoolId` began (it ended on `leftOn`, when set); the database's today if not given. */
  @Property({ type: 'date', defaultRaw: 'current_date' })
  enrolledOn: string;

  @Property({ type: 'boolean', default: false }) senSupport = false;
  @Property({ type: 'boolean', default: false }) ehcp = false;
  @Property({ type: 'boolean', default: false }) disadvantaged = false;
  @Property({ type: 'boolean', default: false }) lookedAfter = false;
  @Property({ type: 'boolean', default: false }) eal = false;
  @Property({ type: 'boolean', default: false }) youngCarer = false;
  @Property({ type: 'boolean', default: false }) youngParent = false;
  @Property({ type: 'boolean', default: false }) youthJustice = false;
  @Property({ type: 'boolean', default: false }) refugee = false;
  @Property({ type: 'boolean', default: false }) serviceChild = false;
  @Property({ type: 'boolean', default: false }) persistentAbsence = false;
  @Property({ type: 'boolean', default: false }) neetRisk = false;
  @Property({ type: 'smallint', nullable: true }) neetRiskScore: number | null = null;

  /**
   * A pupil a roster import added: the imported flags they started with (bit i for IMPORTED_FLAGS[i])
   * and that import. The flag history shows those as set by the import; later changes are FlagChange rows.
   */
  @Property({ type: 'smallint', nullable: true }) baselineFlags: number | null = null;
  @Property({ type: 'uuid', nullable: true }) baselineImportId: string | null = null;

  /**
   * The DfE code of the local authority the pupil lives in (docs/domain-rules.md, "The local authority
   * return"), checked against LOCAL_AUTHORITIES in @waymark/domain; null when not recorded. Waymark
   * keeps this rather than an address: the return to each authority needs nothing finer.
   */
  @Property({ type: 'string', length: 3, nullable: true }) homeLaCode: string | null = null;

  /*
   * The pupil's postal address and one parent's or carer's name and address, kept only because the
   * local authority return (a legal duty) asks for them (docs/domain-rules.md, "The local authority
   * return"); read like the home local authority, every read logged, cleared when a leaver is
   * pseudonymised. Each part may be missing; a postcode is stored upper-case with one space.
   */
  @Property({ type: 'string', length: 100, nullable: true }) addressLine1: string | null = null;
  @Property({ type: 'string', length: 100, nullable: true }) addressLine2: string | null = null;
  @Property({ type: 'string', length: 60, nullable: true }) addressTown: string | null = null;
  @Property({ type: 'string', length: 8, nullable: true }) addressPostcode: string | null = null;
  @Property({ type: 'string', length: 100, nullable: true }) parentCarerName: string | null = null;
  /** The parent or carer lives at the pupil's address (their own address columns are then empty). */
  @Property({ type: 'boolean', default: false }) parentCarerSameAddress = false;
  @Property({ type: 'string', length: 100, nullable: true }) parentCarerAddressLine1: string | null = null;
  @Property({ type: 'string', length: 100, nullable: true }) parentCarerAddressLine2: string | null = null;
  @Property({ type: 'string', length: 60, nullable: true }) parentCarerAddressTown: string | null = null;
  @Property({ type: 'string', length: 8, nullable: true }) parentCarerAddressPostcode: string | null = null;

  @Property({ type: 'boolean', default: false }) destinationTracking = false;
  @Property({ type: 'boolean', default: false }) localAuthoritySharingOptOut = false;
  @Property({ type: 'string', length: 10, nullable: true }) optOutBy: OptOutBy | null = null;
  @Property({ type: 'datetime', nullable: true }) consentUpdatedAt: Date | null = null;
  @Property({ type: 'string', nullable: true }) consentUpdatedBy: string | null = null;
  /** The account that last changed consent (the name above is what people read), so that person's own data export lists it. */
  @Property({ type: 'string', nullable: true }) consentUpdatedById: string | null = null;

  /**
   * When the record was pseudonymised (docs/domain-rules.md, "Retention"); null while it is not. A
   * trust's sync then shows the pupil as a tombstone (docs/trust-api.md, "Incremental sync").
   */
  @Property({ type: 'datetime', nullable: true }) pseudonymisedAt: Date | null = null;
}

@ObjectType({ description: "Vulnerable and target groups. Staff of the pupil's own school only." })
export class PupilFlags {
  @Field() senSupport: boolean;
  @Field() ehcp: boolean;
  @Field() disadvantaged: boolean;
  @Field() lookedAfter: boolean;
  @Field() eal: boolean;
  @Field() youngCarer: boolean;
  @Field() youngParent: boolean;
  @Field() youthJustice: boolean;
  @Field() refugee: boolean;
  @Field() serviceChild: boolean;
  @Field() persistentAbsence: boolean;
  @Field() neetRisk: boolean;
  @Field(() => Int, { nullable: true }) neetRiskScore: number | null;
}

@ObjectType({ description: "How much of a pupil's history the caller may read in any subgraph." })
export class PupilRecordAccess {
  @Field({ description: 'True: every record of the pupil, from any school.' })
  current: boolean;

  @Field(() => ID, { nullable: true, description: 'Not current: only records of this (former) school …' })
  schoolId: string | null;

  @Field(() => String, { nullable: true, description: '… dated before this day, when the pupil left it.' })
  until: string | null;
}
