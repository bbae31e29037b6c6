import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { MutationError, tenantPolicy } from '@waymark/subgraph-kit';

/** A school's rollover into an academic year; the unique key makes it happen once. */
@Entity({ tableName: 'year_rollover', ...tenantPolicy({ kind: 'staff', trust: true }) })
@Unique({ properties: ['schoolId', 'academicYear'] })
export class YearRollover {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'uuid' })
  schoolId: string;

  @Property({ type: 'uuid', nullable: true })
  trustId: string | null;

  @Property({ type: 'smallint' })
  academicYear: number;

  @Property({ type: 'integer' })
  promoted: number;

  @Property({ type: 'integer' })
  leavers: number;

  @Property({ type: 'datetime' })
  rolledOverAt: Date;

  @Property({ type: 'string' })
  rolledOverBy: string;
}

@ObjectType()
export class RollOverYearResult {
  @Field(() => Int)
  promoted: number;

  @Field(() => Int)
  leavers: number;

  @Field(() => MutationError, { nullable: true })
  error: MutationError | null;
}
