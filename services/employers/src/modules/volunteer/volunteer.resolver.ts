import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AccessError, byKeys, loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import { Employer } from '../employer/employer.entity.js';
import { findEmployers } from '../employer/employer.service.js';
import { SchoolStub } from '../external/school.stub.js';
import { Volunteer } from './volunteer.entity.js';
import { canSeeContact } from './volunteer.access.js';
import { VolunteerService } from './volunteer.service.js';

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Authorized('careers_leader', 'staff', 'careers_adviser')
  @Query(() => [Volunteer], { nullable: true, description: "The volunteers who work with the caller's school." })
  volunteers(@Ctx() ctx: RequestContext): Promise<Volunteer[]> {
    return new VolunteerService(ctx.em).list(ctx.principal);
  }

  @Authorized('employer_volunteer', 'alumni')
  @Query(() => Volunteer, { nullable: true, description: "The signed-in volunteer's own profile." })
  async myVolunteerProfile(@Ctx() ctx: RequestContext): Promise<Volunteer | null> {
    if (!ctx.principal.volunteerId) return null;
    const [volunteer] = await new VolunteerService(ctx.em).findVisible(ctx.principal, [ctx.principal.volunteerId]);
    return volunteer ?? null;
  }

  @FieldResolver(() => String)
  displayName(@Root() volunteer: Volunteer): string {
    return `${volunteer.firstName} ${volunteer.lastName}`;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The volunteer themself, or staff of a school they work with.' })
  email(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): string | null {
    return canSeeContact(ctx.principal, volunteer) ? volunteer.email : null;
  }

  @FieldResolver(() => Employer, { nullable: true })
  employer(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): Promise<Employer | null> | null {
    if (!volunteer.employerId) return null;
    if (ctx.principal.kind === 'system') throw AccessError.forbidden();
    return loaderFor<Employer>(ctx, 'employer', async (ids) => byKeys(ids, await findEmployers(ctx.em, ids), (e) => e.id)).load(volunteer.employerId);
  }

  @FieldResolver(() => SchoolStub, { nullable: true, description: 'The school an alumni volunteer went to.' })
  alumniOf(@Root() volunteer: Volunteer): SchoolStub | null {
    return volunteer.alumniOfSchoolId ? { id: volunteer.alumniOfSchoolId } : null;
  }
}
