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
];

/** Everything the employers subgraph holds about the signed-in person: a volunteer's profile; nothing for anyone else. */
export async function employersSubjectAccess(em: EntityManager, principal: Principal): Promise<SubjectAccessPart> {
  const volunteerId = hasRole(principal, 'employer_volunteer', 'alumni') ? principal.volunteerId : null;
  if (!volunteerId || !isUuid(volunteerId)) return { source: 'employers', sections: [] };
  return readSubjectAccess(em, 'employers', VOLUNTEER, volunteerId);
}
