import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, Checkbox, DateText, ErrorPanel, isForbidden, Notice, Section, SummaryList } from '@waymark/ui';
import { useEffect, useState, type SubmitEvent } from 'react';
import { mayChangeConsent } from '../../../shared/age';
import type { PupilConsent } from '../graphql/myPupilRecord';
import type { Audience } from './audience';

export interface ConsentSectionProps {
  audience: Audience;
  consent: PupilConsent | null;
  errors: readonly GraphQLErrorItem[];
  /** The pupil's age today, if known. */
  age: number | null;
  /** Saves the choice; resolves with a message when it was not saved. */
  onSave: (choice: { destinationTracking: boolean; localAuthoritySharingOptOut: boolean }) => Promise<string | null>;
}

const OPT_OUT_BY: Record<string, string> = { PARENT: 'a parent or carer', PUPIL: 'the pupil' };

/**
 * Consent to destination tracking and the opt-out from sharing with the local authority: the
 * pupil changes them from 16, a parent before then; otherwise the section says who does.
 */
export function ConsentSection({ audience, consent, errors, age, onSave }: ConsentSectionProps) {
  const pupil = audience.kind === 'pupil';
  const editable = !!consent && mayChangeConsent(audience.kind, age);
  const [tracking, setTracking] = useState(consent?.destinationTracking ?? false);
  const [optOut, setOptOut] = useState(consent?.localAuthoritySharingOptOut ?? false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    setTracking(consent?.destinationTracking ?? false);
    setOptOut(consent?.localAuthoritySharingOptOut ?? false);
  }, [consent?.destinationTracking, consent?.localAuthoritySharingOptOut]);

  const changed = !!consent && (tracking !== consent.destinationTracking || optOut !== consent.localAuthoritySharingOptOut);
  const name = pupil ? '' : audience.childName;

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    setBusy(true);
    const problem = await onSave({ destinationTracking: tracking, localAuthoritySharingOptOut: optOut });
    setBusy(false);
    if (problem) setFailure(problem);
    else setSaved(true);
  };

  const who = pupil
    ? age != null && age >= 16
      ? 'You are 16 or over, so you decide these yourself.'
      : 'Because you are under 16, a parent or carer, or your school, sets these for you. If you would like them changed, talk to them or to your careers leader.'
    : editable
      ? `While ${name} is under 16, you can set these. From 16, ${name} decides them.`
      : `${name} is 16 or over, so ${name} decides these. The school can help if something needs changing.`;

  const trackingLabel = pupil ? 'My school may record where I go after I leave' : `${name}'s school may record where ${name} goes after leaving`;
  const optOutLabel = pupil ? 'Do not share my plans with the local authority' : `Do not share ${name}'s plans with the local authority`;

  return (
    <Section title="Consent and sharing">
      {errors.length ? (
        <p className="wm-inset">
          {isForbidden(errors) ? 'These settings are not available to you.' : 'These settings could not be loaded just now. Try again later.'}
        </p>
      ) : null}
      {consent ? (
        <>
          <p>{who}</p>
          {failure ? (
            <ErrorPanel title="Your choices were not saved" headingLevel={3}>
              {failure}
            </ErrorPanel>
          ) : null}
          {saved ? <Notice title="Your choices have been saved" headingLevel={3} /> : null}
          {editable ? (
            <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Consent and sharing">
              <div className="wm-field">
                <Checkbox
                  label={trackingLabel}
                  name="destinationTracking"
                  checked={tracking}
                  disabled={busy}
                  aria-describedby="consent-tracking-hint"
                  onChange={(event) => {
                    setTracking(event.target.checked);
                    setSaved(false);
                  }}
                />
                <span id="consent-tracking-hint" className="wm-field__hint">
                  For up to three years after leaving, the school records what {pupil ? 'you are' : `${name} is`} doing, such as college, an apprenticeship or a
                  job. This helps the school improve its careers guidance.
                </span>
              </div>
              <div className="wm-field">
                <Checkbox
                  label={optOutLabel}
                  name="localAuthoritySharingOptOut"
                  checked={optOut}
                  disabled={busy}
                  aria-describedby="consent-sharing-hint"
                  onChange={(event) => {
                    setOptOut(event.target.checked);
                    setSaved(false);
                  }}
                />
                <span id="consent-sharing-hint" className="wm-field__hint">
                  Schools tell the local authority what each Year 11 pupil plans to do next, so it can make sure everyone has a place in education or training.
                  Tick this to leave {pupil ? 'yours' : `${name}'s`} out.
                </span>
              </div>
              <Button type="submit" disabled={!changed || busy}>
                {busy ? 'Saving…' : pupil ? 'Save my choices' : 'Save these choices'}
              </Button>
            </form>
          ) : (
            <SummaryList
              items={[
                { term: 'Destination tracking after leaving school', value: consent.destinationTracking ? 'Agreed' : 'Not agreed' },
                {
                  term: 'Plans shared with the local authority',
                  value: consent.localAuthoritySharingOptOut ? 'Not shared (opted out)' : 'Shared',
                },
              ]}
            />
          )}
          {consent.updatedAt ? (
            <p className="wm-muted">
              Last changed on <DateText value={consent.updatedAt} />
              {consent.localAuthoritySharingOptOut && consent.optOutBy ? `; opted out of sharing by ${OPT_OUT_BY[consent.optOutBy] ?? consent.optOutBy}` : ''}.
            </p>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
