import type { EntityManager } from '@mikro-orm/sql';
import { readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';

// Every column of every row this subgraph holds about the pupil, read as it is stored. The roster
// import's own working columns (the starting-flags bit mask and the import it came from) are left
// out: the flag history section says the same in words.
const SECTIONS: { title: string; sql: string }[] = [
  {
    title: 'Pupil record',
    sql: `select id, upn, legal_forename, legal_surname, preferred_name, date_of_birth, year_group, tutor_group, home_la_code,
      address_line1, address_line2, address_town, address_postcode, parent_carer_name, parent_carer_same_address,
      parent_carer_address_line1, parent_carer_address_line2, parent_carer_address_town, parent_carer_address_postcode, school_id, trust_id,
      enrolled_on, left_on, sen_support, ehcp, disadvantaged, looked_after, eal, young_carer, young_parent, youth_justice, refugee,
      service_child, persistent_absence, neet_risk, neet_risk_score, destination_tracking, local_authority_sharing_opt_out, opt_out_by,
      consent_updated_at, consent_updated_by
      from pupil where id = $1`,
  },
  { title: 'Earlier periods at a school', sql: 'select school_id, trust_id, started_on, left_on from enrolment where pupil_id = $1 order by started_on' },
  {
    title: 'Changes to vulnerable and target groups',
    sql: 'select "group", value, changed_at, source, changed_by, school_id from flag_change where pupil_id = $1 order by changed_at',
  },
  {
    title: 'Comments on the record',
    sql: 'select created_at, author_name, author_role, body, school_id from record_comment where pupil_id = $1 order by created_at',
  },
  {
    title: 'Who has looked at, downloaded or changed this record',
    sql: `select e.occurred_at, e.action, array(select f.field from audit_event_field f where f.event_id = e.id order by f.field) as fields,
      e.actor_name, e.actor_roles, e.credential_kind, e.school_id from audit_event e where e.pupil_id = $1 order by e.occurred_at`,
  },
];

/** Everything the pupils subgraph holds about one pupil, section by section. */
export function pupilsSubjectAccess(em: EntityManager, pupilId: string): Promise<SubjectAccessPart> {
  return readSubjectAccess(em, 'pupils', SECTIONS, pupilId);
}
