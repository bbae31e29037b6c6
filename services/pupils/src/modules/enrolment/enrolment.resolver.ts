import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@waymark/subgraph-kit';
import { School } from '../school/school.entity.js';
import { loadSchool } from '../school/school.service.js';
import { Enrolment } from './enrolment.entity.js';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @FieldResolver(() => School, { nullable: true })
  school(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<School | null> {
    return loadSchool(ctx, enrolment.schoolId);
  }
}
