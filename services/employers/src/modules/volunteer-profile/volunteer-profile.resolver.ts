import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SicSection, VolunteerActivity, VolunteerReachKind } from '@waymark/domain';
import type { RequestContext } from '@waymark/subgraph-kit';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { canSeeContact, isSelf } from '../volunteer/volunteer.access.js';
import { VolunteerProfileService } from './volunteer-profile.service.js';
import {
  RoleModelProfile,
  SicSectionEnum,
  UpdateMyVolunteerProfileInput,
  UpdateMyVolunteerProfileResult,
  VolunteerActivityEnum,
  VolunteerReach,
} from './volunteer-profile.types.js';

/**
 * The volunteer's own profile: what they offer, where, and when. Whoever may read the volunteer at
 * all (volunteer.access.ts) reads what they offer and their consented role-model profile; reach and
 * availability go to the volunteer and staff of their schools; the home postcode to the volunteer alone.
 */
@Resolver(() => Volunteer)
export class VolunteerProfileResolver {
  @Authorized('employer_volunteer', 'alumni')
  @Mutation(() => UpdateMyVolunteerProfileResult, { nullable: true, description: 'The signed-in volunteer saves their own profile (all of it at once).' })
  updateMyVolunteerProfile(
    @Arg('input', () => UpdateMyVolunteerProfileInput) input: UpdateMyVolunteerProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<UpdateMyVolunteerProfileResult> {
    return new VolunteerProfileService(ctx.em).update(ctx.principal, input);
  }

  @FieldResolver(() => [VolunteerActivityEnum], { description: 'What they offer schools.' })
  activitiesOffered(@Root() volunteer: Volunteer): VolunteerActivity[] {
    return volunteer.activities as VolunteerActivity[];
  }

  @FieldResolver(() => [SicSectionEnum], { description: 'The sectors (SIC 2007 sections) of the work they can speak about.' })
  sectors(@Root() volunteer: Volunteer): SicSection[] {
    return volunteer.sectors as SicSection[];
  }

  @FieldResolver(() => VolunteerReach, { nullable: true, description: 'The volunteer themself, or staff of a school they work with.' })
  reach(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): VolunteerReach | null {
    if (!volunteer.reach || !canSeeContact(ctx.principal, volunteer)) return null;
    return { kind: volunteer.reach as VolunteerReachKind, districts: volunteer.reachDistricts, radiusMiles: volunteer.radiusMiles };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The volunteer themself, or staff of a school they work with.' })
  availability(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): string | null {
    return canSeeContact(ctx.principal, volunteer) ? volunteer.availability : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The volunteer themself only.' })
  homePostcode(@Root() volunteer: Volunteer, @Ctx() ctx: RequestContext): string | null {
    return isSelf(ctx.principal, volunteer) ? volunteer.homePostcode : null;
  }

  @FieldResolver(() => RoleModelProfile, { nullable: true, description: 'Only when the volunteer agreed to show it.' })
  roleModel(@Root() volunteer: Volunteer): RoleModelProfile | null {
    if (!volunteer.roleModelConsentedAt || !volunteer.roleModelJob) return null;
    return { jobTitle: volunteer.roleModelJob, route: volunteer.roleModelRoute ?? '', characteristics: volunteer.roleModelCharacteristics ?? '' };
  }
}
