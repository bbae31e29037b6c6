import type { EntityManager } from '@mikro-orm/sql';
import { hasRole, type Principal } from '@waymark/auth';
import { isUuid, readSubjectAccess, type SubjectAccessPart } from '@waymark/subgraph-kit';

// Everything this subgraph holds about one pupil, as stored: destinations, intended destinations, hopes, activity spells, self-reports and September offers.
const DESTINATIONS = 'select * from destination where pupil_id = $1 order by recorded_on';
const INTENTIONS = 'select * from intention where pupil_id = $1 order by entered_at';
const ASPIRATIONS = 'select * from aspiration where pupil_id = $1 order by entered_at';
const SPELLS = 'select * from activity_spell where pupil_id = $1 order by starts_on, entered_at';
// Never the link's token hash.
const SELF_REPORTS = `select id, school_id, leaving_year, school_name, first_name, status, created_at, expires_at, submitted_at, activity, provider_kind,
  apprenticeship_level, provider, course, starts_on, decided_at, spell_id from self_report where pupil_id = $1 order by created_at`;
const SEPTEMBER_OFFERS = 'select * from september_offer where pupil_id = $1 order by entered_at';
// A volunteer's (alumnus's) own reports of where they are now; never who at the school decided, nor the leaver record it was matched to.
const ALUMNI_REPORTS = `select id, school_id, name, year_left, status, submitted_at, activity, provider_kind, apprenticeship_level, provider, course, starts_on,
  decided_at from alumni_report where volunteer_id = $1 order by submitted_at`;

/**
 * The destinations section always, the others when they hold something: a pupil with no plans,
 * hopes or spells gets the same export as before those were kept.
 */
async function read(em: EntityManager, titles: [string, string, string, string, string, string], pupilId: string): Promise<SubjectAccessPart> {
  const part = await readSubjectAccess(
    em,
    'destinations',
    [DESTINATIONS, INTENTIONS, ASPIRATIONS, SPELLS, SELF_REPORTS, SEPTEMBER_OFFERS].map((sql, i) => ({ title: titles[i], sql })),
    pupilId,
  );
  return { ...part, sections: part.sections.filter((section, i) => i === 0 || section.rows.length > 0) };
}

/** A pupil's part of the staff export (`Pupil.destinationsSubjectAccess`). */
export function pupilDestinationsSubjectAccess(em: EntityManager, pupilId: string): Promise<SubjectAccessPart> {
  return read(
    em,
    ['Destinations', 'Intended destinations', 'Aspirations', 'Activity spells after Year 11', 'Self-reports after Year 11', 'September offers'],
    pupilId,
  );
}

/** The id of the pupil the signed-in person is, if they are one. */
export function ownPupilId(principal: Principal): string | null {
  return hasRole(principal, 'pupil') && isUuid(principal.pupilId) ? principal.pupilId : null;
}

/** The alumni reports a volunteer made, as a section when there are any (their own export, and the school's person export of them). */
export async function volunteerAlumniReports(em: EntityManager, volunteerId: string, title: string): Promise<SubjectAccessPart> {
  const part = await readSubjectAccess(em, 'destinations', [{ title, sql: ALUMNI_REPORTS }], volunteerId);
  return { ...part, sections: part.sections.filter((section) => section.rows.length > 0) };
}

/**
 * Everything this subgraph holds about the signed-in person: a pupil's own destinations, plans, hopes,
 * spells and offers; a volunteer's own reports as an alumnus; nothing about anyone else.
 */
export async function ownDestinationsSubjectAccess(em: EntityManager, principal: Principal): Promise<SubjectAccessPart> {
  const pupilId = ownPupilId(principal);
  if (!pupilId) {
    if (principal.kind !== 'user' || !isUuid(principal.volunteerId)) return { source: 'destinations', sections: [] };
    return volunteerAlumniReports(em, principal.volunteerId, 'What you told your school about where you are now');
  }
  return read(
    em,
    [
      'Your plans and destinations after school',
      'Your plans for after Year 11 and Year 13',
      'Your hopes for the future',
      'What you did after Year 11',
      'What you told your school after Year 11',
      'Offers of a place for September',
    ],
    pupilId,
  );
}
