import { ArgsType, Field, ID, Int } from 'type-graphql';
import type { VulnerableGroupCode } from '@waymark/domain';
import { VulnerableGroupEnum } from './vulnerable-group.js';

@ArgsType()
export class PupilsArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => ID, { nullable: true, description: 'Trust analysts with pupil-level access pick a school.' })
  schoolId?: string | null;

  @Field(() => Int, { nullable: true })
  yearGroup?: number | null;

  @Field(() => String, { nullable: true })
  tutorGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches the start of a surname, forename or UPN.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include pupils who have left, or moved on to another school (default false).' })
  includeLeavers?: boolean | null;

  @Field(() => [VulnerableGroupEnum], { nullable: true, description: 'Pupils in every listed group.' })
  groups?: VulnerableGroupCode[] | null;
}
