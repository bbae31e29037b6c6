import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { isUuid, joinParts, readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';

// Each statement's one parameter, $1, is the pupil's (or the volunteer's) id.
const PARTICIPATIONS = `select e.date, e.kind, e.title, e.hours, e.in_school_day, e.benchmarks, p.attended, p.reflection, p.reflected_at, p.school_id
  from participation p join encounter e on e.id = p.encounter_id where p.pupil_id = $1 order by e.date`;
const ACTIONS = 'select text, due_on, done_at from agreed_action where pupil_id = $1 order by due_on nulls last, position';
const OWN_ACTIVITIES = `select kind, title, description, started_on, ended_on, hours, status, decline_reason, submitted_at, decided_at, decided_by, school_id
  from own_activity where pupil_id = $1 order by started_on`;
const OUTLOOK = 'select interests, considering_higher_education, updated_at from pupil_outlook where pupil_id = $1';
// What volunteers wrote for the pupil after a workplace experience (never which volunteer's account wrote it).
const VOLUNTEER_FEEDBACK = `select e.date, e.title, f.text, f.updated_at, f.school_id
  from pupil_engagement_feedback f join encounter e on e.id = f.encounter_id where f.pupil_id = $1 order by e.date, f.created_at`;

// How useful the pupil said each activity was, and what they learned (docs/domain-rules.md, "Evaluating the programme").
const RATINGS = `select e.date, e.title, r.rating, r.learned, r.updated_at, r.school_id
  from encounter_rating r join encounter e on e.id = r.encounter_id where r.pupil_id = $1 order by e.date`;

// The pupil's answers to the career readiness questionnaire (docs/domain-rules.md, "Career readiness").
const READINESS = 'select academic_year, year_group, answers, submitted_at, school_id from readiness_response where pupil_id = $1 order by academic_year';

/**
 * Everything this subgraph holds about one pupil, as stored, for staff of their school: the encounters
 * they were registered for (with the school's notes of any guidance meeting), their own activities,
 * their aspirations and interests, and the actions agreed with them.
 */
const STAFF_SECTIONS: { title: string; sql: string }[] = [
  { title: 'Encounters and registers', sql: PARTICIPATIONS },
  {
    title: 'Personal guidance meetings',
    sql: `select e.date, e.adviser_name, e.adviser_level, e.staff_notes as notes, e.school_id
      from participation p join encounter e on e.id = p.encounter_id where p.pupil_id = $1 and e.kind = 'GUIDANCE_MEETING' order by e.date`,
  },
  { title: 'Agreed actions', sql: ACTIONS },
  { title: 'Activities the pupil added', sql: OWN_ACTIVITIES },
  { title: 'Aspirations and interests', sql: OUTLOOK },
  { title: 'Feedback from volunteers', sql: VOLUNTEER_FEEDBACK },
  { title: 'Ratings of activities (1 not useful to 4 really useful)', sql: RATINGS },
  { title: 'Career readiness answers (1 not yet to 4 yes, definitely)', sql: READINESS },
];

/**
 * The same, as a pupil downloads it themself. The adviser's notes of a guidance meeting are written
 * for staff (docs/domain-rules.md, safeguarding) and stay out: a pupil asks their school for them.
 */
const OWN_PUPIL_SECTIONS: { title: string; sql: string }[] = [
  { title: 'Careers activities you were invited to, and your reflections', sql: PARTICIPATIONS },
  {
    title: 'Your personal guidance meetings',
    sql: `select e.date, e.adviser_name, e.adviser_level, e.school_id
      from participation p join encounter e on e.id = p.encounter_id where p.pupil_id = $1 and e.kind = 'GUIDANCE_MEETING' order by e.date`,
  },
  { title: 'Actions you agreed', sql: ACTIONS },
  { title: 'Activities you added', sql: OWN_ACTIVITIES },
  { title: 'Your plans and interests', sql: OUTLOOK },
  { title: 'Feedback volunteers gave you', sql: VOLUNTEER_FEEDBACK },
  { title: 'How useful you said activities were (1 not useful to 4 really useful)', sql: RATINGS },
  { title: 'Your answers about how ready you feel (1 not yet to 4 yes, definitely)', sql: READINESS },
];

/**
 * A volunteer's engagements: when, what and which school; never the pupils who were there. Then the
 * feedback they gave (their words for a pupil without the pupil's id or name), and the schools' thanks
 * with the rating: the portal never shows the rating, but it is the volunteer's personal data, so their
 * own export holds it (docs/domain-rules.md, "Feedback after an engagement").
 */
const VOLUNTEER_SECTIONS: { title: string; sql: string }[] = [
  {
    title: 'Careers activities you helped with',
    sql: 'select e.date, e.ends_at, e.kind, e.title, e.hours, e.school_id from encounter e where $1::uuid = any(e.volunteer_ids) order by e.date',
  },
  {
    title: 'Feedback you gave on the pupils and on how the school organised it',
    sql: `select e.date, e.title, f.group_feedback, f.organisation_rating, f.organisation_feedback, f.updated_at, f.school_id
      from engagement_feedback f join encounter e on e.id = f.encounter_id where f.volunteer_id = $1 order by e.date`,
  },
  {
    title: 'Feedback you gave individual pupils',
    sql: `select e.date, e.title, f.text, f.updated_at, f.school_id
      from pupil_engagement_feedback f join encounter e on e.id = f.encounter_id where f.volunteer_id = $1 order by e.date, f.created_at`,
  },
  {
    title: 'Thanks from schools',
    sql: `select e.date, e.title, t.message, t.rating, t.updated_at, t.school_id
      from volunteer_thanks t join encounter e on e.id = t.encounter_id where t.volunteer_id = $1 order by e.date`,
  },
];

/** A pupil's part of the staff export (`Pupil.encountersSubjectAccess`). */
export function pupilEncountersSubjectAccess(em: EntityManager, pupilId: string): Promise<SubjectAccessPart> {
  return readSubjectAccess(em, 'encounters', STAFF_SECTIONS, pupilId);
}

/** The id of the pupil the signed-in person is, if they are one. */
export function ownPupilId(principal: Principal): string | null {
  return hasRole(principal, 'pupil') && isUuid(principal.pupilId) ? principal.pupilId : null;
}

/** Everything this subgraph holds about the signed-in person: as a pupil, as a volunteer, or both. */
export async function ownEncountersSubjectAccess(em: EntityManager, principal: Principal): Promise<SubjectAccessPart> {
  const parts: SubjectAccessPart[] = [];
  const pupilId = ownPupilId(principal);
  if (pupilId) parts.push(await readSubjectAccess(em, 'encounters', OWN_PUPIL_SECTIONS, pupilId));
  const volunteerId = hasRole(principal, 'employer_volunteer', 'alumni') && isUuid(principal.volunteerId) ? principal.volunteerId : null;
  if (volunteerId) parts.push(await readSubjectAccess(em, 'encounters', VOLUNTEER_SECTIONS, volunteerId));
  return joinParts('encounters', parts);
}
