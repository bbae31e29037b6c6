import type { EntityManager } from '@mikro-orm/sql';
import { ERASED_VOLUNTEER, todayInEngland } from '@waymark/domain';
import { boundSql } from '@waymark/subgraph-kit';
import { Placement, PlacementApplication, PlacementStatus } from '../placement/placement.entity.js';
import { markPlacementDone } from '../placement/placement.service.js';

/*
 * This subgraph's part of a volunteer deleting their account (docs/domain-rules.md, "A volunteer
 * deletes their account"). The volunteer row keeps its id, kind, organisation, schools and year
 * left, so encounters, checks and counts still point at someone: "Former volunteer". Their name,
 * email, job title, profile (activities, sectors, travel, availability) and role-model profile go.
 * Offers still open are withdrawn, and so are accepted offers for activities still to come, with the
 * school's answer saying why (the leader reads it where they read every offer, and for an accepted
 * one the school's careers leaders are emailed, through the leader mail outbox); the words of every
 * offer go. What they told Waymark at sign-up about their organisation (size, website) and a
 * school's message to them as a former pupil go; whether a school confirmed them stays. Checks
 * schools recorded on them stay as they are (the safeguarding record; docs say why). $1 is the
 * volunteer (and, in the first two, $2 today in England and $3 now). Each statement changes nothing
 * the second time.
 *
 * Placements they offered stay with their organisation (the placement keeps its employer, and its
 * volunteer id reads "Former volunteer"). One that has not started is withdrawn: every application
 * still waiting or approved is answered with why, which the pupil and their school read. One that
 * has started (or is over) but was never marked done is marked done for them, without feedback, so
 * each approved pupil's work experience is recorded for their school as if they had (markPlacementDone).
 * A done placement stays as it is, with the words they wrote to each pupil after it (the pupil's
 * record of the experience, as in the encounters subgraph). The words describing what pupils would
 * do go from all of them; the title, dates and hours stay, since they are what the pupils' records
 * and the school's say the experience was.
 */
// The offer as it was (`was`, the same row before this statement) tells which withdrawn offers the
// school had accepted: for each, in the same statement, a notice for its careers leaders (leader-mail).
const WITHDRAW = `with withdrawn as (
     update volunteer_offer o set status = 'CLOSED', response = '${ERASED_VOLUNTEER.withdrawn}', response_by_waymark = true, responded_at = $3
       from volunteer_offer was
      where was.id = o.id and o.volunteer_id = $1 and (o.status = 'OPEN'
        or (o.status = 'ACCEPTED' and exists (select 1 from volunteer_request r where r.id = o.request_id and r.date_to >= $2::date)))
      returning o.request_id, was.status as was)
   insert into leader_mail_outbox (id, school_id, kind, data, occurred_at)
   select gen_random_uuid(), r.school_id, 'offer.withdrawn',
          json_build_object('requestId', r.id, 'activity', r.activity, 'dateFrom', r.date_from, 'dateTo', r.date_to, 'yearGroups', r.year_groups), $3
     from withdrawn w join volunteer_request r on r.id = w.request_id
    where w.was = 'ACCEPTED'`;
const WITHDRAW_PLACEMENTS = `with withdrawn as (
     update placement set status = '${PlacementStatus.WITHDRAWN}', taken = 0
      where volunteer_id = $1 and status = '${PlacementStatus.OPEN}' and date_from > $2::date returning id)
   update placement_application a set status = 'DECLINED', response = '${ERASED_VOLUNTEER.placementWithdrawn}', responded_at = $3
    where a.placement_id in (select id from withdrawn) and a.status in ('PENDING', 'APPROVED')`;
const STATEMENTS = [
  `update volunteer_offer set message = '${ERASED_VOLUNTEER.text}' where volunteer_id = $1 and message <> '${ERASED_VOLUNTEER.text}'`,
  `update volunteer set first_name = '${ERASED_VOLUNTEER.firstName}', last_name = '${ERASED_VOLUNTEER.lastName}', job_title = '${ERASED_VOLUNTEER.jobTitle}',
     email = 'former-volunteer-' || id || '@erased.invalid', activities = '{}', sectors = '{}', home_postcode = null, reach = null,
     reach_districts = '{}', radius_miles = null, availability = '', role_model_job = null, role_model_route = null,
     role_model_characteristics = null, role_model_consented_at = null, profile_updated_at = null
   where id = $1 and email <> 'former-volunteer-' || id || '@erased.invalid'`,
  `update signed_up_volunteer set organisation_size_band = null, organisation_website = null, decision_message = null
   where volunteer_id = $1 and (organisation_size_band is not null or organisation_website is not null or decision_message is not null)`,
  `update placement set tasks = '${ERASED_VOLUNTEER.text}' where volunteer_id = $1 and tasks <> '${ERASED_VOLUNTEER.text}'`,
];

/** Erases one volunteer's rows here; `em` must be allowed to write them (inside the request's bypass). */
export async function eraseVolunteerRows(em: EntityManager, volunteerId: string, now: Date): Promise<void> {
  const today = todayInEngland(now);
  await boundSql(em, WITHDRAW, [volunteerId, today, now]);
  await boundSql(em, WITHDRAW_PLACEMENTS, [volunteerId, today, now]);
  const started = await em.find(Placement, { volunteerId, status: PlacementStatus.OPEN, dateFrom: { $lte: today } }, { orderBy: { id: 'asc' } });
  for (const placement of started) {
    const applications = await em.find(PlacementApplication, { placement }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    markPlacementDone(em, placement, applications, () => undefined, now);
  }
  // Written now, while the bypass lets these rows be written: the request's own flush comes after it.
  await em.flush();
  for (const sql of STATEMENTS) await boundSql(em, sql, [volunteerId]);
}
