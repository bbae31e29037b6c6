import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from '@waymark/auth';
import { AccessError, boundSql, InputError, isUuid } from '@waymark/subgraph-kit';
import { Employer, OrganisationKind } from '../employer/employer.entity.js';
import { Volunteer, VolunteerKind } from '../volunteer/volunteer.entity.js';
import { SignedUpVolunteer, type AlumniStatus } from './volunteer-sign-up.entity.js';

/** What identity sends once a signed-up volunteer has confirmed their email (checked there at sign-up). */
export interface ProvisionRequest {
  accountId: string;
  kind: string;
  name: string;
  email: string;
  jobTitle: string;
  organisationName: string | null;
  sector: string | null;
  sizeBand: string | null;
  postcode: string | null;
  website: string | null;
  /** A former pupil's school, chosen from Waymark's list (identity checked it exists). */
  schoolId: string | null;
  /** Its name as Waymark's list has it (never what the former pupil typed), for display. */
  schoolName: string | null;
  yearLeft: number | null;
}

export interface Provisioned {
  volunteerId: string;
  employerId: string | null;
}

/** A former pupil waiting for their school, as its careers leader sees them (no contact details). */
export interface AwaitingAlumnus {
  volunteerId: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  leftSchoolYear: number | null;
  schoolNameGiven: string;
  signedUpAt: Date;
}

export const MAX_DECISION_MESSAGE = 1000;
const NOT_WAITING = 'This former pupil is not waiting for your school to confirm them.';

function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  return { firstName: words[0] ?? name, lastName: words.slice(1).join(' ') };
}

function checkRequest(input: ProvisionRequest): void {
  if (input.kind !== 'employer' && input.kind !== 'alumni') throw InputError.invalid('kind must be employer or alumni.');
  if (!isUuid(input.accountId)) throw InputError.invalid('accountId must be an account id.');
  if (!input.name.trim() || !input.email.trim() || !input.jobTitle.trim()) throw InputError.invalid('A volunteer needs a name, an email and a job title.');
  if (input.kind === 'employer' && !(input.organisationName?.trim() && input.sector && input.postcode))
    throw InputError.invalid("An employer volunteer needs their organisation's name, sector and postcode.");
  if (input.kind === 'alumni' && !(input.schoolId && isUuid(input.schoolId) && input.schoolName?.trim() && input.yearLeft))
    throw InputError.invalid('A former pupil needs the school they chose (its id and name) and the year they left.');
}

/**
 * Signed-up volunteers: made here once their email is confirmed, and former pupils confirmed or
 * declined by the school they chose, matched by its id alone (two schools can share a name).
 */
export class VolunteerSignUpService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The volunteer (and, for an employer volunteer, their organisation: an employer with the same name,
   * ignoring case, and postcode, or a new one) for an identity account. Keyed by the account: asked
   * again, or by two deliveries at once, it answers the same ids and makes nothing new.
   */
  async provision(input: ProvisionRequest, now: Date): Promise<Provisioned> {
    checkRequest(input);
    return this.em.transactional(async (em) => {
      // Two deliveries of one account at once: the second waits here, then finds the first's rows.
      await boundSql(em, 'select pg_advisory_xact_lock(hashtext($1))', [`signed-up-volunteer:${input.accountId}`]);
      const existing = await em.findOne(SignedUpVolunteer, { accountId: input.accountId });
      if (existing) return { volunteerId: existing.volunteerId, employerId: existing.employerId };

      const employerId = input.kind === 'employer' ? await this.findOrCreateEmployer(em, input) : null;
      const volunteerId = randomUUID();
      await em.insert(Volunteer, {
        id: volunteerId,
        employerId,
        kind: input.kind === 'employer' ? VolunteerKind.EMPLOYEE : VolunteerKind.ALUMNI,
        ...splitName(input.name),
        jobTitle: input.jobTitle.trim(),
        email: input.email.trim().toLowerCase(),
        alumniOfSchoolId: null,
        leftSchoolYear: input.kind === 'alumni' ? input.yearLeft : null,
        schoolIds: [],
      });
      await em.insert(SignedUpVolunteer, {
        accountId: input.accountId,
        volunteerId,
        employerId,
        organisationSizeBand: input.kind === 'employer' ? input.sizeBand : null,
        organisationWebsite: input.kind === 'employer' ? input.website : null,
        claimedSchoolId: input.kind === 'alumni' ? input.schoolId : null,
        claimedSchoolName: input.kind === 'alumni' ? input.schoolName!.trim().slice(0, 160) : null,
        alumniStatus: input.kind === 'alumni' ? 'AWAITING' : null,
        createdAt: now,
      });
      return { volunteerId, employerId };
    });
  }

  private async findOrCreateEmployer(em: EntityManager, input: ProvisionRequest): Promise<string> {
    const name = input.organisationName!.trim();
    const postcode = input.postcode!.replace(/\s+/g, '').toUpperCase();
    // Two colleagues from one new organisation at once: one makes it, the other finds it.
    await boundSql(em, 'select pg_advisory_xact_lock(hashtext($1))', [`employer:${name.toLowerCase()}:${postcode}`]);
    const { rows } = await boundSql<{ id: string }>(
      em,
      `select id from employer where lower(name) = lower($1) and upper(replace(coalesce(postcode, ''), ' ', '')) = $2 order by id limit 1`,
      [name, postcode],
    );
    if (rows[0]) return rows[0].id;
    const id = randomUUID();
    await em.insert(Employer, { id, name, sector: input.sector!, kind: OrganisationKind.EMPLOYER, postcode: input.postcode!.trim().toUpperCase() });
    return id;
  }

  /** Former pupils who chose the caller's school (by its id) and are waiting for it, oldest first. */
  async awaiting(schoolId: string): Promise<AwaitingAlumnus[]> {
    const { rows } = await boundSql<{
      volunteer_id: string;
      first_name: string;
      last_name: string;
      job_title: string;
      left_school_year: number | null;
      claimed_school_name: string;
      created_at: Date;
    }>(
      this.em,
      `select s.volunteer_id, v.first_name, v.last_name, v.job_title, v.left_school_year, s.claimed_school_name, s.created_at
         from signed_up_volunteer s join volunteer v on v.id = s.volunteer_id
        where s.alumni_status = 'AWAITING' and s.claimed_school_id = $1::uuid
        order by s.created_at, s.volunteer_id`,
      [schoolId],
    );
    return rows.map((row) => ({
      volunteerId: row.volunteer_id,
      firstName: row.first_name,
      lastName: row.last_name,
      jobTitle: row.job_title,
      leftSchoolYear: row.left_school_year,
      schoolNameGiven: row.claimed_school_name,
      signedUpAt: new Date(row.created_at),
    }));
  }

  /**
   * A careers leader or member of staff confirms (or declines) a former pupil who chose their school:
   * confirmed, the volunteer is an alumnus of the school and volunteers with it; declined, they are
   * told so with the message. Only a former pupil still waiting, who chose the caller's school (by id).
   */
  async decide(principal: Principal, input: { volunteerId: string; confirm: boolean; message: string | null }, now: Date): Promise<AlumniStatus> {
    const schoolId = principal.schoolId;
    if (principal.kind !== 'user' || !schoolId) throw AccessError.forbidden();
    const message = input.message?.trim() || null;
    if (message && message.length > MAX_DECISION_MESSAGE) throw InputError.invalid(`Use at most ${MAX_DECISION_MESSAGE} characters for the message.`);
    if (!input.confirm && !message) throw InputError.invalid('Say why you are declining, so the former pupil knows.');
    if (!isUuid(input.volunteerId)) throw InputError.invalid(NOT_WAITING);
    return this.em.transactional(async (em) => {
      const row = await em.findOne(SignedUpVolunteer, { volunteerId: input.volunteerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!row || row.alumniStatus !== 'AWAITING' || !row.claimedSchoolId || row.claimedSchoolId !== schoolId) throw InputError.invalid(NOT_WAITING);
      const status: AlumniStatus = input.confirm ? 'CONFIRMED' : 'DECLINED';
      await em.nativeUpdate(
        SignedUpVolunteer,
        { accountId: row.accountId },
        { alumniStatus: status, decidedBySchoolId: schoolId, decidedByAccountId: principal.accountId, decidedAt: now, decisionMessage: message },
      );
      if (input.confirm)
        await boundSql(
          em,
          `update volunteer set alumni_of_school_id = $2::uuid,
                  school_ids = case when $2::uuid = any(school_ids) then school_ids else array_append(school_ids, $2::uuid) end
            where id = $1::uuid`,
          [row.volunteerId, schoolId],
        );
      return status;
    });
  }

  /** The signed-in former pupil's own sign-up: whether their school has answered, and its message. */
  mine(volunteerId: string): Promise<SignedUpVolunteer | null> {
    return this.em.findOne(SignedUpVolunteer, { volunteerId });
  }

  /**
   * A former pupil confirmed by a school: an alumni volunteer whose school is set (the school's
   * confirmation sets it, as the demo's alumni have it) and who, if they signed themself up, was
   * confirmed rather than left waiting or declined. Null for anyone else.
   */
  async confirmed(volunteerId: string): Promise<{ volunteerId: string; schoolId: string; name: string; yearLeft: number | null } | null> {
    if (!isUuid(volunteerId)) return null;
    const volunteer = await this.em.findOne(Volunteer, { id: volunteerId });
    if (!volunteer || volunteer.kind !== VolunteerKind.ALUMNI || !volunteer.alumniOfSchoolId) return null;
    const signedUp = await this.mine(volunteerId);
    if (signedUp && (signedUp.alumniStatus !== 'CONFIRMED' || signedUp.claimedSchoolId !== volunteer.alumniOfSchoolId)) return null;
    return {
      volunteerId,
      schoolId: volunteer.alumniOfSchoolId,
      name: `${volunteer.firstName} ${volunteer.lastName}`.trim(),
      yearLeft: volunteer.leftSchoolYear,
    };
  }
}
