import { todayInEngland, type PublicationField } from '@waymark/domain';
import { request, useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, ErrorSummary, Field, Loading, Notice, PageHeader, Section, TextAreaField } from '@waymark/ui';
import { useEffect, useState, type SubmitEvent } from 'react';
import { CAREERS_PAGE_QUERY, SAVE_CAREERS_PAGE_MUTATION, UNPUBLISH_CAREERS_PAGE_MUTATION, type CareersPage } from '../graphql/publication';
import { draftOf, inputOf, PUBLICATION_FIELDS, problemsOf, publicAddress, statusText, type PublicationDraft } from '../lib/publication';
import { PagePreview } from './PagePreview';

const ids: Record<PublicationField, string> = {
  contactName: 'publication-contact-name',
  contactEmail: 'publication-contact-email',
  contactPhone: 'publication-contact-phone',
  evaluation: 'publication-evaluation',
  reviewOn: 'publication-review-on',
  premises: 'publication-premises',
  statement: 'publication-statement',
};

/**
 * "Public careers page": the careers leader edits what the school publishes (the careers leader's
 * contact, how the programme is evaluated, the next review, the provider access policy statement),
 * previews it with this year's programme, publishes or unpublishes it, and copies its public address.
 */
export function PublicationPage() {
  const query = useQuery(CAREERS_PAGE_QUERY);
  const [page, setPage] = useState<CareersPage | null>(null);
  const [draft, setDraft] = useState<PublicationDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<PublicationField, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [previewing, setPreviewing] = useState(false);

  const loaded = query.data?.careersPage ?? null;
  useEffect(() => {
    if (loaded && !page) {
      setPage(loaded);
      setDraft(draftOf(loaded));
    }
  }, [loaded, page]);

  const address = page ? publicAddress(window.location.origin, page.publicPath) : '';
  const change = (field: PublicationField) => (event: { target: { value: string } }) => setDraft((d) => (d ? { ...d, [field]: event.target.value } : d));

  const send = async (publish: boolean) => {
    if (!draft) return;
    setDone(null);
    setProblem(null);
    const found = problemsOf(draft, todayInEngland(), publish);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const result = (await request(SAVE_CAREERS_PAGE_MUTATION, { input: inputOf(draft), publish })).saveCareersPage;
      if (result.error || !result.page) {
        const fields = (result.error?.fields ?? []).filter((f): f is { field: PublicationField; message: string } =>
          (PUBLICATION_FIELDS as readonly string[]).includes(f.field),
        );
        setErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
        setProblem(fields.length ? null : (result.error?.message ?? 'The page was not saved. Try again.'));
        setAttempt((n) => n + 1);
        return;
      }
      setPage(result.page);
      setDraft(draftOf(result.page));
      setDone(publish ? 'Your careers page is published.' : 'Your changes are saved. They are not published yet.');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The page was not saved. Try again.');
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(false);
  };

  const unpublish = async () => {
    setDone(null);
    setProblem(null);
    setBusy(true);
    try {
      const result = (await request(UNPUBLISH_CAREERS_PAGE_MUTATION, {})).unpublishCareersPage;
      if (result.error || !result.page) setProblem(result.error?.message ?? 'The page was not unpublished. Try again.');
      else {
        setPage(result.page);
        setDone('Your careers page is no longer published. Your draft is kept.');
      }
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The page was not unpublished. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    setCopied(false);
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
    } catch {
      (document.getElementById('publication-address') as HTMLInputElement | null)?.select();
    }
  };

  const summary = [
    ...PUBLICATION_FIELDS.filter((field) => errors[field]).map((field) => ({ message: errors[field]!, targetId: ids[field] })),
    ...(problem ? [{ message: problem }] : []),
  ];

  return (
    <>
      <PageHeader
        title="Public careers page"
        caption={page?.schoolName}
        description="Schools in England must publish their careers programme and their provider access policy statement. Write them here, check the preview, and publish: anyone can then read the page without signing in. Nothing about any pupil is ever shown on it."
      />
      {query.loading && !page ? <Loading label="Loading your careers page…" /> : null}
      {query.error && !page ? (
        <ErrorPanel title="Your careers page could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {page && draft ? (
        <>
          {done ? <Notice title={done} /> : null}
          <Section title="Status and public address">
            <p>
              <strong>{statusText(page)}</strong>
            </p>
            <Field id="publication-address" label="Public address" hint="Link to this address from your school website." value={address} readOnly />
            <div className="wm-button-row">
              <Button variant="secondary" onClick={() => void copy()}>
                Copy address
              </Button>
              {page.published ? (
                <a href={page.publicPath} target="_blank" rel="noopener noreferrer">
                  Open the public page (opens in a new tab)
                </a>
              ) : null}
            </div>
            {copied ? <p role="status">The address is copied.</p> : null}
          </Section>

          <form className="wm-form" noValidate aria-label="Your public careers page" onSubmit={submit}>
            <ErrorSummary attempt={attempt} items={summary} />
            <Section
              title="Contact for the careers programme"
              description="Published as you write them here, for parents, pupils and providers. Use a work email address."
            >
              <Field
                id={ids.contactName}
                label="Name"
                autoComplete="off"
                value={draft.contactName}
                error={errors.contactName}
                onChange={change('contactName')}
              />
              <Field
                id={ids.contactEmail}
                label="Email address"
                type="email"
                autoComplete="off"
                value={draft.contactEmail}
                error={errors.contactEmail}
                onChange={change('contactEmail')}
              />
              <Field
                id={ids.contactPhone}
                label="Phone number (optional)"
                type="tel"
                autoComplete="off"
                value={draft.contactPhone}
                error={errors.contactPhone}
                onChange={change('contactPhone')}
              />
            </Section>
            <Section title="How the programme is evaluated">
              <TextAreaField
                id={ids.evaluation}
                label="How you find out whether the programme is working"
                hint="For example, who you ask for feedback and when, and what you look at."
                rows={5}
                value={draft.evaluation}
                error={errors.evaluation}
                onChange={change('evaluation')}
              />
            </Section>
            <Section title="Next review">
              <Field
                id={ids.reviewOn}
                label="Next review date"
                hint="When you will next review the programme and this page. Today or later."
                type="date"
                narrow
                value={draft.reviewOn}
                error={errors.reviewOn}
                onChange={change('reviewOn')}
              />
            </Section>
            <Section
              title="Provider access policy statement"
              description="The draft comes from your contact details, the premises below and the provider encounters in this year's plan. Change it into your own words before you publish."
            >
              <TextAreaField
                id={ids.premises}
                label="Premises and facilities for visiting providers (optional)"
                hint="For example, the rooms and equipment you offer. Saved changes appear in a new draft."
                rows={3}
                value={draft.premises}
                error={errors.premises}
                onChange={change('premises')}
              />
              <TextAreaField
                id={ids.statement}
                label="Statement"
                hint='Start a line with "- " to make a list.'
                rows={18}
                value={draft.statement}
                error={errors.statement}
                onChange={change('statement')}
              />
              <Button variant="secondary" onClick={() => setDraft((d) => (d ? { ...d, statement: page.draftStatement } : d))}>
                Start again from the generated draft
              </Button>
            </Section>
            <div className="wm-button-row">
              <Button type="submit" variant="secondary" disabled={busy}>
                {busy ? 'Saving…' : 'Save draft'}
              </Button>
              <Button onClick={() => void send(true)} disabled={busy}>
                {page.published ? 'Publish changes' : 'Publish'}
              </Button>
              {page.published ? (
                <Button variant="secondary" onClick={() => void unpublish()} disabled={busy}>
                  Unpublish
                </Button>
              ) : null}
            </div>
          </form>

          <Section title="Preview" description="How the public page will look with what is in the form now. The programme comes from this year's plan.">
            <Button variant="secondary" aria-expanded={previewing} aria-controls="publication-preview" onClick={() => setPreviewing((p) => !p)}>
              {previewing ? 'Hide preview' : 'Show preview'}
            </Button>
            {previewing ? <PagePreview id="publication-preview" schoolName={page.schoolName} preview={page.preview} draft={draft} /> : null}
          </Section>
        </>
      ) : null}
    </>
  );
}
