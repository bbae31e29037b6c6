import { Arg, Authorized, Ctx, Directive, Mutation, Query, Resolver } from 'type-graphql';
import { AccessError, withRequestBypass } from '@waymark/subgraph-kit';
import type { EmployersContext } from '../../app.js';
import { VolunteerSignUpService } from './volunteer-sign-up.service.js';
import {
  AlumnusAwaitingConfirmation,
  AlumniConfirmationStatus,
  ConfirmedAlumnus,
  DecideAlumnusInput,
  MyAlumniConfirmation,
  ProvisionedVolunteer,
  ProvisionSignedUpVolunteerInput,
} from './volunteer-sign-up.types.js';

/**
 * Careers leaders and staff of a school, signed in as themselves (never an API key or the system):
 * their school's id, the only thing a former pupil's choice is matched against (never a name: two
 * schools can share one).
 */
function schoolStaff(ctx: EmployersContext): string {
  if (ctx.principal.kind !== 'user' || !ctx.principal.schoolId) throw AccessError.forbidden();
  return ctx.principal.schoolId;
}

@Resolver()
export class VolunteerSignUpResolver {
  @Directive('@inaccessible')
  @Mutation(() => ProvisionedVolunteer, {
    description:
      "Subgraph-to-subgraph only (identity, once a signed-up volunteer's email is confirmed): the volunteer for the account, and an employer volunteer's organisation, found or made. Keyed by the account: the same again answers the same ids.",
  })
  async provisionSignedUpVolunteer(@Arg('input') input: ProvisionSignedUpVolunteerInput, @Ctx() ctx: EmployersContext): Promise<ProvisionedVolunteer> {
    if (ctx.principal.kind !== 'system') throw AccessError.forbidden('Only Waymark itself can make a signed-up volunteer.');
    return withRequestBypass(ctx, 'volunteer sign-up: the volunteer and organisation of one account, made once', (em) =>
      new VolunteerSignUpService(em).provision(
        {
          accountId: input.accountId,
          kind: input.kind,
          name: input.name,
          email: input.email,
          jobTitle: input.jobTitle,
          organisationName: input.organisationName ?? null,
          sector: input.sector ?? null,
          sizeBand: input.sizeBand ?? null,
          postcode: input.postcode ?? null,
          website: input.website ?? null,
          schoolId: input.schoolId ?? null,
          schoolName: input.schoolName ?? null,
          yearLeft: input.yearLeft ?? null,
        },
        new Date(),
      ),
    );
  }

  @Authorized('careers_leader', 'staff')
  @Query(() => [AlumnusAwaitingConfirmation], {
    nullable: true,
    description: "Careers leaders and staff: former pupils who chose the caller's school at sign-up and are waiting for it to confirm them.",
  })
  async alumniAwaitingConfirmation(@Ctx() ctx: EmployersContext): Promise<AlumnusAwaitingConfirmation[]> {
    const rows = await new VolunteerSignUpService(ctx.em).awaiting(schoolStaff(ctx));
    return rows.map(({ firstName, lastName, ...row }) => ({ ...row, displayName: `${firstName} ${lastName}`.trim() }));
  }

  @Authorized('careers_leader', 'staff')
  @Mutation(() => AlumniConfirmationStatus, {
    description:
      "Careers leaders and staff: confirm (or decline, with a message) a former pupil who chose the caller's school. Confirmed, they are the school's alumnus and volunteer with it.",
  })
  async decideAlumnus(@Arg('input') input: DecideAlumnusInput, @Ctx() ctx: EmployersContext): Promise<AlumniConfirmationStatus> {
    schoolStaff(ctx);
    const status = await new VolunteerSignUpService(ctx.em).decide(
      ctx.principal,
      { volunteerId: input.volunteerId, confirm: input.confirm, message: input.message ?? null },
      new Date(),
    );
    return status as AlumniConfirmationStatus;
  }

  @Authorized('alumni')
  @Query(() => MyAlumniConfirmation, {
    nullable: true,
    description: 'A signed-up former pupil: whether the school they chose has confirmed them, and its message.',
  })
  async myAlumniConfirmation(@Ctx() ctx: EmployersContext): Promise<MyAlumniConfirmation | null> {
    if (ctx.principal.kind !== 'user' || !ctx.principal.volunteerId) return null;
    const row = await new VolunteerSignUpService(ctx.em).mine(ctx.principal.volunteerId);
    if (!row?.alumniStatus || !row.claimedSchoolName) return null;
    return {
      status: row.alumniStatus as AlumniConfirmationStatus,
      schoolNameGiven: row.claimedSchoolName,
      message: row.decisionMessage,
      decidedAt: row.decidedAt,
    };
  }

  @Directive('@inaccessible')
  @Query(() => ConfirmedAlumnus, {
    nullable: true,
    description:
      'The signed-in former pupil, if a school confirmed them (the destinations subgraph asks before it takes their report); null for anyone else, including an alumnus waiting or declined and an employer volunteer.',
  })
  async confirmedAlumnus(@Ctx() ctx: EmployersContext): Promise<ConfirmedAlumnus | null> {
    const { principal } = ctx;
    if (principal.kind !== 'user' || !principal.roles.includes('alumni') || !principal.volunteerId) return null;
    return new VolunteerSignUpService(ctx.em).confirmed(principal.volunteerId);
  }
}
