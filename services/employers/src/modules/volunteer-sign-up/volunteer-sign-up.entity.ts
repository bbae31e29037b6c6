import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export const ALUMNI_STATUSES = ['AWAITING', 'CONFIRMED', 'DECLINED'] as const;
export type AlumniStatus = (typeof ALUMNI_STATUSES)[number];

/**
 * A volunteer who signed themself up through the employer portal: the identity account they sign in
 * with (the key that makes provisioning idempotent: one account, one volunteer), and, for a former
 * pupil, the school they chose from Waymark's list (by its id) and whether that school has confirmed
 * them. No tenant owns a row until a school confirms it; the resolvers check who asks.
 */
@Entity({ tableName: 'signed_up_volunteer' })
export class SignedUpVolunteer {
  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  @Property({ type: 'uuid', unique: true })
  volunteerId: string;

  @Property({ type: 'uuid', nullable: true })
  employerId: string | null = null;

  /** What an employer volunteer said about their organisation that the employer row does not hold. */
  @Property({ type: 'string', length: 20, nullable: true })
  organisationSizeBand: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  organisationWebsite: string | null = null;

  /**
   * The school a former pupil chose from Waymark's list: the only thing matched against the staff who
   * may see and confirm them. Rows from before schools were chosen by id have none and match no school.
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  claimedSchoolId: string | null = null;

  /** That school's name as Waymark's list had it at sign-up, for display only (never matched on). */
  @Property({ type: 'string', length: 160, nullable: true })
  claimedSchoolName: string | null = null;

  @Index()
  @Enum({ items: () => [...ALUMNI_STATUSES], nullable: true })
  alumniStatus: AlumniStatus | null = null;

  /** The school that confirmed or declined them. */
  @Property({ type: 'uuid', nullable: true })
  decidedBySchoolId: string | null = null;

  /** The principal's account id of whoever decided (never shown to the former pupil). */
  @Property({ type: 'string', length: 64, nullable: true })
  decidedByAccountId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  /** The careers leader's message to the former pupil (shown to them in their portal). */
  @Property({ type: 'text', nullable: true })
  decisionMessage: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date;
}
