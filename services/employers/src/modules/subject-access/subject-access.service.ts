import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { isUuid, readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';

// A volunteer's profile as stored (their email included: it is theirs), and the organisation they
// volunteer for. Organisations are public; nothing else here is about a person.
const VOLUNTEER: { title: string; sql: string }[] = [
  {
    title: 'Your volunteer profile',
    sql: `select id, kind, first_name, last_name, job_title, email, alumni_of_school_id, left_school_year, school_ids as schools_you_volunteer_with
      from volunteer where id = $1`,
  },
  {
    title: 'The organisation you volunteer for',
    sql: 'select e.id, e.name, e.sector, e.kind, e.postcode from volunteer v join employer e on e.id = v.employer_id where v.id = $1',
  },
  {
    title: 'What you offer schools',
    sql: `select activities, sectors, home_postcode, reach, reach_districts, radius_miles, availability, role_model_job, role_model_route,
      role_model_characteristics, role_model_consented_at, profile_updated_at
      from volunteer where id = $1 and profile_updated_at is not null`,
  },
  {
    title: 'Your offers to help schools',
    sql: `select o.id, o.request_id, r.school_id, r.activity, r.date_from, r.date_to, o.message, o.status, o.response, o.created_at, o.responded_at
      from volunteer_offer o join volunteer_request r on r.id = o.request_id where o.volunteer_id = $1 order by o.created_at`,
  },
  {
    // Which school, which check and the dates; not the name of the member of staff who recorded it.
    title: 'Checks schools have recorded on you',
    sql: `select id, school_id, kind, done_on, expires_on, recorded_at from volunteer_check where volunteer_id = $1 order by done_on, recorded_at, id`,
  },
  {
    // A volunteer who signed themself up: what was kept from it here, and a former pupil's school's
    // answer with its message; not who at the school answered.
    title: 'Your sign-up, and your school’s answer',
    sql: `select organisation_size_band, organisation_website, claimed_school_id as school_you_chose, claimed_school_name as its_name_then, alumni_status as school_answer,
                 decided_by_school_id as answered_by_school, decision_message as school_message, decided_at as answered_at, created_at
            from signed_up_volunteer where volunteer_id = $1`,
  },
];

// A pupil's applications for work-experience placements, as stored (with the placement and host they
// were for): what they wrote, the school's answer and the host's feedback. Placements and hosts can
// have gone since (left joins).
const PUPIL: { title: string; sql: string }[] = [
  {
    title: 'Your work experience applications',
    sql: `select a.id, p.title as placement, e.name as host_organisation, p.date_from as first_day, p.date_to as last_day, p.hours_per_day,
      a.first_name, a.year_group, a.statement, a.status, a.response as answer_from_school, a.responded_at, a.feedback as feedback_from_host, a.created_at as applied_at
      from placement_application a left join placement p on p.id = a.placement_id left join employer e on e.id = p.employer_id
      where a.pupil_id = $1 order by a.created_at`,
  },
];

/**
 * Everything the employers subgraph holds about the signed-in person: a volunteer's profile, or a
 * pupil's placement applications; nothing for anyone else.
 */
export async function employersSubjectAccess(em: EntityManager, principal: Principal): Promise<SubjectAccessPart> {
  if (hasRole(principal, 'pupil') && isUuid(principal.pupilId)) return readSubjectAccess(em, 'employers', PUPIL, principal.pupilId);
  const volunteerId = hasRole(principal, 'employer_volunteer', 'alumni') ? principal.volunteerId : null;
  if (!volunteerId || !isUuid(volunteerId)) return { source: 'employers', sections: [] };
  return readSubjectAccess(em, 'employers', VOLUNTEER, volunteerId);
}
