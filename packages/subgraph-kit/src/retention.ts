import type { EntityManager } from '@mikro-orm/sql';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from './context.js';
import { AccessError, InputError } from './errors.js';
import { isUuid } from './ids.js';
import { withRequestBypass } from './tenancy.js';

/**
 * The `pseudonymisePupil` mutation every subgraph holding a pupil's data has: its part of
 * pseudonymising a leaver three years after they left (docs/domain-rules.md, "Retention"), doing
 * what `pseudonymise` does to its own rows. Asked by the pupils subgraph's retention job with a
 * system credential; refused to everyone else, people and API keys alike. Doing it again changes
 * nothing (each subgraph's `pseudonymise` is written so).
 */
export function pseudonymisePupilResolver(pseudonymise: (em: EntityManager, pupilId: string) => Promise<unknown>) {
  @Resolver()
  class RetentionResolver {
    // Every subgraph has its own part: the same field in each, never reached through the gateway.
    @Directive('@shareable')
    @Directive('@inaccessible')
    @Mutation(() => Boolean, {
      description:
        "Subgraph-to-subgraph only (the retention job): removes this leaver's personal details from this subgraph's rows, keeping what the figures count. True once done; the same again is a no-op.",
    })
    async pseudonymisePupil(@Arg('pupilId', () => ID) pupilId: string, @Ctx() ctx: RequestContext): Promise<boolean> {
      if (ctx.principal.kind !== 'system') throw AccessError.forbidden('Only the retention job can pseudonymise a pupil.');
      if (!isUuid(pupilId)) throw InputError.invalid('pupilId must be a pupil id.');
      await withRequestBypass(ctx, 'retention: pseudonymising one leaver past three years, wherever their rows are', (em) => pseudonymise(em, pupilId));
      return true;
    }
  }
  return RetentionResolver;
}

/**
 * The `eraseVolunteer` mutation each subgraph holding a volunteer's data has: its part of a
 * volunteer deleting their own account (docs/domain-rules.md, "A volunteer deletes their account"),
 * doing what `erase` does to its own rows. Asked by the gateway with a system credential once
 * identity has taken the volunteer's request (their password checked); refused to everyone else, the
 * volunteer themself included. Doing it again changes nothing (each subgraph's `erase` is written so).
 */
export function eraseVolunteerResolver(erase: (em: EntityManager, volunteerId: string, now: Date, accountId: string | null) => Promise<unknown>) {
  @Resolver()
  class VolunteerErasureResolver {
    @Directive('@shareable')
    @Directive('@inaccessible')
    @Mutation(() => Boolean, {
      description:
        "Subgraph-to-subgraph only (the gateway, for a volunteer who deleted their account): removes the volunteer's personal details from this subgraph's rows, keeping what schools must keep under a stand-in. True once done; the same again is a no-op.",
    })
    async eraseVolunteer(
      @Arg('volunteerId', () => ID) volunteerId: string,
      @Arg('accountId', () => ID, {
        nullable: true,
        description: 'Their account in identity, for what is kept by account rather than by volunteer (survey answers).',
      })
      accountId: string | null | undefined,
      @Ctx() ctx: RequestContext,
    ): Promise<boolean> {
      if (ctx.principal.kind !== 'system') throw AccessError.forbidden('Only Waymark itself can erase a volunteer, once they have asked.');
      if (!isUuid(volunteerId)) throw InputError.invalid('volunteerId must be a volunteer id.');
      if (accountId != null && !isUuid(accountId)) throw InputError.invalid('accountId must be an account id.');
      await withRequestBypass(ctx, 'volunteer erasure: one volunteer who deleted their account, wherever their rows are', (em) =>
        erase(em, volunteerId, new Date(), accountId ?? null),
      );
      return true;
    }
  }
  return VolunteerErasureResolver;
}
