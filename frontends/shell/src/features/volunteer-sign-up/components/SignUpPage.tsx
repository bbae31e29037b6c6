import { ORGANISATION_SIZE_BANDS, SIC_SECTION_KEYS, SIC_SECTIONS } from '@waymark/domain';
import { Button, ErrorSummary, Field, Fieldset, SelectField, type ErrorSummaryItem } from '@waymark/ui';
import { useEffect, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { findSchools, postAccountStep, schoolDetails, schoolSearchSummary, type SchoolChoice } from '../accountSteps';
import { BackToSignIn, PublicFrame } from './PublicFrame';

type Kind = '' | 'employer' | 'alumni';

/** The fields in the order the form shows them (and the error summary lists them). */
const FIELDS = [
  'kind',
  'name',
  'email',
  'password',
  'jobTitle',
  'organisationName',
  'sector',
  'sizeBand',
  'postcode',
  'website',
  'schoolId',
  'yearLeft',
] as const;
type FieldName = (typeof FIELDS)[number];

const LABELS: Record<FieldName, string> = {
  kind: 'How you would volunteer',
  name: 'Your full name',
  email: 'Email address',
  password: 'Choose a password',
  jobTitle: 'Job title',
  organisationName: 'Organisation name',
  sector: 'Sector',
  sizeBand: 'Size of your organisation',
  postcode: 'Workplace postcode',
  website: 'Website (optional)',
  schoolId: 'The school you went to',
  yearLeft: 'Year you left',
};

const MISSING: Record<FieldName, string> = {
  kind: 'Choose whether you work for an employer or are a former pupil.',
  name: 'Enter your full name.',
  email: 'Enter your email address.',
  password: 'Choose a password.',
  jobTitle: 'Enter your job title.',
  organisationName: 'Enter the name of your organisation.',
  sector: 'Choose the sector your organisation works in.',
  sizeBand: 'Choose how many people work at your organisation.',
  postcode: 'Enter the postcode of your workplace.',
  website: '',
  schoolId: 'Search for the school you went to and choose it from the list.',
  yearLeft: 'Enter the year you left school.',
};

const SIZE_BANDS = Object.entries(ORGANISATION_SIZE_BANDS).map(([value, label]) => ({ value, label }));
const SECTORS = SIC_SECTION_KEYS.map((key) => ({ value: key, label: SIC_SECTIONS[key] }));
const MIN_PASSWORD = 12;
const id = (field: FieldName) => `sign-up-${field}`;

/** Which fields a kind of volunteer fills in. */
function fieldsFor(kind: Kind): FieldName[] {
  const common: FieldName[] = ['kind', 'name', 'email', 'password', 'jobTitle'];
  if (kind === 'employer') return [...common, 'organisationName', 'sector', 'sizeBand', 'postcode', 'website'];
  if (kind === 'alumni') return [...common, 'schoolId', 'yearLeft'];
  return common;
}

/** What can be told before asking the server: a missing answer or a short password. */
function localProblems(values: Record<FieldName, string>): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  for (const field of fieldsFor(values.kind as Kind)) {
    if (MISSING[field] && !values[field].trim()) problems[field] = MISSING[field];
  }
  if (values.password && values.password.length < MIN_PASSWORD) problems.password = `Use at least ${MIN_PASSWORD} characters. Three random words work well.`;
  return problems;
}

/** "Volunteer with schools": an employer's staff member or a former pupil makes an account, confirmed by email. */
export function SignUpPage() {
  const [values, setValues] = useState<Record<FieldName, string>>(() => Object.fromEntries(FIELDS.map((field) => [field, ''])) as Record<FieldName, string>);
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const kind = values.kind as Kind;
  // The school search: what was typed, what Waymark's list gave back, and what to say about it.
  const [schoolQuery, setSchoolQuery] = useState('');
  const [schools, setSchools] = useState<SchoolChoice[] | null>(null);
  const [schoolStatus, setSchoolStatus] = useState('');
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    if (sent) headingRef.current?.focus();
  }, [sent]);

  const set = (field: FieldName) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  /** Searches Waymark's list; the choice stays only if the new results still hold it. */
  async function searchSchools() {
    if (searching) return;
    setSearching(true);
    setSchoolStatus('Searching…');
    const found = await findSchools(schoolQuery);
    setSearching(false);
    if (!found.ok) {
      setSchools(null);
      setSchoolStatus(found.message);
      return;
    }
    setSchools(found.schools);
    setSchoolStatus(schoolSearchSummary(found.schools));
    if (!found.schools.some((school) => school.id === values.schoolId)) setValues((current) => ({ ...current, schoolId: '' }));
  }

  /** Enter in the search box searches rather than sending the whole form. */
  function searchOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void searchSchools();
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = localProblems(values);
    if (Object.keys(found).length > 0) {
      setProblems(found);
      setFormError(null);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    const body = Object.fromEntries(fieldsFor(kind).map((field) => [field, values[field]]));
    const answer = await postAccountStep('sign-up', body);
    setBusy(false);
    if (answer.ok) {
      setSent(answer.message);
      return;
    }
    setProblems(answer.problems);
    setFormError(Object.keys(answer.problems).length > 0 ? null : answer.message);
    setAttempt((n) => n + 1);
  }

  if (sent) {
    return (
      <PublicFrame title="Check your email" pageKey="sent">
        <h1 ref={headingRef} tabIndex={-1}>
          Check your email
        </h1>
        <p>{sent}</p>
        {kind === 'alumni' ? (
          <p>Once you have confirmed your email, your school will be asked to confirm that you were a pupil there before you are offered to its pupils.</p>
        ) : null}
        <BackToSignIn />
      </PublicFrame>
    );
  }

  const items: ErrorSummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...FIELDS.filter((field) => problems[field]).map((field) => ({
      message: problems[field]!,
      targetId: field === 'kind' ? `${id('kind')}-employer` : id(field),
    })),
  ];
  const field = (name: FieldName, extra: Record<string, unknown> = {}) => ({
    id: id(name),
    name,
    label: LABELS[name],
    value: values[name],
    error: problems[name],
    onChange: set(name),
    ...extra,
  });

  return (
    <PublicFrame title="Volunteer with schools">
      <h1>Volunteer with schools</h1>
      <p>
        Give young people a picture of working life: talks, mock interviews, workplace visits. Sign up if you work for an employer or if you went to a school
        that uses Waymark.
      </p>
      <ErrorSummary items={items} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Volunteer sign-up">
        <Fieldset label={LABELS.kind} error={problems.kind}>
          <label className="wm-checkbox">
            <input type="radio" id={`${id('kind')}-employer`} name="kind" value="employer" checked={kind === 'employer'} onChange={set('kind')} />
            <span>I work for an employer</span>
          </label>
          <label className="wm-checkbox">
            <input type="radio" id={`${id('kind')}-alumni`} name="kind" value="alumni" checked={kind === 'alumni'} onChange={set('kind')} />
            <span>I am a former pupil of a school</span>
          </label>
        </Fieldset>
        <Field {...field('name', { autoComplete: 'name' })} />
        <Field {...field('email', { type: 'email', autoComplete: 'email', spellCheck: false, hint: 'We will send you a link to confirm it.' })} />
        <Field
          {...field('password', { type: 'password', autoComplete: 'new-password', hint: `At least ${MIN_PASSWORD} characters. Three random words work well.` })}
        />
        <Field {...field('jobTitle', { autoComplete: 'organization-title' })} />
        {kind === 'employer' ? (
          <>
            <Field {...field('organisationName', { autoComplete: 'organization' })} />
            <SelectField {...field('sector')} options={SECTORS} placeholder="Choose a sector" />
            <SelectField {...field('sizeBand')} options={SIZE_BANDS} placeholder="Choose a size" />
            <Field {...field('postcode', { autoComplete: 'postal-code', narrow: true, hint: 'For example, LS11 5AA.' })} />
            <Field {...field('website', { type: 'url', autoComplete: 'url', spellCheck: false })} />
          </>
        ) : null}
        {kind === 'alumni' ? (
          <>
            <Fieldset
              label={LABELS.schoolId}
              hint="Search for your school by its name, then choose it. The school will be asked to confirm you were a pupil there."
              error={problems.schoolId}
            >
              <Field
                id={id('schoolId')}
                name="schoolSearch"
                label="Name of your school"
                hint={`At least 3 letters, for example “Northfield”.`}
                value={schoolQuery}
                onChange={(event) => setSchoolQuery(event.target.value)}
                onKeyDown={searchOnEnter}
                autoComplete="off"
              />
              <Button variant="secondary" onClick={() => void searchSchools()} disabled={searching}>
                Find my school
              </Button>
              <p role="status" className="wm-field__hint">
                {schoolStatus}
              </p>
              {schools && schools.length > 0 ? (
                <fieldset className="wm-fieldset">
                  <legend>Choose your school</legend>
                  <div className="wm-checkbox-stack">
                    {schools.map((school) => (
                      <label key={school.id} className="wm-checkbox">
                        <input type="radio" name="schoolId" value={school.id} checked={values.schoolId === school.id} onChange={set('schoolId')} />
                        <span>
                          {school.name}
                          <span className="wm-field__hint">{schoolDetails(school)}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : null}
            </Fieldset>
            <Field {...field('yearLeft', { inputMode: 'numeric', narrow: true, hint: 'For example, 2015.' })} />
          </>
        ) : null}
        <Button type="submit" disabled={busy}>
          {busy ? 'Signing up…' : 'Sign up'}
        </Button>
      </form>
      <BackToSignIn text="I already have an account: sign in" />
    </PublicFrame>
  );
}
