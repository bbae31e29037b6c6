import { useMutation, type GraphQLErrorItem } from '@waymark/graphql-client';
import { Button, Checkbox, DateText, ErrorPanel, Notice, Section, SummaryList } from '@waymark/ui';
import { useEffect, useState, type SubmitEvent } from 'react';
import { SET_PUPIL_CONSENT_MUTATION, type PupilConsent } from '../graphql/pupilRecord';
import { SectionProblem } from './SectionProblem';

export interface ConsentSectionProps {
  pupilId: string;
  pupilName: string;
  consent: PupilConsent | null;
  errors: readonly GraphQLErrorItem[];
  /** Whether the caller may change it (staff of the pupil's current school). */
  editable: boolean;
  onSaved: (consent: PupilConsent) => void;
}

const OPT_OUT_BY: Record<string, string> = { PARENT: 'a parent or carer', PUPIL: 'the pupil' };

/** Consent to destination tracking after 16, and the opt-out from sharing with the local authority. */
export function ConsentSection({ pupilId, pupilName, consent, errors, editable, onSaved }: ConsentSectionProps) {
  const [tracking, setTracking] = useState(consent?.destinationTracking ?? false);
  const [optOut, setOptOut] = useState(consent?.localAuthoritySharingOptOut ?? false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, mutation] = useMutation(SET_PUPIL_CONSENT_MUTATION);

  useEffect(() => {
    setTracking(consent?.destinationTracking ?? false);
    setOptOut(consent?.localAuthoritySharingOptOut ?? false);
  }, [consent?.destinationTracking, consent?.localAuthoritySharingOptOut]);

  const changed = !!consent && (tracking !== consent.destinationTracking || optOut !== consent.localAuthoritySharingOptOut);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    const { data, error } = await save({ input: { pupilId, destinationTracking: tracking, localAuthoritySharingOptOut: optOut } });
    const result = data?.setPupilConsent;
    if (error || result?.error || !result?.consent) {
      setFailure(error?.message ?? result?.error?.message ?? 'The consent settings were not saved.');
      return;
    }
    setSaved(true);
    onSaved(result.consent);
  };

  return (
    <Section title="Consent and sharing">
      <SectionProblem items={errors} what="consent settings" />
      {consent && !editable ? (
        <SummaryList
          items={[
            { term: 'Destination tracking after 16', value: consent.destinationTracking ? 'Agreed' : 'Not agreed' },
            {
              term: 'Sharing with the local authority',
              value: consent.localAuthoritySharingOptOut
                ? `Opted out${consent.optOutBy ? ` by ${OPT_OUT_BY[consent.optOutBy] ?? consent.optOutBy}` : ''}`
                : 'Shared',
            },
            { term: 'Last changed', value: consent.updatedAt ? <DateText value={consent.updatedAt} /> : 'Never' },
          ]}
        />
      ) : null}
      {consent && editable ? (
        <>
          <form
            className="wm-form wm-consent-form"
            noValidate
            onSubmit={(event) => void submit(event)}
            aria-label={`Change ${pupilName}'s consent and sharing`}
          >
            {failure ? (
              <ErrorPanel title="The consent settings were not saved" headingLevel={3}>
                {failure}
              </ErrorPanel>
            ) : null}
            {saved ? <Notice title="Consent settings saved" headingLevel={3} /> : null}
            <div className="wm-field">
              <Checkbox
                label="Agreed to destination tracking after 16"
                name="destinationTracking"
                checked={tracking}
                aria-describedby="staff-consent-tracking-hint"
                onChange={(event) => {
                  setTracking(event.target.checked);
                  setSaved(false);
                }}
              />
              <span id="staff-consent-tracking-hint" className="wm-field__hint">
                Needed to follow up where the pupil goes after 16, unless they stay in your own sixth form.
              </span>
            </div>
            <div className="wm-field">
              <Checkbox
                label="Opted out of sharing with the local authority"
                name="localAuthoritySharingOptOut"
                checked={optOut}
                aria-describedby="staff-consent-sharing-hint"
                onChange={(event) => {
                  setOptOut(event.target.checked);
                  setSaved(false);
                }}
              />
              <span id="staff-consent-sharing-hint" className="wm-field__hint">
                When ticked, the pupil's intended destination is left out of the export to the local authority. A parent decides this while the pupil is under
                16, the pupil from 16.
              </span>
            </div>
            <Button type="submit" disabled={!changed || mutation.loading}>
              {mutation.loading ? 'Saving…' : 'Save consent settings'}
            </Button>
          </form>
          <p className="wm-muted">
            Last changed: {consent.updatedAt ? <DateText value={consent.updatedAt} /> : 'never'}
            {consent.localAuthoritySharingOptOut && consent.optOutBy ? `. Opted out of sharing by ${OPT_OUT_BY[consent.optOutBy] ?? consent.optOutBy}` : ''}.
          </p>
        </>
      ) : null}
      {!consent && errors.length === 0 ? <p className="wm-muted">No consent settings are recorded.</p> : null}
    </Section>
  );
}
