import { type FieldProblems, textProblem } from './text.js';

/*
 * A school's public careers page as its careers leader writes it (docs/domain-rules.md, "The public
 * careers page"). A draft may be saved with gaps; publishing needs every part. The portal runs these
 * rules before sending and the encounters subgraph runs them again on what arrives.
 */

export const PUBLICATION_LIMITS = {
  contactNameLength: 200,
  contactEmailLength: 254,
  contactPhoneLength: 40,
  evaluationLength: 4000,
  premisesLength: 2000,
  statementLength: 20_000,
} as const;

export type PublicationField = 'contactName' | 'contactEmail' | 'contactPhone' | 'evaluation' | 'reviewOn' | 'premises' | 'statement';

export interface PublicationValues {
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  evaluation?: string | null;
  /** YYYY-MM-DD; '' or null while not chosen. */
  reviewOn?: string | null;
  premises?: string | null;
  statement?: string | null;
}

// One @, something before it, a dot in the part after it, no spaces: what a school types for publication.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
// Digits, spaces, brackets, hyphens and a leading +, with at least seven digits.
const PHONE = /^\+?[\d\s()-]+$/;

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Every problem at once, keyed by the API's field names. `today` is the day in England (YYYY-MM-DD):
 * the next review cannot be before it. `publishing`: every part is needed, not only well-formed ones.
 */
export function checkPublication(
  values: PublicationValues,
  today: string,
  { publishing = false }: { publishing?: boolean } = {},
): FieldProblems<PublicationField> {
  const problems: FieldProblems<PublicationField> = {};
  const need = (message: string) => (publishing ? message : undefined);
  const name = textProblem(values.contactName, {
    missing: need('Enter the name of the person providers and parents should contact'),
    max: PUBLICATION_LIMITS.contactNameLength,
    name: 'the name',
  });
  if (name) problems.contactName = name;
  const email = (values.contactEmail ?? '').trim();
  const emailText = textProblem(email, {
    missing: need('Enter the email address to publish, like careers@school.example'),
    max: PUBLICATION_LIMITS.contactEmailLength,
    name: 'the email address',
  });
  if (emailText) problems.contactEmail = emailText;
  else if (email !== '' && !EMAIL.test(email)) problems.contactEmail = 'Enter an email address in the right form, like careers@school.example';
  const phone = (values.contactPhone ?? '').trim();
  const phoneText = textProblem(phone, { max: PUBLICATION_LIMITS.contactPhoneLength, name: 'the phone number' });
  if (phoneText) problems.contactPhone = phoneText;
  else if (phone !== '' && (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 7))
    problems.contactPhone = 'Enter a phone number using digits and spaces, like 01632 960 123';
  const evaluation = textProblem(values.evaluation, {
    missing: need('Say how you find out whether the programme is working'),
    max: PUBLICATION_LIMITS.evaluationLength,
    name: 'how the programme is evaluated',
    multiline: true,
  });
  if (evaluation) problems.evaluation = evaluation;
  const reviewOn = (values.reviewOn ?? '').trim();
  if (reviewOn === '') {
    if (publishing) problems.reviewOn = 'Enter the day this page will next be reviewed';
  } else if (!isDay(reviewOn)) problems.reviewOn = 'Enter the review date as a real day, like 2027-07-15';
  else if (reviewOn < today) problems.reviewOn = 'The next review date must be today or later';
  const premises = textProblem(values.premises, { max: PUBLICATION_LIMITS.premisesLength, name: 'the premises and facilities', multiline: true });
  if (premises) problems.premises = premises;
  const statement = textProblem(values.statement, {
    missing: need('The provider access policy statement is empty: start from the draft'),
    max: PUBLICATION_LIMITS.statementLength,
    name: 'the statement',
    multiline: true,
  });
  if (statement) problems.statement = statement;
  return problems;
}

/** The public page's address for a school's URN (served by the gateway, no sign-in). */
export function publicCareersPath(urn: string): string {
  return `/schools/${encodeURIComponent(urn)}/careers`;
}
