import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AccessError, byKeys, loaderFor, type RequestContext } from '@waymark/subgraph-kit';
import type { EmployersContext } from '../../app.js';
import { EncounterStub } from '../external/encounter.stub.js';
import { SchoolStub } from '../external/school.stub.js';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { actingVolunteer, canSeeOffer, requestReaderSchool } from './request.access.js';
import { VolunteerOffer, VolunteerOfferStatus, VolunteerRequest, VolunteerRequestStatus } from './request.entity.js';
import { EncounterOutboxService } from './encounter-outbox.service.js';
import { RequestService } from './request.service.js';
import {
  ConfirmVolunteerRequestInput,
  OfferVolunteerHelpInput,
  PostVolunteerRequestInput,
  RespondToVolunteerOfferInput,
  SuggestedVolunteers,
  VolunteerOfferResult,
  VolunteerRequestResult,
} from './request.types.js';

const SCHOOL_STAFF = ['careers_leader', 'staff', 'careers_adviser'] as const;
const MANAGERS = ['careers_leader', 'staff'] as const;
const VOLUNTEERS = ['employer_volunteer', 'alumni'] as const;

/** Sends the school's waiting encounters with the caller's credential (the caller is staff of that school). */
async function dispatch(ctx: EmployersContext, schoolId: string): Promise<void> {
  await new EncounterOutboxService(ctx.em).dispatchForSchool(schoolId, ctx.deps.encounters.sender(ctx), new Date());
}

function offersOf(ctx: RequestContext, requestId: string): Promise<VolunteerOffer[] | null> {
  return loaderFor<VolunteerOffer[]>(ctx, 'requestOffers', async (ids) => {
    const rows = await ctx.em.find(VolunteerOffer, { request: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return ids.map((id) => rows.filter((o) => o.request.id === id));
  }).load(requestId);
}

@Resolver(() => VolunteerRequest)
export class VolunteerRequestResolver {
  @Authorized(...SCHOOL_STAFF)
  @Query(() => [VolunteerRequest], {
    nullable: true,
    description:
      "The caller's school's requests for volunteers, newest first (at most 200). Reading them also sends any confirmed request's encounter still waiting to be made.",
  })
  async volunteerRequests(@Ctx() ctx: EmployersContext): Promise<VolunteerRequest[]> {
    const requests = await new RequestService(ctx.em).forSchool(ctx.principal, new Date());
    const schoolId = requestReaderSchool(ctx.principal)!;
    // Only staff who may record encounters send them; an adviser's read leaves them waiting.
    if (ctx.principal.roles.some((role) => (MANAGERS as readonly string[]).includes(role))) {
      await dispatch(ctx, schoolId);
      if (requests.some((r) => r.status === VolunteerRequestStatus.CONFIRMED && !r.encounterId)) {
        return new RequestService(ctx.em.fork()).forSchool(ctx.principal, new Date());
      }
    }
    return requests;
  }

  @Authorized(...VOLUNTEERS)
  @Query(() => [VolunteerRequest], { nullable: true, description: 'Open requests that fit the signed-in volunteer’s profile, soonest first.' })
  openVolunteerRequests(@Ctx() ctx: RequestContext): Promise<VolunteerRequest[]> {
    return new RequestService(ctx.em).openForVolunteer(ctx.principal, new Date());
  }

  @Authorized(...MANAGERS)
  @Query(() => SuggestedVolunteers, {
    nullable: true,
    description:
      "Volunteers who could help with one of the caller's school's open requests and have not offered yet, best first (the school's own alumni, then sectors in common). Careers leaders and staff of the request's school only; null for any other request.",
  })
  suggestedVolunteers(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many to list: 1 to 50, 20 when left out.' }) first: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SuggestedVolunteers | null> {
    return new RequestService(ctx.em).suggestedVolunteers(ctx.principal, requestId, first, new Date());
  }

  @Authorized(...MANAGERS)
  @Mutation(() => VolunteerRequestResult, { nullable: true, description: "Posts a request for volunteers for the caller's school." })
  postVolunteerRequest(
    @Arg('input', () => PostVolunteerRequestInput) input: PostVolunteerRequestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<VolunteerRequestResult> {
    return new RequestService(ctx.em).post(ctx.principal, input, new Date());
  }

  @Authorized(...MANAGERS)
  @Mutation(() => VolunteerRequestResult, {
    nullable: true,
    description: 'Confirms the accepted volunteers: the request closes to offers and an encounter with them is made in the encounters subgraph.',
  })
  async confirmVolunteerRequest(
    @Arg('input', () => ConfirmVolunteerRequestInput) input: ConfirmVolunteerRequestInput,
    @Ctx() ctx: EmployersContext,
  ): Promise<VolunteerRequestResult> {
    const confirmed = await new RequestService(ctx.em).confirm(ctx.principal, input, new Date());
    if (!confirmed.request) return confirmed;
    await dispatch(ctx, confirmed.request.schoolId);
    const fresh = await ctx.em.fork().findOneOrFail(VolunteerRequest, { id: confirmed.request.id });
    return Object.assign(new VolunteerRequestResult(), { request: fresh, error: null });
  }

  @FieldResolver(() => SchoolStub, { nullable: true })
  school(@Root() request: VolunteerRequest): SchoolStub {
    return { id: request.schoolId };
  }

  @FieldResolver(() => String, { nullable: true, description: 'In person: the district of the postcode, like LS6.' })
  district(@Root() request: VolunteerRequest): string | null {
    return request.district;
  }

  @FieldResolver(() => [VolunteerOffer], { nullable: true, description: "The offers made, oldest first. Staff of the request's school only." })
  async offers(@Root() request: VolunteerRequest, @Ctx() ctx: RequestContext): Promise<VolunteerOffer[]> {
    if (requestReaderSchool(ctx.principal) !== request.schoolId) throw AccessError.forbidden();
    return (await offersOf(ctx, request.id)) ?? [];
  }

  @FieldResolver(() => Int, { description: 'Offers the school has accepted.' })
  async acceptedCount(@Root() request: VolunteerRequest, @Ctx() ctx: RequestContext): Promise<number> {
    if (requestReaderSchool(ctx.principal) !== request.schoolId) return 0;
    return ((await offersOf(ctx, request.id)) ?? []).filter((o) => o.status === VolunteerOfferStatus.ACCEPTED).length;
  }

  @FieldResolver(() => VolunteerOffer, { nullable: true, description: "The signed-in volunteer's own offer on it, if any." })
  async myOffer(@Root() request: VolunteerRequest, @Ctx() ctx: RequestContext): Promise<VolunteerOffer | null> {
    const volunteerId = actingVolunteer(ctx.principal);
    if (!volunteerId) return null;
    return loaderFor<VolunteerOffer>(ctx, 'myOffer', async (ids) =>
      byKeys(ids, await ctx.em.find(VolunteerOffer, { volunteerId, request: { $in: [...ids] } }), (o) => o.request.id),
    ).load(request.id);
  }

  @FieldResolver(() => EncounterStub, {
    nullable: true,
    description: 'The encounter made for it once confirmed (the encounters subgraph decides who may read it).',
  })
  encounter(@Root() request: VolunteerRequest): EncounterStub | null {
    return request.encounterId ? { id: request.encounterId } : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Confirmed, and its encounter is still waiting to be made (it is sent again when the school next reads its requests).',
  })
  encounterPending(@Root() request: VolunteerRequest): boolean {
    return request.status === VolunteerRequestStatus.CONFIRMED && !request.encounterId;
  }
}

@Resolver(() => VolunteerOffer)
export class VolunteerOfferResolver {
  @Authorized(...VOLUNTEERS)
  @Query(() => [VolunteerOffer], { nullable: true, description: "The signed-in volunteer's offers, newest first, with each school's answer." })
  myVolunteerOffers(@Ctx() ctx: RequestContext): Promise<VolunteerOffer[]> {
    return new RequestService(ctx.em).myOffers(ctx.principal, new Date());
  }

  @Authorized(...VOLUNTEERS)
  @Mutation(() => VolunteerOfferResult, { nullable: true, description: 'The signed-in volunteer offers to help with an open request that fits their profile.' })
  offerVolunteerHelp(@Arg('input', () => OfferVolunteerHelpInput) input: OfferVolunteerHelpInput, @Ctx() ctx: RequestContext): Promise<VolunteerOfferResult> {
    return new RequestService(ctx.em).offer(ctx.principal, input, new Date());
  }

  @Authorized(...MANAGERS)
  @Mutation(() => VolunteerOfferResult, {
    nullable: true,
    description: "Accepts or declines an offer made to the caller's school, with a message to the volunteer.",
  })
  respondToVolunteerOffer(
    @Arg('input', () => RespondToVolunteerOfferInput) input: RespondToVolunteerOfferInput,
    @Ctx() ctx: RequestContext,
  ): Promise<VolunteerOfferResult> {
    return new RequestService(ctx.em).respond(ctx.principal, input, new Date());
  }

  @FieldResolver(() => VolunteerRequest)
  async request(@Root() offer: VolunteerOffer, @Ctx() ctx: RequestContext): Promise<VolunteerRequest> {
    if (!canSeeOffer(ctx.principal, offer)) throw AccessError.forbidden();
    return offer.request.id && offer.request.dateFrom ? offer.request : ctx.em.findOneOrFail(VolunteerRequest, { id: offer.request.id });
  }

  @FieldResolver(() => Volunteer, { nullable: true, description: 'Who offered: the volunteer themself, or staff of the school they offered to.' })
  volunteer(@Root() offer: VolunteerOffer, @Ctx() ctx: RequestContext): Promise<Volunteer | null> {
    if (!canSeeOffer(ctx.principal, offer)) throw AccessError.forbidden();
    return volunteerById(ctx, offer.volunteerId);
  }
}

/** A volunteer by id, batched over the whole answer (whoever calls checks the caller's right to see them). */
export function volunteerById(ctx: RequestContext, id: string): Promise<Volunteer | null> {
  return loaderFor<Volunteer>(ctx, 'volunteerById', async (ids) => byKeys(ids, await ctx.em.find(Volunteer, { id: { $in: [...ids] } }), (v) => v.id)).load(id);
}
