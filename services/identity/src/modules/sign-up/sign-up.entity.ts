import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export const EMAIL_TOKEN_PURPOSES = ['verify-email', 'reset-password'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

/**
 * A single-use link sent by email: confirming a new account's address, or choosing a new password.
 * Only the SHA-256 of the token is stored; using it deletes the row.
 */
@Entity({ tableName: 'email_token' })
export class EmailToken {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash: string;

  @Index()
  @Property({ type: 'uuid' })
  accountId: string;

  @Enum({ items: () => [...EMAIL_TOKEN_PURPOSES] })
  purpose: EmailTokenPurpose;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime' })
  expiresAt: Date;
}

export const VOLUNTEER_KINDS = ['employer', 'alumni'] as const;
export type VolunteerKind = (typeof VOLUNTEER_KINDS)[number];

export const VOLUNTEER_STATUSES = ['awaiting-school', 'active'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/**
 * What a volunteer told Waymark when they signed up. An employer volunteer's is active once their
 * email is confirmed; a former pupil's waits for their school to confirm they were a pupil there.
 */
@Entity({ tableName: 'volunteer_sign_up' })
export class VolunteerSignUp {
  @PrimaryKey({ type: 'uuid' })
  accountId: string;

  @Enum({ items: () => [...VOLUNTEER_KINDS] })
  kind: VolunteerKind;

  @Enum({ items: () => [...VOLUNTEER_STATUSES] })
  status: VolunteerStatus;

  @Property({ type: 'string', length: 120 })
  jobTitle: string;

  @Property({ type: 'string', length: 160, nullable: true })
  organisationName: string | null = null;

  /** A SIC section letter (@waymark/domain SIC_SECTIONS). */
  @Property({ type: 'string', length: 1, nullable: true })
  sector: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  sizeBand: string | null = null;

  @Property({ type: 'string', length: 8, nullable: true })
  postcode: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  website: string | null = null;

  /**
   * A former pupil's school, chosen from Waymark's list: what its staff are matched on (never the name).
   * A claim, not the row's tenant (the row is the sign-up's own), so the column is not `school_id`.
   */
  @Property({ type: 'uuid', nullable: true, fieldName: 'claimed_school_id' })
  schoolId: string | null = null;

  /** That school's name from Waymark's list at sign-up, for display. */
  @Property({ type: 'string', length: 160, nullable: true })
  schoolName: string | null = null;

  @Property({ type: 'integer', nullable: true })
  yearLeft: number | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date;
}
