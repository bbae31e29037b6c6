import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import {
  VOLUNTEER_ACTIVITIES,
  checkVolunteerRequest,
  dayAsInstant,
  normalisePostcode,
  postcodeDistrict,
  problemList,
  requestFitsVolunteer,
  type SicSection,
  textProblem,
  todayInEngland,
} from '@waymark/domain';
import { AccessError, isUuid, type FieldError } from '@waymark/subgraph-kit';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { actingVolunteer, requestManagerSchool, requestReaderSchool } from './request.access.js';
import { EncounterOutbox, VolunteerOffer, VolunteerOfferStatus, VolunteerRequest, VolunteerRequestStatus } from './request.entity.js';
import { RequestProblems } from './request.errors.js';
import {
  REQUESTS_FOR_VOLUNTEER,
  SUGGESTED_VOLUNTEERS_DEFAULT,
  SUGGESTED_VOLUNTEERS_MAX,
  VOLUNTEERS_FOR_REQUEST,
  type SuggestedVolunteerRow,
} from './request.matching.js';
import {
  SuggestedVolunteer,
  SuggestedVolunteers,
  VolunteerOfferResult,
  VolunteerRequestResult,
  type ConfirmVolunteerRequestInput,
  type OfferVolunteerHelpInput,
  type PostVolunteerRequestInput,
  type RespondToVolunteerOfferInput,
} from './request.types.js';

/** Most requests a list answers: a school's latest, or the open ones that fit a volunteer. */
export const REQUEST_LIST_LIMIT = 200;

export const LAPSED_REQUEST = 'The dates passed before the school confirmed any volunteers.';
export const LAPSED_OFFER = "The request's dates passed before the school confirmed. Thank you for offering.";
export const FILLED_OFFER = 'The school has confirmed the volunteers it needs for this request. Thank you for offering.';

const requestResult = (request: VolunteerRequest | null, error: VolunteerRequestResult['error']) =>
  Object.assign(new VolunteerRequestResult(), { request, error });
const offerResult = (offer: VolunteerOffer | null, error: VolunteerOfferResult['error']) => Object.assign(new VolunteerOfferResult(), { offer, error });

const messageProblem = (field: string, message: string, missing: string): FieldError[] => {
  const problem = textProblem(message, { missing, max: 2000, name: 'the message', multiline: true });
  return problem ? [{ field, message: problem }] : [];
};

/** The createEncounter input that records a confirmed request (the school adds the register later). */
export function encounterInputFor(request: VolunteerRequest, volunteers: readonly Volunteer[]): Record<string, unknown> {
  const activity = VOLUNTEER_ACTIVITIES[request.activity];
  return {
    kind: activity.encounterKind,
    title: `${activity.label} (volunteers)`,
    date: dayAsInstant(request.dateFrom).toISOString(),
    hasTime: false,
    hours: 1,
    inSchoolDay: true,
    yearGroups: request.yearGroups,
    volunteerIds: volunteers.map((v) => v.id),
    employerIds: [...new Set(volunteers.flatMap((v) => (v.employerId ? [v.employerId] : [])))],
    register: [],
    idempotencyKey: `volunteer-request:${request.id}`,
  };
}

export class RequestService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Closes every open request whose last day has passed, and the offers still waiting on it, each
   * with a message saying why. Run before anything reads or changes requests, so nobody sees an
   * open request whose dates have gone; `now` is the clock (tests pass their own).
   */
  async closeLapsed(now: Date): Promise<number> {
    const today = todayInEngland(now);
    return this.em.transactional(async (em) => {
      const lapsed = await em.find(VolunteerRequest, { status: VolunteerRequestStatus.OPEN, dateTo: { $lt: today } }, { fields: ['id'] });
      if (lapsed.length === 0) return 0;
      const ids = lapsed.map((r) => r.id);
      await em.nativeUpdate(
        VolunteerRequest,
        { id: { $in: ids }, status: VolunteerRequestStatus.OPEN },
        { status: VolunteerRequestStatus.CLOSED, closedReason: LAPSED_REQUEST },
      );
      await em.nativeUpdate(
        VolunteerOffer,
        { request: { $in: ids }, status: { $in: [VolunteerOfferStatus.OPEN, VolunteerOfferStatus.ACCEPTED] } },
        { status: VolunteerOfferStatus.CLOSED, response: LAPSED_OFFER, responseByWaymark: true, respondedAt: now },
      );
      return ids.length;
    });
  }

  async post(principal: Principal, input: PostVolunteerRequestInput, now: Date): Promise<VolunteerRequestResult> {
    const schoolId = requestManagerSchool(principal);
    if (!schoolId) throw AccessError.forbidden('Only careers leaders and staff of a school can ask for volunteers.');
    const values = {
      activity: input.activity,
      dateFrom: input.dateFrom.trim(),
      dateTo: input.dateTo.trim(),
      yearGroups: [...new Set(input.yearGroups)].sort((a, b) => a - b),
      volunteersWanted: input.volunteersWanted,
      sectors: [...new Set(input.sectors ?? [])].sort(),
      virtual: input.virtual,
      postcode: input.virtual ? null : (input.postcode ?? null),
      details: input.details ?? '',
    };
    const problems = problemList(checkVolunteerRequest(values, now));
    if (problems.length > 0) return requestResult(null, RequestProblems.invalid(problems));
    const postcode = values.postcode ? normalisePostcode(values.postcode) : null;
    const request = this.em.create(VolunteerRequest, {
      id: randomUUID(),
      schoolId,
      trustId: principal.trustId,
      ...values,
      postcode,
      district: postcode ? postcodeDistrict(postcode) : null,
      details: values.details.trim(),
      unsupervised: input.unsupervised ?? false,
      regular: input.regular ?? false,
      createdById: principal.accountId,
      createdAt: now,
    });
    await this.em.flush();
    return requestResult(request, null);
  }

  /** The school's requests, newest first. */
  async forSchool(principal: Principal, now: Date): Promise<VolunteerRequest[]> {
    const schoolId = requestReaderSchool(principal);
    if (!schoolId) throw AccessError.forbidden();
    await this.closeLapsed(now);
    return this.em.find(VolunteerRequest, { schoolId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: REQUEST_LIST_LIMIT });
  }

  /**
   * Open requests that fit the volunteer's profile (domain rule: requestFitsVolunteer), soonest
   * first, in one statement (request.matching.ts).
   */
  async openForVolunteer(principal: Principal, now: Date): Promise<VolunteerRequest[]> {
    const volunteerId = actingVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden();
    // Rows with the entity's fields (the statement names each column as the entity does), read only and never managed
    // by the entity manager. Each takes the entity's prototype, so the field resolvers' @Root() takes it as it is rather
    // than building an entity per row and field (type-graphql's convertToType, which runs the entity's constructor).
    const rows = await this.em.execute<(VolunteerRequest & { createdAt: Date | string; confirmedAt: Date | string | null })[]>(REQUESTS_FOR_VOLUNTEER, [
      todayInEngland(now),
      volunteerId,
      REQUEST_LIST_LIMIT,
    ]);
    for (const row of rows) {
      row.createdAt = new Date(row.createdAt);
      row.confirmedAt = row.confirmedAt === null ? null : new Date(row.confirmedAt);
      Object.setPrototypeOf(row, VolunteerRequest.prototype);
    }
    return rows;
  }

  /**
   * The volunteers who could help with one of the school's open requests and have not offered, best
   * first (request.matching.ts), for its careers leaders and staff; null when it is not the caller's
   * school's request. Only what the school sees of a volunteer who offers: no contact details.
   */
  async suggestedVolunteers(principal: Principal, requestId: string, first: number | null | undefined, now: Date): Promise<SuggestedVolunteers | null> {
    const schoolId = requestManagerSchool(principal);
    if (!schoolId) throw AccessError.forbidden('Only careers leaders and staff of the school can see who could help.');
    if (!isUuid(requestId)) return null;
    const limit = Math.min(Math.max(first ?? SUGGESTED_VOLUNTEERS_DEFAULT, 1), SUGGESTED_VOLUNTEERS_MAX);
    const rows = await this.em.execute<SuggestedVolunteerRow[]>(VOLUNTEERS_FOR_REQUEST, [todayInEngland(now), limit, requestId, schoolId]);
    if (rows.length === 0) return null;
    const volunteers = rows.flatMap((row) =>
      row.id
        ? [
            Object.assign(new SuggestedVolunteer(), {
              id: row.id,
              displayName: `${row.first_name} ${row.last_name}`,
              jobTitle: row.job_title ?? '',
              employerName: row.employer_name,
              alumnus: row.alumnus === true,
              leftSchoolYear: row.alumnus ? row.left_school_year : null,
              worksWithSchool: row.works_with_school === true,
              sectorsInCommon: (row.sectors_in_common ?? []) as SicSection[],
            }),
          ]
        : [],
    );
    return Object.assign(new SuggestedVolunteers(), { total: rows[0].total ?? 0, volunteers });
  }

  /** The volunteer's own offers, newest first. */
  async myOffers(principal: Principal, now: Date): Promise<VolunteerOffer[]> {
    const volunteerId = actingVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden();
    await this.closeLapsed(now);
    return this.em.find(VolunteerOffer, { volunteerId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: REQUEST_LIST_LIMIT, populate: ['request'] });
  }

  /** A volunteer offers to help with an open request that fits them; the request is locked meanwhile. */
  async offer(principal: Principal, input: OfferVolunteerHelpInput, now: Date): Promise<VolunteerOfferResult> {
    const volunteerId = actingVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden('Only volunteers can offer to help.');
    const problems = messageProblem('message', input.message, 'Write a message to the school');
    if (problems.length > 0) return offerResult(null, RequestProblems.invalid(problems));
    if (!isUuid(input.requestId)) return offerResult(null, RequestProblems.notFound());
    await this.closeLapsed(now);
    return this.em.transactional(async (em) => {
      const volunteer = await em.findOne(Volunteer, { id: volunteerId });
      if (!volunteer || volunteer.activities.length === 0) return offerResult(null, RequestProblems.noProfile());
      const request = await em.findOne(VolunteerRequest, { id: input.requestId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!request) return offerResult(null, RequestProblems.notFound());
      if (request.status !== VolunteerRequestStatus.OPEN) return offerResult(null, RequestProblems.closed());
      const fits = requestFitsVolunteer(request, {
        activities: volunteer.activities,
        sectors: volunteer.sectors,
        homePostcode: volunteer.homePostcode,
        reach: volunteer.reach,
        districts: volunteer.reachDistricts,
      });
      if (!fits) return offerResult(null, RequestProblems.notFound());
      if ((await em.count(VolunteerOffer, { request, volunteerId })) > 0) return offerResult(null, RequestProblems.alreadyOffered());
      const offer = em.create(VolunteerOffer, {
        id: randomUUID(),
        request,
        volunteerId,
        schoolId: request.schoolId,
        message: input.message.trim(),
        createdAt: now,
      });
      await em.flush();
      return offerResult(offer, null);
    });
  }

  /** The school accepts or declines an open offer on one of its open requests, with a message. */
  async respond(principal: Principal, input: RespondToVolunteerOfferInput, now: Date): Promise<VolunteerOfferResult> {
    const schoolId = requestManagerSchool(principal);
    if (!schoolId) throw AccessError.forbidden('Only careers leaders and staff of a school can answer offers.');
    const problems = messageProblem('message', input.message, 'Write a message to the volunteer');
    if (problems.length > 0) return offerResult(null, RequestProblems.invalid(problems));
    if (!isUuid(input.offerId)) return offerResult(null, RequestProblems.offerNotFound());
    await this.closeLapsed(now);
    const offer = await this.em.findOne(VolunteerOffer, { id: input.offerId, schoolId }, { populate: ['request'] });
    if (!offer) return offerResult(null, RequestProblems.offerNotFound());
    if (offer.request.status !== VolunteerRequestStatus.OPEN) return offerResult(null, RequestProblems.closed());
    if (offer.status !== VolunteerOfferStatus.OPEN) return offerResult(null, RequestProblems.offerAnswered());
    this.em.assign(offer, {
      status: input.accept ? VolunteerOfferStatus.ACCEPTED : VolunteerOfferStatus.DECLINED,
      response: input.message.trim(),
      responseByWaymark: false,
      respondedAt: now,
    });
    await this.em.flush();
    return offerResult(offer, null);
  }

  /**
   * The school confirms the volunteers it accepted. In one transaction: the request is confirmed,
   * offers still waiting are closed with a message, the accepted volunteers are linked to the school,
   * and an outbox row holds the encounter to create. The encounter itself is made by the dispatcher
   * (encounter-outbox.service.ts) after the commit, so a failure there loses nothing.
   */
  async confirm(principal: Principal, input: ConfirmVolunteerRequestInput, now: Date): Promise<VolunteerRequestResult> {
    const schoolId = requestManagerSchool(principal);
    if (!schoolId) throw AccessError.forbidden('Only careers leaders and staff of a school can confirm a request.');
    if (!isUuid(input.requestId)) return requestResult(null, RequestProblems.notFound());
    await this.closeLapsed(now);
    return this.em.transactional(async (em) => {
      const request = await em.findOne(VolunteerRequest, { id: input.requestId, schoolId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!request) return requestResult(null, RequestProblems.notFound());
      if (request.status !== VolunteerRequestStatus.OPEN) return requestResult(null, RequestProblems.closed());
      const offers = await em.find(VolunteerOffer, { request, status: { $in: [VolunteerOfferStatus.OPEN, VolunteerOfferStatus.ACCEPTED] } });
      const accepted = offers.filter((o) => o.status === VolunteerOfferStatus.ACCEPTED);
      if (accepted.length === 0) return requestResult(null, RequestProblems.noneAccepted());
      for (const offer of offers) {
        if (offer.status === VolunteerOfferStatus.OPEN)
          em.assign(offer, { status: VolunteerOfferStatus.CLOSED, response: FILLED_OFFER, responseByWaymark: true, respondedAt: now });
      }
      const volunteers = await em.find(Volunteer, { id: { $in: accepted.map((o) => o.volunteerId) } }, { orderBy: { id: 'asc' } });
      for (const volunteer of volunteers) {
        if (!volunteer.schoolIds.includes(schoolId)) volunteer.schoolIds = [...volunteer.schoolIds, schoolId];
      }
      em.assign(request, { status: VolunteerRequestStatus.CONFIRMED, confirmedAt: now });
      const payload = encounterInputFor(request, volunteers);
      em.create(EncounterOutbox, {
        id: randomUUID(),
        requestId: request.id,
        schoolId,
        idempotencyKey: String(payload.idempotencyKey),
        payload,
        createdAt: now,
      });
      await em.flush();
      return requestResult(request, null);
    });
  }
}
