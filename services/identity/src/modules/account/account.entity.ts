import { SealedSecretType } from '../second-factor/secret-box.js';
import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ArrayType, OptionalProps } from '@mikro-orm/core';
import { ROLES, type Role } from '@waymark/auth';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { ACCOUNT_RULE } from '../../row-security.js';

/**
 * A person who signs in. Only `id`, `email`, `displayName` and `roles` are in the schema: the
 * password hash, the second-factor secret and a parent's links to children
 * never leave this service (the links travel only inside the principal).
 */
@Entity({ tableName: 'account', ...tenantPolicy(ACCOUNT_RULE) })
@Check({ name: 'account_email_lower_case', expression: 'email = lower(email)' })
@ObjectType({ description: 'A person who signs in to Waymark. Visible only to themself.' })
@Directive('@key(fields: "id")')
export class Account {
  [OptionalProps]?: 'pupilLevelAccess' | 'childPupilIds' | 'awaitingVerificationSince';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  /** Always stored lower-cased, so the unique index is case-insensitive. */
  @Property({ type: 'string', length: 254, unique: true })
  @Field()
  email: string;

  @Property({ type: 'string' })
  @Field()
  displayName: string;

  @Property({ type: 'string' })
  passwordHash: string;

  @Enum({ items: () => [...ROLES], array: true })
  @Field(() => [String])
  roles: Role[];

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  schoolId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  pupilId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  volunteerId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  employerId: string | null = null;

  /** A parent or carer's linked children (pupil ids in the pupils subgraph); staff of a child's school set them. */
  @Property({ type: new ArrayType(), columnType: 'uuid[]', defaultRaw: `'{}'` })
  childPupilIds: string[] = [];

  @Property({ type: 'boolean', default: false })
  pupilLevelAccess = false;

  /** The TOTP secret (base32) of a person who uses a second factor; sign-in asks for a code from it. Stored sealed. */
  @Property({ type: SealedSecretType, nullable: true })
  mfaSecret: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  mfaEnrolledAt: Date | null = null;

  /** The time step of the last code accepted: a code is good once. */
  @Property({ type: 'integer', nullable: true })
  mfaLastStep: number | null = null;

  /** A secret offered to a signed-in person setting up a second factor, until a code from it confirms it. */
  @Property({ type: SealedSecretType, nullable: true })
  mfaPendingSecret: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  disabledAt: Date | null = null;

  /** Set for a volunteer who signed up and has not yet followed the link emailed to them: they cannot sign in. */
  @Property({ type: 'datetime', nullable: true })
  awaitingVerificationSince: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date;
}
