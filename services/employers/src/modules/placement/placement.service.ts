import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { addDays, dayAsInstant, hoursProblem, parseDay, problemList, textProblem, todayInEngland, type FieldProblems } from '@waymark/domain';
import { AccessError, isUuid, type FieldError } from '@waymark/subgraph-kit';
import { Volunteer } from '../volunteer/volunteer.entity.js';
import { placementManagerSchool, placementPupil, placementReaderSchool, placementVolunteer } from './placement.access.js';
import { Placement, PlacementApplication, PlacementApplicationStatus, PlacementOutbox, PlacementStatus } from './placement.entity.js';
import { PlacementProblems } from './placement.errors.js';
import {
  PlacementApplicationResult,
  PlacementResult,
  type AnswerPlacementApplicationInput,
  type ApplyForPlacementInput,
  type CompletePlacementInput,
  type OfferPlacementInput,
} from './placement.types.js';
import type { PupilLookup } from './pupils.client.js';

/** Most rows a list answers. */
export const PLACEMENT_LIST_LIMIT = 200;
export const PLACEMENT_LIMITS = { titleLength: 120, tasksLength: 2000, statementLength: 1000, messageLength: 1000, feedbackLength: 2000 } as const;
/** At most four weeks of working days, so hours a day times days stays within an encounter's 200 hours. */
export const PLACEMENT_MAX_DAYS = 20;
export const PLACEMENT_MAX_HOURS_PER_DAY = 8;
export const PLACEMENT_MAX_CAPACITY = 500;
const MAX_DAYS_AHEAD = 366;

export const FINISHED_UNANSWERED = 'The placement finished before your school answered.';

type PlacementField = 'title' | 'tasks' | 'dateFrom' | 'dateTo' | 'hoursPerDay' | 'capacity' | 'yearGroups' | 'schoolIds';

/**
 * Working days from `from` to `to`, both included: the weekdays (Monday to Friday); a placement held
 * only at a weekend (a Saturday in a shop, say) counts its weekend days instead.
 */
export function workingDays(from: string, to: string): number {
  let weekdays = 0;
  let days = 0;
  for (let day = from; day <= to && days <= 400; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    days += 1;
    if (weekday !== 0 && weekday !== 6) weekdays += 1;
  }
  return weekdays > 0 ? weekdays : days;
}

/** What is wrong with an offered placement (docs/domain-rules.md, "Placements"). */
export function checkPlacement(values: OfferPlacementInput, volunteerSchools: readonly string[], now: Date): FieldProblems<PlacementField> {
  const problems: FieldProblems<PlacementField> = {};
  const today = todayInEngland(now);
  const title = textProblem(values.title, { missing: 'Enter a title for the placement', max: PLACEMENT_LIMITS.titleLength, name: 'the title' });
  if (title) problems.title = title;
  const tasks = textProblem(values.tasks, {
    missing: 'Describe what the pupil will do',
    max: PLACEMENT_LIMITS.tasksLength,
    name: 'what the pupil will do',
    multiline: true,
  });
  if (tasks) problems.tasks = tasks;
  const from = parseDay(values.dateFrom.trim());
  const to = parseDay(values.dateTo.trim());
  if (!from) problems.dateFrom = 'Enter the first day as a date, for example 2027-06-14';
  else if (from < today) problems.dateFrom = 'The first day cannot be in the past';
  else if (from > addDays(today, MAX_DAYS_AHEAD)) problems.dateFrom = 'The first day cannot be more than a year ahead';
  if (!to) problems.dateTo = 'Enter the last day as a date, for example 2027-06-18';
  else if (from && to < from) problems.dateTo = 'The last day must be the same as or after the first day';
  else if (from && workingDays(from, to) > PLACEMENT_MAX_DAYS) problems.dateTo = `A placement can last at most ${PLACEMENT_MAX_DAYS} working days`;
  const hours = hoursProblem(values.hoursPerDay, PLACEMENT_MAX_HOURS_PER_DAY, 'Enter the hours a day, for example 6');
  if (hours) problems.hoursPerDay = hours;
  if (!Number.isInteger(values.capacity) || values.capacity < 1) problems.capacity = 'A placement needs at least 1 place';
  else if (values.capacity > PLACEMENT_MAX_CAPACITY) problems.capacity = `A placement can have at most ${PLACEMENT_MAX_CAPACITY} places`;
  if (values.yearGroups.length === 0) problems.yearGroups = 'Choose at least one year group';
  else if (values.yearGroups.some((y) => !Number.isInteger(y) || y < 7 || y > 13)) problems.yearGroups = 'Year groups are 7 to 13';
  if (values.schoolIds.length === 0) problems.schoolIds = 'Choose at least one school';
  else if (values.schoolIds.some((id) => !volunteerSchools.includes(id))) problems.schoolIds = 'Choose only schools you work with';
  return problems;
}

const placementResult = (placement: Placement | null, error: PlacementResult['error']) => Object.assign(new PlacementResult(), { placement, error });
const applicationResult = (application: PlacementApplication | null, error: PlacementApplicationResult['error']) =>
  Object.assign(new PlacementApplicationResult(), { application, error });

/** Thrown inside a transaction to roll it back and answer with the error. */
class Refusal extends Error {
  constructor(readonly answer: PlacementApplicationResult) {
    super('refused');
  }
}

/** The createEncounter input that records one pupil's completed placement as their work experience (Benchmark 6). */
export function placementEncounterInput(placement: Placement, application: PlacementApplication): Record<string, unknown> {
  return {
    kind: 'WORK_EXPERIENCE',
    title: `Work experience: ${placement.title}`.slice(0, 200),
    date: dayAsInstant(placement.dateFrom).toISOString(),
    hasTime: false,
    hours: Math.round(placement.hoursPerDay * placement.days * 100) / 100,
    inSchoolDay: false,
    benchmarks: [6],
    yearGroups: [application.yearGroup],
    volunteerIds: [placement.volunteerId],
    employerIds: placement.employerId ? [placement.employerId] : [],
    register: [{ pupilId: application.pupilId, attended: true }],
    checklist: { employerFeedback: Boolean(application.feedback) },
    idempotencyKey: `placement-application:${application.id}`,
  };
}

export class PlacementService {
  constructor(private readonly em: EntityManager) {}

  /** An employer volunteer offers a placement to some of the schools they work with. */
  async offer(principal: Principal, input: OfferPlacementInput, now: Date): Promise<PlacementResult> {
    const volunteerId = placementVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden('Only employer volunteers and alumni can offer placements.');
    const volunteer = await this.em.findOne(Volunteer, { id: volunteerId });
    if (!volunteer) throw AccessError.forbidden();
    const values = {
      ...input,
      title: input.title.trim(),
      tasks: input.tasks.trim(),
      dateFrom: input.dateFrom.trim(),
      dateTo: input.dateTo.trim(),
      yearGroups: [...new Set(input.yearGroups)].sort((a, b) => a - b),
      schoolIds: [...new Set(input.schoolIds)].sort(),
    };
    const problems = problemList(checkPlacement(values, volunteer.schoolIds, now));
    if (problems.length > 0) return placementResult(null, PlacementProblems.invalid(problems));
    const placement = this.em.create(Placement, {
      id: randomUUID(),
      volunteerId,
      employerId: volunteer.employerId,
      ...values,
      days: workingDays(values.dateFrom, values.dateTo),
      createdAt: now,
    });
    await this.em.flush();
    return placementResult(placement, null);
  }

  /** The schools the volunteer works with (the ones they may offer placements to). */
  async schoolsOf(principal: Principal): Promise<{ id: string }[]> {
    const volunteerId = placementVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden();
    const volunteer = await this.em.findOne(Volunteer, { id: volunteerId });
    return (volunteer?.schoolIds ?? []).map((id) => ({ id }));
  }

  /** The volunteer's own placements, newest first. */
  mine(principal: Principal): Promise<Placement[]> {
    const volunteerId = placementVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden();
    return this.em.find(Placement, { volunteerId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: PLACEMENT_LIST_LIMIT });
  }

  /** Placements a pupil may apply for: offered to their school and year group, not started, with a place left; soonest first. */
  async openForPupil(principal: Principal, lookup: PupilLookup, now: Date): Promise<Placement[]> {
    const pupil = placementPupil(principal);
    if (!pupil) throw AccessError.forbidden();
    const me = await lookup();
    if (!me) return [];
    const rows = await this.em.find(
      Placement,
      {
        status: PlacementStatus.OPEN,
        dateFrom: { $gte: todayInEngland(now) },
        schoolIds: { $contains: [pupil.schoolId] },
        yearGroups: { $contains: [me.yearGroup] },
      },
      { orderBy: { dateFrom: 'asc', id: 'asc' }, limit: PLACEMENT_LIST_LIMIT },
    );
    return rows.filter((p) => p.taken < p.capacity);
  }

  /** A pupil applies for an open placement offered to their school and year group, with a short statement. */
  async apply(principal: Principal, lookup: PupilLookup, input: ApplyForPlacementInput, now: Date): Promise<PlacementApplicationResult> {
    const pupil = placementPupil(principal);
    if (!pupil) throw AccessError.forbidden('Only pupils can apply for placements.');
    const statement = textProblem(input.statement, {
      missing: 'Write a few words about why you would like this placement',
      max: PLACEMENT_LIMITS.statementLength,
      name: 'your statement',
      multiline: true,
    });
    if (statement) return applicationResult(null, PlacementProblems.invalid([{ field: 'statement', message: statement }]));
    if (!isUuid(input.placementId)) return applicationResult(null, PlacementProblems.notFound());
    const placement = await this.em.findOne(Placement, { id: input.placementId, schoolIds: { $contains: [pupil.schoolId] } });
    if (!placement) return applicationResult(null, PlacementProblems.notFound());
    if (placement.status !== PlacementStatus.OPEN || placement.dateFrom < todayInEngland(now)) return applicationResult(null, PlacementProblems.closed());
    const me = await lookup();
    if (!me) return applicationResult(null, PlacementProblems.noRecord());
    if (!placement.yearGroups.includes(me.yearGroup)) return applicationResult(null, PlacementProblems.notForYou());
    if (placement.taken >= placement.capacity) return applicationResult(null, PlacementProblems.full());
    // One application per pupil and placement: the unique key settles two at once.
    const inserted = await this.em.execute<{ id: string }[]>(
      `insert into placement_application (id, placement_id, pupil_id, school_id, first_name, year_group, statement, status, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (placement_id, pupil_id) do nothing returning id`,
      [randomUUID(), placement.id, pupil.pupilId, pupil.schoolId, me.firstName.slice(0, 100), me.yearGroup, input.statement.trim(), 'PENDING', now],
    );
    if (inserted.length === 0) return applicationResult(null, PlacementProblems.alreadyApplied());
    return applicationResult(await this.em.fork().findOneOrFail(PlacementApplication, { id: inserted[0].id }, { populate: ['placement'] }), null);
  }

  /** The pupil's own applications, newest first. */
  mineAsPupil(principal: Principal): Promise<PlacementApplication[]> {
    const pupil = placementPupil(principal);
    if (!pupil) throw AccessError.forbidden();
    return this.em.find(
      PlacementApplication,
      { pupilId: pupil.pupilId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: PLACEMENT_LIST_LIMIT, populate: ['placement'] },
    );
  }

  /** Applications from the school's pupils, newest first. */
  forSchool(principal: Principal): Promise<PlacementApplication[]> {
    const schoolId = placementReaderSchool(principal);
    if (!schoolId) throw AccessError.forbidden();
    return this.em.find(
      PlacementApplication,
      { schoolId },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit: PLACEMENT_LIST_LIMIT, populate: ['placement'] },
    );
  }

  /**
   * The pupil's school approves or declines their application, with a message. An approval takes a
   * place in the same transaction, with a conditional update the database applies one at a time per
   * placement (`taken < capacity`), so however many approvals arrive at once the places are never
   * exceeded; a refused one changes nothing.
   */
  async answer(principal: Principal, input: AnswerPlacementApplicationInput, now: Date): Promise<PlacementApplicationResult> {
    const schoolId = placementManagerSchool(principal);
    if (!schoolId) throw AccessError.forbidden("Only careers leaders and staff can answer their pupils' applications.");
    const message = textProblem(input.message, {
      missing: 'Write a message to the pupil',
      max: PLACEMENT_LIMITS.messageLength,
      name: 'the message',
      multiline: true,
    });
    if (message) return applicationResult(null, PlacementProblems.invalid([{ field: 'message', message }]));
    if (!isUuid(input.applicationId)) return applicationResult(null, PlacementProblems.applicationNotFound());
    const today = todayInEngland(now);
    try {
      const id = await this.em.transactional(async (em) => {
        const application = await em.findOne(PlacementApplication, { id: input.applicationId, schoolId }, { populate: ['placement'] });
        if (!application) throw new Refusal(applicationResult(null, PlacementProblems.applicationNotFound()));
        if (application.status !== PlacementApplicationStatus.PENDING) throw new Refusal(applicationResult(null, PlacementProblems.answered()));
        const placement = application.placement;
        if (placement.status !== PlacementStatus.OPEN || placement.dateTo < today) throw new Refusal(applicationResult(null, PlacementProblems.closed()));
        const answered = await em.nativeUpdate(
          PlacementApplication,
          { id: application.id, status: PlacementApplicationStatus.PENDING },
          {
            status: input.approve ? PlacementApplicationStatus.APPROVED : PlacementApplicationStatus.DECLINED,
            response: input.message.trim(),
            respondedAt: now,
          },
        );
        if (answered === 0) throw new Refusal(applicationResult(null, PlacementProblems.answered()));
        if (input.approve) {
          const took = await em.execute<{ affectedRows: number }>(
            'update placement set taken = taken + 1 where id = ? and status = ? and taken < capacity',
            [placement.id, PlacementStatus.OPEN],
            'run',
          );
          if (took.affectedRows !== 1) throw new Refusal(applicationResult(null, PlacementProblems.full()));
        }
        return application.id;
      });
      return applicationResult(await this.em.fork().findOneOrFail(PlacementApplication, { id }, { populate: ['placement'] }), null);
    } catch (error) {
      if (error instanceof Refusal) return error.answer;
      throw error;
    }
  }

  /**
   * After its last day, the volunteer marks their placement done, with feedback for some of the
   * pupils. In one transaction: each approved pupil's application is completed (with its feedback)
   * and an outbox row holds their work-experience encounter; applications never answered are closed.
   */
  async complete(principal: Principal, input: CompletePlacementInput, now: Date): Promise<PlacementResult> {
    const volunteerId = placementVolunteer(principal);
    if (!volunteerId) throw AccessError.forbidden('Only the volunteer who offered a placement can mark it done.');
    const feedback = input.feedback ?? [];
    const problems: FieldError[] = [];
    feedback.forEach((entry, index) => {
      const problem = textProblem(entry.feedback, { max: PLACEMENT_LIMITS.feedbackLength, name: 'the feedback', multiline: true });
      if (problem) problems.push({ field: `feedback.${index}`, message: problem });
    });
    if (problems.length > 0) return placementResult(null, PlacementProblems.invalid(problems));
    if (!isUuid(input.placementId)) return placementResult(null, PlacementProblems.notFound());
    return this.em.transactional(async (em) => {
      const placement = await em.findOne(Placement, { id: input.placementId, volunteerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!placement) return placementResult(null, PlacementProblems.notFound());
      if (placement.status !== PlacementStatus.OPEN) return placementResult(null, PlacementProblems.closed());
      // From the evening of its last day: the employer says how it went once the pupil has finished.
      if (placement.dateTo > todayInEngland(now)) return placementResult(null, PlacementProblems.notOver());
      const applications = await em.find(PlacementApplication, { placement }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      const approved = applications.filter((a) => a.status === PlacementApplicationStatus.APPROVED);
      const unknown = feedback.flatMap((entry, index) =>
        approved.some((a) => a.id === entry.applicationId)
          ? []
          : [{ field: `feedback.${index}`, message: 'Give feedback only to pupils who were on the placement' }],
      );
      if (unknown.length > 0) return placementResult(null, PlacementProblems.invalid(unknown));
      markPlacementDone(em, placement, applications, (application) => feedback.find((f) => f.applicationId === application.id)?.feedback, now);
      await em.flush();
      return placementResult(placement, null);
    });
  }
}

/**
 * Marks a placement done (the caller flushes): applications never answered close, each approved
 * pupil's application is completed with the feedback given them (if any), and an outbox row holds
 * their work-experience encounter. For the volunteer marking it done, and for the deletion of the
 * account of a volunteer whose placement had started (volunteer-erasure), which gives no feedback.
 */
export function markPlacementDone(
  em: EntityManager,
  placement: Placement,
  applications: readonly PlacementApplication[],
  feedbackFor: (application: PlacementApplication) => string | undefined,
  now: Date,
): void {
  for (const application of applications) {
    if (application.status === PlacementApplicationStatus.PENDING) {
      em.assign(application, { status: PlacementApplicationStatus.DECLINED, response: FINISHED_UNANSWERED, respondedAt: now });
    } else if (application.status === PlacementApplicationStatus.APPROVED) {
      const words = feedbackFor(application)?.trim();
      em.assign(application, { status: PlacementApplicationStatus.COMPLETED, feedback: words ? words : null });
      const payload = placementEncounterInput(placement, application);
      em.create(PlacementOutbox, {
        id: randomUUID(),
        applicationId: application.id,
        schoolId: application.schoolId,
        idempotencyKey: String(payload.idempotencyKey),
        payload,
        createdAt: now,
      });
    }
  }
  em.assign(placement, { status: PlacementStatus.COMPLETED, completedAt: now });
}
