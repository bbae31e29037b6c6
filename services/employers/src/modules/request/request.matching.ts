/*
 * Matching requests and volunteers, both ways, each in one SQL statement (docs/domain-rules.md,
 * "Volunteering"). They apply @waymark/domain's requestFitsVolunteer in SQL: the volunteer offers the
 * request's activity; when the school names sectors, the volunteer has one of them; a virtual request
 * reaches anyone, an in-person one a volunteer who named its district or who gave a radius and lives
 * in the same postcode area (the leading letters), never a virtual-only volunteer. An open request
 * whose last day has passed never matches (so neither needs lapsed requests closed first). The request module's tests hold both to the domain rule.
 */

/** Most volunteers one answer of suggestedVolunteers lists. */
export const SUGGESTED_VOLUNTEERS_MAX = 50;
export const SUGGESTED_VOLUNTEERS_DEFAULT = 20;

/** The reach part, with `v` a volunteer and `r` a request (the same rule as volunteerReaches). */
const REACHES = `(r.virtual
    or (v.reach = 'DISTRICTS' and v.reach_districts @> array[r.district]::text[])
    or (v.reach = 'RADIUS' and substring(v.home_postcode from '^[A-Z]+') = substring(r.district from '^[A-Z]+')))`;

/**
 * The open requests that fit one volunteer, soonest first. Parameters: today (YYYY-MM-DD), the
 * volunteer's id, the limit. Reads the volunteer by key and the open requests of their activities
 * through volunteer_request_status_activity_date_from_index. Each row comes out already shaped as
 * the GraphQL object reads it (VolunteerRequest's fields), so the service hands it on without making an entity
 * of it: a volunteer only reads these, and managing them cost more than the statement itself.
 */
export const REQUESTS_FOR_VOLUNTEER = `
select r.id, r.school_id as "schoolId", r.trust_id as "trustId", r.activity, to_char(r.date_from, 'YYYY-MM-DD') as "dateFrom",
       to_char(r.date_to, 'YYYY-MM-DD') as "dateTo", r.year_groups as "yearGroups", r.volunteers_wanted as "volunteersWanted", r.sectors,
       r.virtual, r.postcode, r.district, r.details, r.unsupervised, r.regular, r.status, r.closed_reason as "closedReason",
       r.created_by_id as "createdById", r.created_at as "createdAt", r.confirmed_at as "confirmedAt", r.encounter_id as "encounterId"
  from volunteer v
  join volunteer_request r
    on r.status = 'OPEN' and r.activity = any (v.activities) and r.date_to >= ?::date
   and (cardinality(r.sectors) = 0 or r.sectors && v.sectors)
   and ${REACHES}
 where v.id = ?
 order by r.date_from, r.id
 limit ?`;

export interface SuggestedVolunteerRow {
  request_id: string;
  id: string | null;
  first_name: string | null;
  last_name: string | null;
  job_title: string | null;
  employer_name: string | null;
  alumnus: boolean | null;
  left_school_year: number | null;
  works_with_school: boolean | null;
  sectors_in_common: string[] | null;
  total: number | null;
}

/**
 * The volunteers who could help with one of a school's requests, best first: the school's own
 * confirmed alumni, then most of the wanted sectors in common, then those who already work with the
 * school, then by name. Volunteers who have offered already are left out (their offers are listed).
 * Parameters: today, the limit, the request's id, the school's id. One row per volunteer, with the
 * number of them all in `total`; one row with a null `id` when the request is the school's but none
 * fit (or it is no longer open); no row when it is not the school's request.
 * The volunteers come through volunteer_activities_index (GIN), the offers through their unique key.
 */
export const VOLUNTEERS_FOR_REQUEST = `
select r.id as request_id, m.*
  from volunteer_request r
  left join lateral (
    select fit.*, (count(*) over ())::int as total
      from (select v.id, v.first_name, v.last_name, v.job_title, e.name as employer_name,
                   (v.kind = 'ALUMNI' and v.alumni_of_school_id = r.school_id) as alumnus,
                   v.left_school_year,
                   v.school_ids @> array[r.school_id] as works_with_school,
                   array(select s from unnest(v.sectors) s where s = any (r.sectors) order by s) as sectors_in_common
              from volunteer v
              left join employer e on e.id = v.employer_id
             where r.status = 'OPEN' and r.date_to >= ?::date
               and v.activities @> array[r.activity]::text[]
               and (cardinality(r.sectors) = 0 or v.sectors && r.sectors)
               and ${REACHES}
               and not exists (select 1 from volunteer_offer o where o.request_id = r.id and o.volunteer_id = v.id)) fit
     order by fit.alumnus desc, cardinality(fit.sectors_in_common) desc, fit.works_with_school desc, fit.last_name, fit.first_name, fit.id
     limit ?
  ) m on true
 where r.id = ? and r.school_id = ?`;
