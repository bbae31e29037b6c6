import type { EntityManager } from '@mikro-orm/sql';
import { ERASED_VOLUNTEER, todayInEngland } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';

/*
 * This subgraph's part of a volunteer deleting their account (docs/domain-rules.md, "A volunteer
 * deletes their account"). The volunteer row keeps its id, kind, organisation, schools and year
 * left, so encounters, checks and counts still point at someone: "Former volunteer". Their name,
 * email, job title, profile (activities, sectors, travel, availability) and role-model profile go.
 * Offers still open are withdrawn, and so are accepted offers for activities still to come, with the
 * school's answer saying why (the leader reads it where they read every offer); the words of every
 * offer go. What they told Waymark at sign-up about their organisation (size, website) and a
 * school's message to them as a former pupil go; whether a school confirmed them stays. Checks
 * schools recorded on them stay as they are (the safeguarding record; docs say why). $1 is the
 * volunteer (and, in the first, $2 today in England and $3 now). Each statement changes nothing the
 * second time.
 */
const WITHDRAW = `update volunteer_offer o set status = 'CLOSED', response = '${ERASED_VOLUNTEER.withdrawn}', responded_at = $3
   where o.volunteer_id = $1 and (o.status = 'OPEN'
     or (o.status = 'ACCEPTED' and exists (select 1 from volunteer_request r where r.id = o.request_id and r.date_to >= $2::date)))`;
const STATEMENTS = [
  `update volunteer_offer set message = '${ERASED_VOLUNTEER.text}' where volunteer_id = $1 and message <> '${ERASED_VOLUNTEER.text}'`,
  `update volunteer set first_name = '${ERASED_VOLUNTEER.firstName}', last_name = '${ERASED_VOLUNTEER.lastName}', job_title = '${ERASED_VOLUNTEER.jobTitle}',
     email = 'former-volunteer-' || id || '@erased.invalid', activities = '{}', sectors = '{}', home_postcode = null, reach = null,
     reach_districts = '{}', radius_miles = null, availability = '', role_model_job = null, role_model_route = null,
     role_model_characteristics = null, role_model_consented_at = null, profile_updated_at = null
   where id = $1 and email <> 'former-volunteer-' || id || '@erased.invalid'`,
  `update signed_up_volunteer set organisation_size_band = null, organisation_website = null, decision_message = null
   where volunteer_id = $1 and (organisation_size_band is not null or organisation_website is not null or decision_message is not null)`,
];

/** Erases one volunteer's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function eraseVolunteerRows(em: EntityManager, volunteerId: string, now: Date): Promise<void> {
  await boundSql(em, WITHDRAW, [volunteerId, todayInEngland(now), now]);
  for (const sql of STATEMENTS) await boundSql(em, sql, [volunteerId]);
}
