import { useMutation } from '@waymark/graphql-client';
import { SIC_SECTION_KEYS, SIC_SECTIONS, VOLUNTEER_ACTIVITIES, VOLUNTEER_ACTIVITY_KEYS } from '@waymark/domain';
import { Button, Checkbox, ErrorSummary, Field, Fieldset, Notice, SelectField, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import type { VolunteerActivity } from '../../../gql/graphql';
import { PostVolunteerRequestDocument } from '../graphql/requests';
import { EMPTY_REQUEST, REQUEST_FIELD_IDS, toRequestInput, validateRequest, type RequestDraft, type RequestErrors } from '../lib/requestForm';

const YEARS = [7, 8, 9, 10, 11, 12, 13];
const ACTIVITY_OPTIONS = VOLUNTEER_ACTIVITY_KEYS.map((key) => ({ value: key, label: VOLUNTEER_ACTIVITIES[key].label }));
const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((item) => item !== value));

/**
 * Asks volunteers for help: what, when, for whom, how many, which sectors, and where. `initial` fills
 * it in (from a suggested match, which `filledFrom` names); the page remounts it for each one.
 */
export function PostRequestForm({
  onPosted,
  initial = EMPTY_REQUEST,
  filledFrom = null,
}: {
  onPosted: () => void;
  initial?: RequestDraft;
  filledFrom?: string | null;
}) {
  const [draft, setDraft] = useState<RequestDraft>(initial);
  const [filled, setFilled] = useState(filledFrom);
  const [errors, setErrors] = useState<RequestErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [posted, setPosted] = useState(false);
  const [post, state] = useMutation(PostVolunteerRequestDocument);
  const set = <Key extends keyof RequestDraft>(key: Key, value: RequestDraft[Key]) => {
    setPosted(false);
    setDraft((previous) => ({ ...previous, [key]: value }));
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setPosted(false);
    const found = validateRequest(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((count) => count + 1);
      return;
    }
    const result = await post({ input: toRequestInput(draft) });
    const answer = result.data?.postVolunteerRequest;
    if (!answer?.request) {
      setErrors(Object.fromEntries((answer?.error?.fields ?? []).map((f) => [f.field, f.message])));
      setProblem(answer?.error?.fields.length ? null : (answer?.error?.message ?? result.error?.message ?? 'The request was not saved. Try again.'));
      setAttempt((count) => count + 1);
      return;
    }
    setDraft(EMPTY_REQUEST);
    setErrors({});
    setFilled(null);
    setPosted(true);
    onPosted();
  };

  const items = [
    ...(Object.entries(errors) as [keyof RequestErrors, string][]).map(([field, message]) => ({ message, targetId: REQUEST_FIELD_IDS[field] })),
    ...(problem ? [{ message: problem }] : []),
  ];

  return (
    <>
      {posted ? (
        <Notice title="Request posted" headingLevel={3}>
          Volunteers whose offer matches can now see it and offer to help. Their offers appear below.
        </Notice>
      ) : null}
      {filled && !posted ? (
        <Notice title="Filled in from a suggestion" headingLevel={3}>
          {`${filled} Check the dates and details, then post the request.`}
        </Notice>
      ) : null}
      <ErrorSummary attempt={attempt} items={items} />
      <form className="wm-form" noValidate aria-label="Ask for volunteers" onSubmit={(event) => void submit(event)}>
        <SelectField
          id={REQUEST_FIELD_IDS.activity}
          label="What do you need help with?"
          placeholder="Choose one"
          options={ACTIVITY_OPTIONS}
          value={draft.activity}
          error={errors.activity}
          onChange={(event) => set('activity', event.target.value as VolunteerActivity | '')}
        />
        <Field
          id={REQUEST_FIELD_IDS.dateFrom}
          label="First day it could happen"
          type="date"
          narrow
          value={draft.dateFrom}
          error={errors.dateFrom}
          onChange={(event) => set('dateFrom', event.target.value)}
        />
        <Field
          id={REQUEST_FIELD_IDS.dateTo}
          label="Last day it could happen"
          type="date"
          narrow
          value={draft.dateTo}
          error={errors.dateTo}
          onChange={(event) => set('dateTo', event.target.value)}
        />
        <Fieldset label="Year groups" error={errors.yearGroups}>
          <div className="wm-checkbox-list">
            {YEARS.map((year) => (
              <Checkbox
                key={year}
                id={`request-year-${year}`}
                label={`Year ${year}`}
                checked={draft.yearGroups.includes(year)}
                onChange={(event) => set('yearGroups', toggle(draft.yearGroups, year, event.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
        <Field
          id={REQUEST_FIELD_IDS.volunteersWanted}
          label="How many volunteers?"
          inputMode="numeric"
          narrow
          value={draft.volunteersWanted}
          error={errors.volunteersWanted}
          onChange={(event) => set('volunteersWanted', event.target.value)}
        />
        <Fieldset label="Sectors (optional)" hint="Leave all unticked for volunteers from any sector." error={errors.sectors}>
          <div className="wm-checkbox-stack">
            {SIC_SECTION_KEYS.map((key) => (
              <Checkbox
                key={key}
                id={`request-sector-${key}`}
                label={SIC_SECTIONS[key]}
                checked={draft.sectors.includes(key)}
                onChange={(event) => set('sectors', toggle(draft.sectors, key, event.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
        <Checkbox id="request-virtual" label="It happens online" checked={draft.virtual} onChange={(event) => set('virtual', event.target.checked)} />
        {draft.virtual ? null : (
          <Field
            id={REQUEST_FIELD_IDS.postcode}
            label="Postcode of the place"
            hint="Usually the school's. Volunteers see its district, such as LS6."
            autoComplete="postal-code"
            narrow
            value={draft.postcode}
            error={errors.postcode}
            onChange={(event) => set('postcode', event.target.value)}
          />
        )}
        <Fieldset
          label="Who is with the volunteer (optional)"
          hint="These decide which checks on the volunteer your school needs: an enhanced DBS check only when the volunteer is alone with pupils and meets them regularly."
        >
          <div className="wm-checkbox-stack">
            <Checkbox
              id="request-unsupervised"
              label="No member of staff will be with the volunteer and the pupils"
              checked={draft.unsupervised}
              onChange={(event) => set('unsupervised', event.target.checked)}
            />
            <Checkbox
              id="request-regular"
              label="The same volunteer will meet the pupils regularly, like a mentoring programme"
              checked={draft.regular}
              onChange={(event) => set('regular', event.target.checked)}
            />
          </div>
        </Fieldset>
        <TextAreaField
          id={REQUEST_FIELD_IDS.details}
          label="Anything volunteers should know (optional)"
          hint="Do not name pupils: volunteers read this."
          value={draft.details}
          error={errors.details}
          onChange={(event) => set('details', event.target.value)}
        />
        <Button type="submit" disabled={state.loading}>
          {state.loading ? 'Posting…' : 'Post the request'}
        </Button>
      </form>
    </>
  );
}
