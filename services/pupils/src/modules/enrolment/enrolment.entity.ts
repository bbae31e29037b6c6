import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Pupil } from '../pupil/pupil.entity.js';
import { tenantPolicy } from '@waymark/subgraph-kit';
import { ENROLMENT_CURRENT_TRIGGER, ENROLMENT_RULE } from '../../row-security.js';
import { ENROLMENT_COHORT_VERSION_TRIGGERS } from '../cohort/cohort-version.entity.js';

/**
 * A pupil's past time at one school. The latest period (open, or closed when they left) lives on the
 * pupil row itself (`schoolId`, `enrolledOn`, `leftOn`); it becomes an `enrolment` row when the
 * pupil joins another school or rejoins this one. With it, the rows are the pupil's school history,
 * and tell a former school which period of the record is still its own.
 */
@Entity({ tableName: 'enrolment', triggers: [ENROLMENT_CURRENT_TRIGGER, ...ENROLMENT_COHORT_VERSION_TRIGGERS], ...tenantPolicy(ENROLMENT_RULE) })
@Index({ properties: ['schoolId', 'pupil'] })
@ObjectType({ description: 'A period at one school.' })
export class Enrolment {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Index()
  @ManyToOne(() => Pupil)
  pupil: Pupil;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  /** The school and trust the pupil is at now, kept by triggers (src/row-security.ts) for the row-level security policy only. */
  @Property({ type: 'uuid', nullable: true })
  currentSchoolId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  currentTrustId?: string | null;

  @Property({ type: 'date' })
  @Field(() => String)
  startedOn: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true })
  leftOn: string | null;
}
