import { normalisePostcode, ORGANISATION_SIZE_BANDS, SIC_SECTION_KEYS, type OrganisationSizeBand } from '@waymark/domain';
import { isUuid } from '@waymark/subgraph-kit';
import { MIN_PASSWORD_LENGTH } from '../session/session.errors.js';
import { VOLUNTEER_KINDS, type VolunteerKind } from './sign-up.entity.js';

export const MAX_PASSWORD_LENGTH = 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type SignUpField =
  'kind' | 'name' | 'email' | 'password' | 'jobTitle' | 'organisationName' | 'sector' | 'sizeBand' | 'postcode' | 'website' | 'schoolId' | 'yearLeft';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A sign-up, checked and tidied: what is saved. */
export interface SignUpValues {
  kind: VolunteerKind;
  name: string;
  email: string;
  password: string;
  jobTitle: string;
  organisationName: string | null;
  sector: string | null;
  sizeBand: OrganisationSizeBand | null;
  postcode: string | null;
  website: string | null;
  /** A former pupil's school, chosen from Waymark's list. */
  schoolId: string | null;
  /** Its name from Waymark's list, added by the gateway once it found the id there (never the form's words). */
  schoolName: string | null;
  yearLeft: number | null;
}

const text = (body: Record<string, unknown>, key: string): string => (typeof body[key] === 'string' ? body[key].trim() : '');

/** Why a new password will not do, in words for the person choosing it; null when it will. */
export function newPasswordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters. Three random words work well.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

/** Checks every field of a sign-up at once: the tidied values, or every problem with its field. */
export function checkSignUp(body: Record<string, unknown>, now: Date): { ok: true; values: SignUpValues } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: SignUpField, message: string) => problems.push({ field, message });
  const kind = text(body, 'kind') as VolunteerKind;
  if (!VOLUNTEER_KINDS.includes(kind)) problem('kind', 'Choose whether you work for an employer or are a former pupil.');
  const name = text(body, 'name');
  if (!name) problem('name', 'Enter your name.');
  else if (name.length > 120) problem('name', 'Use at most 120 characters for your name.');
  const email = text(body, 'email').toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) problem('email', 'Enter an email address like name@example.com.');
  const password = typeof body.password === 'string' ? body.password : '';
  const weakness = newPasswordProblem(password);
  if (weakness) problem('password', weakness);
  const jobTitle = text(body, 'jobTitle');
  if (!jobTitle) problem('jobTitle', 'Enter your job title.');
  else if (jobTitle.length > 120) problem('jobTitle', 'Use at most 120 characters for your job title.');

  const values: SignUpValues = {
    kind,
    name,
    email,
    password,
    jobTitle,
    organisationName: null,
    sector: null,
    sizeBand: null,
    postcode: null,
    website: null,
    schoolId: null,
    schoolName: null,
    yearLeft: null,
  };
  if (kind === 'employer') {
    values.organisationName = text(body, 'organisationName');
    if (!values.organisationName) problem('organisationName', 'Enter the name of your organisation.');
    else if (values.organisationName.length > 160) problem('organisationName', 'Use at most 160 characters for the organisation name.');
    values.sector = text(body, 'sector');
    if (!(SIC_SECTION_KEYS as string[]).includes(values.sector)) problem('sector', 'Choose the sector your organisation works in.');
    const sizeBand = text(body, 'sizeBand');
    values.sizeBand = sizeBand in ORGANISATION_SIZE_BANDS ? (sizeBand as OrganisationSizeBand) : null;
    if (!values.sizeBand) problem('sizeBand', 'Choose how many people work at your organisation.');
    values.postcode = normalisePostcode(text(body, 'postcode'));
    if (!values.postcode) problem('postcode', 'Enter the postcode of your workplace, like LS11 5AA.');
    const website = text(body, 'website');
    if (website) {
      values.website = /^https?:\/\//i.test(website) ? website : `https://${website}`;
      let valid = values.website.length <= 200;
      try {
        valid &&= new URL(values.website).hostname.includes('.');
      } catch {
        valid = false;
      }
      if (!valid) problem('website', 'Enter a website address like www.example.com, or leave it empty.');
    }
  }
  if (kind === 'alumni') {
    // The gateway checked the id against Waymark's list of schools and added the name from it; a sign-up
    // without both (the form's own words are never taken) has not chosen a school.
    values.schoolId = text(body, 'schoolId').toLowerCase() || null;
    values.schoolName = text(body, 'schoolName').slice(0, 160) || null;
    if (!values.schoolId || !isUuid(values.schoolId) || !values.schoolName) {
      problem('schoolId', 'Search for the school you went to and choose it from the list.');
      values.schoolId = values.schoolName = null;
    }
    const year = Number(text(body, 'yearLeft'));
    values.yearLeft = Number.isInteger(year) && year >= 1940 && year <= now.getUTCFullYear() ? year : null;
    if (values.yearLeft === null) problem('yearLeft', `Enter the year you left school, like 2015 (1940 to ${now.getUTCFullYear()}).`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
