import { useMutation, useQuery } from '@waymark/graphql-client';
import { SIC_SECTION_KEYS, SIC_SECTIONS, VOLUNTEER_ACTIVITIES, VOLUNTEER_ACTIVITY_KEYS } from '@waymark/domain';
import { Button, Checkbox, ErrorPanel, ErrorSummary, Field, Fieldset, Loading, Notice, PageHeader, SelectField, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { VolunteerReachKind } from '../../../gql/graphql';
import { MyVolunteeringProfileDocument, UpdateMyVolunteerProfileDocument } from '../graphql/volunteering';
import { PROFILE_FIELD_IDS, draftFrom, toProfileInput, validateProfile, type ProfileDraft, type ProfileErrors } from '../lib/profileDraft';

const REACH_OPTIONS: { value: VolunteerReachKind; label: string }[] = [
  { value: 'DISTRICTS', label: 'Schools in postcode districts I name' },
  { value: 'RADIUS', label: 'Schools within a distance of home' },
  { value: 'VIRTUAL_ONLY', label: 'Online only' },
];

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((item) => item !== value));

/** The volunteer's own profile: what they offer, their sectors, how far they go, when, and an optional role-model profile. */
export function ProfilePage({ onSaved }: { onSaved: () => void }) {
  const query = useQuery(MyVolunteeringProfileDocument);
  if (query.loading && !query.data) {
    return (
      <>
        <PageHeader title="What I can offer" />
        <Loading label="Loading your profile…" />
      </>
    );
  }
  if (query.error && !query.data?.myVolunteerProfile) {
    return (
      <>
        <PageHeader title="What I can offer" />
        <ErrorPanel title="Your profile could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      </>
    );
  }
  return <ProfileForm key={query.data?.myVolunteerProfile?.id ?? 'none'} initial={draftFrom(query.data?.myVolunteerProfile ?? null)} onSaved={onSaved} />;
}

function ProfileForm({ initial, onSaved }: { initial: ProfileDraft; onSaved: () => void }) {
  const [draft, setDraft] = useState<ProfileDraft>(initial);
  const [errors, setErrors] = useState<ProfileErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [save, state] = useMutation(UpdateMyVolunteerProfileDocument);
  const set = <Key extends keyof ProfileDraft>(key: Key, value: ProfileDraft[Key]) => {
    setSaved(false);
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setSaved(false);
    const found = validateProfile(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    const result = await save({ input: toProfileInput(draft) });
    const answer = result.data?.updateMyVolunteerProfile;
    if (answer?.error || !answer?.volunteer) {
      setErrors(Object.fromEntries((answer?.error?.fields ?? []).map((f) => [f.field, f.message])));
      setProblem(answer?.error?.fields.length ? null : (answer?.error?.message ?? result.error?.message ?? 'Your profile could not be saved. Try again.'));
      setAttempt((count) => count + 1);
      return;
    }
    setSaved(true);
    onSaved();
  };

  const items = [
    ...(Object.entries(errors) as [keyof ProfileErrors, string][]).map(([field, message]) => ({ message, targetId: PROFILE_FIELD_IDS[field] })),
    ...(problem ? [{ message: problem }] : []),
  ];

  return (
    <>
      <PageHeader title="What I can offer" description="Schools see requests matched to what you tell us here. Your home postcode is never shown to anyone." />
      {saved ? (
        <Notice title="Profile saved" headingLevel={2}>
          Requests from schools now match what you can offer.
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate aria-label="What I can offer" onSubmit={(event) => void submit(event)}>
        <Fieldset label="What could you do with pupils?" hint="Choose all that apply." error={errors.activities}>
          <div className="wm-checkbox-stack">
            {VOLUNTEER_ACTIVITY_KEYS.map((key) => (
              <Checkbox
                key={key}
                id={`profile-activity-${key}`}
                label={VOLUNTEER_ACTIVITIES[key].label}
                checked={draft.activities.includes(key)}
                onChange={(event) => set('activities', toggle(draft.activities, key, event.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset
          label="Which sectors can you talk about? (optional)"
          hint="Schools sometimes ask for a sector. These are the sections of the Standard Industrial Classification."
          error={errors.sectors}
        >
          <div className="wm-checkbox-stack">
            {SIC_SECTION_KEYS.map((key) => (
              <Checkbox
                key={key}
                id={`profile-sector-${key}`}
                label={SIC_SECTIONS[key]}
                checked={draft.sectors.includes(key)}
                onChange={(event) => set('sectors', toggle(draft.sectors, key, event.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
        <Field
          id={PROFILE_FIELD_IDS.homePostcode}
          label="Your home postcode"
          hint="For example, LS11 5AA. Only you see it."
          autoComplete="postal-code"
          narrow
          value={draft.homePostcode}
          error={errors.homePostcode}
          onChange={(event) => set('homePostcode', event.target.value)}
        />
        <SelectField
          id={PROFILE_FIELD_IDS.reach}
          label="Which schools can you help?"
          placeholder="Choose one"
          options={REACH_OPTIONS}
          value={draft.reach}
          error={errors.reach}
          onChange={(event) => set('reach', event.target.value as VolunteerReachKind | '')}
        />
        {draft.reach === 'DISTRICTS' ? (
          <Field
            id={PROFILE_FIELD_IDS.districts}
            label="Postcode districts"
            hint="The first part of a postcode, separated by commas. For example: LS6, LS11, BD1"
            autoComplete="off"
            value={draft.districts}
            error={errors.districts}
            onChange={(event) => set('districts', event.target.value)}
          />
        ) : null}
        {draft.reach === 'RADIUS' ? (
          <Field
            id={PROFILE_FIELD_IDS.radiusMiles}
            label="How far from home, in miles?"
            inputMode="numeric"
            narrow
            value={draft.radiusMiles}
            error={errors.radiusMiles}
            onChange={(event) => set('radiusMiles', event.target.value)}
          />
        ) : null}
        <TextAreaField
          id={PROFILE_FIELD_IDS.availability}
          label="When are you free? (optional)"
          hint="For example: Tuesday afternoons in term time"
          value={draft.availability}
          error={errors.availability}
          onChange={(event) => set('availability', event.target.value)}
        />
        <Fieldset label="Role-model profile (optional)" hint="Pupils and schools can read about your job and how you got there." error={errors.roleModel}>
          <Checkbox
            id="profile-role-model"
            label="Add a role-model profile"
            checked={draft.roleModel}
            onChange={(event) => set('roleModel', event.target.checked)}
          />
          {draft.roleModel ? (
            <>
              <Field
                id={PROFILE_FIELD_IDS.roleModel}
                label="Your job"
                value={draft.roleModelJob}
                onChange={(event) => set('roleModelJob', event.target.value)}
              />
              <TextAreaField
                id="profile-role-route"
                label="How you got into it"
                value={draft.roleModelRoute}
                onChange={(event) => set('roleModelRoute', event.target.value)}
              />
              <TextAreaField
                id="profile-role-about"
                label="Anything you choose to say about yourself (optional)"
                hint="For example: first in my family to go to university"
                value={draft.roleModelCharacteristics}
                onChange={(event) => set('roleModelCharacteristics', event.target.value)}
              />
              <Checkbox
                id="profile-role-consent"
                label="I agree that pupils and schools can see my role-model profile"
                checked={draft.roleModelConsent}
                onChange={(event) => set('roleModelConsent', event.target.checked)}
              />
            </>
          ) : null}
        </Fieldset>
        <Button type="submit" disabled={state.loading}>
          {state.loading ? 'Saving…' : 'Save my profile'}
        </Button>
      </form>
    </>
  );
}
