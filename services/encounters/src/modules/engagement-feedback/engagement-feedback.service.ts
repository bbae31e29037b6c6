import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { dayInEngland, todayInEngland, WORKPLACE_KINDS } from '@waymark/domain';
import { groupBy, isUuid, scopeOf, withRequestBypass, type FieldError, type RequestContext } from '@waymark/subgraph-kit';
import { Encounter, Participation } from '../encounter/encounter.entity.js';
import { stubOf, Volunteer } from '../external/external.entity.js';
import { EngagementFeedback, PupilEngagementFeedback, VolunteerThanks } from './engagement-feedback.entity.js';
import { FEEDBACK_MAX, FeedbackProblems, ratingProblem, textProblem, THANKS_MAX } from './engagement-feedback.errors.js';
import {
  EngagementFeedbackView,
  FeedbackPupil,
  PupilFeedbackNote,
  VolunteerThanksView,
  type GiveEngagementFeedbackInput,
  type GiveEngagementFeedbackResult,
  type GivePupilFeedbackInput,
  type GivePupilFeedbackResult,
  type ThankVolunteerInput,
  type ThankVolunteerResult,
} from './engagement-feedback.types.js';

/** First names and year groups from the pupils subgraph, for pupils this service has checked the volunteer may know. */
export type PupilNames = (pupilIds: string[]) => Promise<Map<string, { firstName: string; yearGroup: number | null }>>;

/** More pupils than any workplace experience's register holds. */
const MAX_PUPIL_ENTRIES = 500;

/** Whether an encounter has happened: its start time has passed, or (with no time given) its day has come in England. */
export function hasHappened(encounter: Pick<Encounter, 'date' | 'hasTime'>, now = new Date()): boolean {
  return encounter.hasTime ? encounter.date.getTime() <= now.getTime() : dayInEngland(encounter.date) <= todayInEngland(now);
}

const isWorkplace = (encounter: Pick<Encounter, 'kind'>): boolean => (WORKPLACE_KINDS as readonly string[]).includes(encounter.kind);

/** The volunteer the caller is, or null. */
export function ownVolunteerId(principal: Principal): string | null {
  const scope = scopeOf(principal);
  return scope.kind === 'volunteer' ? scope.volunteerId : null;
}

/** Staff of the encounter's school. */
const isStaffOf = (principal: Principal, schoolId: string) => {
  const scope = scopeOf(principal);
  return scope.kind === 'school' && scope.schoolId === schoolId;
};

/** A careers leader of the encounter's school: the only staff who read the organisation feedback and write thanks. */
export const isLeaderOf = (principal: Principal, schoolId: string): boolean => isStaffOf(principal, schoolId) && hasRole(principal, 'careers_leader');

function feedbackView(row: EngagementFeedback, principal: Principal): EngagementFeedbackView {
  const mayReadOrganisation = isLeaderOf(principal, row.schoolId) || ownVolunteerId(principal) === row.volunteerId;
  return Object.assign(new EngagementFeedbackView(), {
    id: row.id,
    volunteer: stubOf(Volunteer, row.volunteerId),
    groupFeedback: row.groupFeedback,
    organisationRating: mayReadOrganisation ? row.organisationRating : null,
    organisationFeedback: mayReadOrganisation ? row.organisationFeedback : null,
    updatedAt: row.updatedAt,
  });
}

function thanksView(row: VolunteerThanks, principal: Principal): VolunteerThanksView {
  return Object.assign(new VolunteerThanksView(), {
    id: row.id,
    volunteer: stubOf(Volunteer, row.volunteerId),
    message: row.message,
    // The rating is the school's own note (docs/domain-rules.md): the volunteer reads the thanks alone.
    rating: isStaffOf(principal, row.schoolId) ? row.rating : null,
    updatedAt: row.updatedAt,
  });
}

/**
 * Feedback both ways after an engagement (docs/domain-rules.md, "Feedback after an engagement"). Every
 * write is checked in full before anything is written, and flushed once.
 */
export class EngagementFeedbackService {
  private readonly em: EntityManager;

  constructor(private readonly ctx: Pick<RequestContext, 'em' | 'requestId'>) {
    this.em = ctx.em;
  }

  /**
   * The attended rows of a register, for the volunteer who delivered the encounter (checked by the
   * caller): row-level security has no rule for volunteers on registers, so this one read goes past it,
   * logged, and hands back only attended rows of this encounter.
   */
  private attendedRows(encounterId: string, participationIds?: string[]): Promise<Participation[]> {
    return withRequestBypass(this.ctx, 'volunteer feedback: the attended pupils of an encounter the volunteer delivered', (em) =>
      em.find(
        Participation,
        { encounter: encounterId, attended: true, ...(participationIds ? { id: { $in: participationIds } } : {}) },
        { orderBy: { id: 'asc' } },
      ),
    );
  }

  /** An encounter the calling volunteer delivered, or null (for anyone else too). */
  async deliveredBy(principal: Principal, encounterId: string): Promise<Encounter | null> {
    const volunteerId = ownVolunteerId(principal);
    if (!volunteerId || !isUuid(encounterId)) return null;
    return this.em.findOne(Encounter, { id: encounterId, volunteerIds: { $contains: [volunteerId] } });
  }

  async giveFeedback(principal: Principal, input: GiveEngagementFeedbackInput, now = new Date()): Promise<GiveEngagementFeedbackResult> {
    const encounter = await this.deliveredBy(principal, input.encounterId);
    if (!encounter) return { feedback: null, error: FeedbackProblems.notFound() };
    if (!hasHappened(encounter, now)) return { feedback: null, error: FeedbackProblems.notYet() };
    const fields = [
      textProblem('groupFeedback', 'your feedback on the pupils', input.groupFeedback, FEEDBACK_MAX),
      ratingProblem('organisationRating', input.organisationRating),
      textProblem('organisationFeedback', 'your feedback on how the school organised it', input.organisationFeedback, FEEDBACK_MAX),
    ].filter((field): field is FieldError => field !== null);
    if (fields.length > 0) return { feedback: null, error: FeedbackProblems.invalid(fields) };
    const volunteerId = ownVolunteerId(principal)!;
    let row = await this.em.findOne(EngagementFeedback, { encounter: encounter.id, volunteerId });
    if (!row) {
      row = this.em.create(EngagementFeedback, {
        id: randomUUID(),
        encounter,
        schoolId: encounter.schoolId,
        trustId: encounter.trustId,
        volunteerId,
        groupFeedback: '',
        organisationRating: 1,
        organisationFeedback: '',
      });
    }
    Object.assign(row, {
      groupFeedback: input.groupFeedback.trim(),
      organisationRating: input.organisationRating,
      organisationFeedback: input.organisationFeedback.trim(),
      updatedAt: now,
    });
    await this.em.flush();
    return { feedback: feedbackView(row, principal), error: null };
  }

  /** The pupils who attended, as the volunteer who delivered the encounter may know them, with what they wrote for each. */
  async feedbackPupils(principal: Principal, encounter: Encounter, namesOf: PupilNames, now = new Date()): Promise<FeedbackPupil[] | null> {
    const volunteerId = ownVolunteerId(principal);
    if (!volunteerId || !encounter.volunteerIds.includes(volunteerId) || !isWorkplace(encounter) || !hasHappened(encounter, now)) return null;
    const attended = await this.attendedRows(encounter.id);
    const written = await this.em.find(PupilEngagementFeedback, { encounterId: encounter.id, volunteerId });
    const textOf = new Map(written.map((row) => [row.participation.id, row.text]));
    const names = await namesOf(attended.map((row) => row.pupilId));
    return attended
      .map((row) =>
        Object.assign(new FeedbackPupil(), {
          participationId: row.id,
          firstName: names.get(row.pupilId)?.firstName ?? 'Pupil',
          yearGroup: names.get(row.pupilId)?.yearGroup ?? null,
          feedback: textOf.get(row.id) ?? null,
        }),
      )
      .sort((a, b) => a.firstName.localeCompare(b.firstName, 'en-GB'));
  }

  async givePupilFeedback(principal: Principal, input: GivePupilFeedbackInput, namesOf: PupilNames, now = new Date()): Promise<GivePupilFeedbackResult> {
    const encounter = await this.deliveredBy(principal, input.encounterId);
    if (!encounter) return { pupils: null, error: FeedbackProblems.notFound() };
    if (!hasHappened(encounter, now)) return { pupils: null, error: FeedbackProblems.notYet() };
    if (!isWorkplace(encounter)) return { pupils: null, error: FeedbackProblems.notWorkplace() };
    if (input.feedback.length === 0 || input.feedback.length > MAX_PUPIL_ENTRIES) {
      return { pupils: null, error: FeedbackProblems.invalid([{ field: 'feedback', message: 'Write feedback for at least one pupil.' }]) };
    }
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    input.feedback.forEach((entry, i) => {
      const problem = textProblem(`feedback.${i}.text`, 'your feedback for this pupil', entry.text, FEEDBACK_MAX);
      if (problem) fields.push(problem);
      if (seen.has(entry.participationId)) fields.push({ field: `feedback.${i}.participationId`, message: 'This pupil is listed twice.' });
      seen.add(entry.participationId);
    });
    if (fields.length > 0) return { pupils: null, error: FeedbackProblems.invalid(fields) };
    const ids = [...seen];
    const attended = await this.attendedRows(encounter.id, ids.filter(isUuid));
    const attendedIds = new Set(attended.map((row) => row.id));
    const notAttended = ids.filter((id) => !attendedIds.has(id));
    if (notAttended.length > 0) return { pupils: null, error: FeedbackProblems.notAttended(notAttended) };

    const volunteerId = ownVolunteerId(principal)!;
    const existing = new Map(
      (await this.em.find(PupilEngagementFeedback, { participation: { $in: ids }, volunteerId })).map((row) => [row.participation.id, row]),
    );
    const byId = new Map(attended.map((row) => [row.id, row]));
    for (const entry of input.feedback) {
      const participation = byId.get(entry.participationId)!;
      const row =
        existing.get(entry.participationId) ??
        this.em.create(PupilEngagementFeedback, {
          id: randomUUID(),
          participation,
          encounterId: encounter.id,
          pupilId: participation.pupilId,
          schoolId: participation.schoolId,
          trustId: participation.trustId,
          volunteerId,
          text: '',
        });
      row.text = entry.text.trim();
      row.updatedAt = now;
    }
    await this.em.flush();
    return { pupils: await this.feedbackPupils(principal, encounter, namesOf, now), error: null };
  }

  async thank(principal: Principal, input: ThankVolunteerInput, now = new Date()): Promise<ThankVolunteerResult> {
    const scope = scopeOf(principal);
    const encounter =
      scope.kind === 'school' && isUuid(input.encounterId) ? await this.em.findOne(Encounter, { id: input.encounterId, schoolId: scope.schoolId }) : null;
    if (!encounter || !isLeaderOf(principal, encounter.schoolId)) return { thanks: null, error: FeedbackProblems.notFound() };
    if (!hasHappened(encounter, now)) return { thanks: null, error: FeedbackProblems.notYet() };
    if (!encounter.volunteerIds.includes(input.volunteerId)) return { thanks: null, error: FeedbackProblems.notDelivered() };
    const fields = [textProblem('message', 'a message of thanks', input.message, THANKS_MAX), ratingProblem('rating', input.rating)].filter(
      (field): field is FieldError => field !== null,
    );
    if (fields.length > 0) return { thanks: null, error: FeedbackProblems.invalid(fields) };
    let row = await this.em.findOne(VolunteerThanks, { encounter: encounter.id, volunteerId: input.volunteerId });
    if (!row) {
      row = this.em.create(VolunteerThanks, {
        id: randomUUID(),
        encounter,
        schoolId: encounter.schoolId,
        trustId: encounter.trustId,
        volunteerId: input.volunteerId,
        message: '',
        rating: 1,
        thankedBy: principal.accountId,
      });
    }
    Object.assign(row, { message: input.message.trim(), rating: input.rating, thankedBy: principal.accountId, updatedAt: now });
    await this.em.flush();
    return { thanks: thanksView(row, principal), error: null };
  }

  /**
   * Each encounter's feedback from volunteers, as far as the caller may read it: staff of the school
   * every volunteer's (the organisation part for careers leaders only), a volunteer their own.
   */
  async feedbackOn(principal: Principal, encounters: readonly Encounter[]): Promise<Map<string, EngagementFeedbackView[]>> {
    const where = this.readableRows(principal, encounters);
    const rows = where ? await this.em.find(EngagementFeedback, where, { orderBy: { createdAt: 'asc' } }) : [];
    return group(
      rows,
      (row) => row.encounter.id,
      (row) => feedbackView(row, principal),
    );
  }

  /** Each encounter's thanks: staff of the school every volunteer's, with the rating; a volunteer their own, without. */
  async thanksOn(principal: Principal, encounters: readonly Encounter[]): Promise<Map<string, VolunteerThanksView[]>> {
    const where = this.readableRows(principal, encounters);
    const rows = where ? await this.em.find(VolunteerThanks, where, { orderBy: { createdAt: 'asc' } }) : [];
    return group(
      rows,
      (row) => row.encounter.id,
      (row) => thanksView(row, principal),
    );
  }

  /** Which of these encounters' feedback and thanks rows the caller reads: staff their school's, a volunteer their own; null for none. */
  private readableRows(
    principal: Principal,
    encounters: readonly Encounter[],
  ): { encounter: { $in: string[] }; schoolId?: string; volunteerId?: string } | null {
    const scope = scopeOf(principal);
    if (scope.kind === 'school') {
      const ids = encounters.filter((e) => e.schoolId === scope.schoolId).map((e) => e.id);
      return ids.length > 0 ? { encounter: { $in: ids }, schoolId: scope.schoolId } : null;
    }
    if (scope.kind === 'volunteer') {
      const ids = encounters.filter((e) => e.volunteerIds.includes(scope.volunteerId)).map((e) => e.id);
      return ids.length > 0 ? { encounter: { $in: ids }, volunteerId: scope.volunteerId } : null;
    }
    return null;
  }

  /**
   * The volunteers' words for each register row: the pupil themself, and staff of the school that ran
   * the encounter; nobody else (parents, analysts, other schools, volunteers) reads them here.
   */
  async notesFor(principal: Principal, rows: readonly Participation[]): Promise<Map<string, PupilFeedbackNote[]>> {
    const scope = scopeOf(principal);
    const readable = rows.filter(
      (row) => (scope.kind === 'pupil' && scope.pupilId === row.pupilId) || (scope.kind === 'school' && scope.schoolId === row.schoolId),
    );
    if (readable.length === 0) return new Map();
    const notes = await this.em.find(PupilEngagementFeedback, { participation: { $in: readable.map((row) => row.id) } }, { orderBy: { createdAt: 'asc' } });
    return group(
      notes,
      (note) => note.participation.id,
      (note) => Object.assign(new PupilFeedbackNote(), { id: note.id, text: note.text, updatedAt: note.updatedAt }),
    );
  }
}

function group<T, V>(rows: readonly T[], keyOf: (row: T) => string, view: (row: T) => V): Map<string, V[]> {
  return new Map([...groupBy(rows, keyOf)].map(([key, grouped]) => [key, grouped.map(view)]));
}
