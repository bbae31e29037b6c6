import { request, useQuery } from '@waymark/graphql-client';
import { Button, Checkbox, DataTable, ErrorSummary, Field, Fieldset, Loading, Section, SelectField, StatCard, StatGrid, type Column } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { RECORD_SEPTEMBER_OFFERS_MUTATION, SEPTEMBER_OFFERS_QUERY, type OfferPlaceKind, type SeptemberOfferEntryView } from '../graphql/september-offer';
import { describeOffer, EMPTY_OFFER, offerInput, PLACE_OPTIONS, sortEntries, STATUS_OPTIONS, type OfferDraft } from '../lib/septemberOffer';

const FIELD_IDS: Record<string, string> = {
  pupils: 'offer-pupils',
  status: 'offer-status-OFFER_MADE',
  placeKind: 'offer-place',
  provider: 'offer-provider',
  note: 'offer-note',
};

/**
 * "September offer": for pupils finishing Year 11 or Year 12, whether each has an offer of a place in
 * education or training for September, recorded for many pupils at once. It goes in the return.
 */
export function SeptemberOfferSection() {
  const [yearGroup, setYearGroup] = useState<11 | 12>(11);
  const list = useQuery(SEPTEMBER_OFFERS_QUERY, { yearGroup });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<OfferDraft>(EMPTY_OFFER);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [serverProblem, setServerProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const set = <Key extends keyof OfferDraft>(key: Key, value: OfferDraft[Key]) => setDraft((previous) => ({ ...previous, [key]: value }));

  const view = list.data?.septemberOffers ?? null;
  const entries = view ? sortEntries(view.entries) : [];
  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const switchYear = (next: 11 | 12) => {
    setYearGroup(next);
    setChosen(new Set());
    setErrors({});
    setServerProblem(null);
    setDone(null);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    setServerProblem(null);
    const ids = entries.filter((entry) => chosen.has(entry.pupil.id)).map((entry) => entry.pupil.id);
    const { input, problems } = offerInput(draft, ids);
    if (problems) {
      setErrors(Object.fromEntries(problems.map((problem) => [problem.field, problem.message])));
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const { recordSeptemberOffers } = await request(RECORD_SEPTEMBER_OFFERS_MUTATION, { input });
      if (recordSeptemberOffers.error) {
        const { fields, message } = recordSeptemberOffers.error;
        setErrors(Object.fromEntries(fields.filter((field) => field.field in FIELD_IDS).map((field) => [field.field, field.message])));
        setServerProblem(fields.length ? null : message);
        setAttempt((count) => count + 1);
        return;
      }
      setChosen(new Set());
      setDraft(EMPTY_OFFER);
      // Said once the list and counts show it.
      await list.refetch();
      setDone(`Recorded for ${recordSeptemberOffers.recorded} ${recordSeptemberOffers.recorded === 1 ? 'pupil' : 'pupils'}.`);
    } catch (error) {
      setServerProblem(error instanceof Error ? error.message : 'Nothing was saved. Try again.');
      setAttempt((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<SeptemberOfferEntryView>[] = [
    {
      key: 'choose',
      header: <span className="wm-visually-hidden">Choose</span>,
      render: (entry) => (
        <Checkbox
          label={<span className="wm-visually-hidden">Choose {entry.pupil.displayName}</span>}
          checked={chosen.has(entry.pupil.id)}
          onChange={(event) => toggle(entry.pupil.id, event.target.checked)}
        />
      ),
    },
    { key: 'name', header: 'Pupil', rowHeader: true, render: (entry) => entry.pupil.displayName },
    { key: 'tutor', header: 'Tutor group', render: (entry) => entry.pupil.tutorGroup ?? '' },
    { key: 'offer', header: 'September offer', render: (entry) => describeOffer(entry.offer) },
  ];
  const notRecorded = entries.filter((entry) => entry.offer === null).map((entry) => entry.pupil.id);
  const items = [
    ...Object.entries(errors).map(([field, message]) => ({ message: message ?? '', targetId: FIELD_IDS[field] })),
    ...(serverProblem ? [{ message: serverProblem }] : []),
  ];

  return (
    <Section
      title="September offer"
      description="Every young person finishing Year 11 or Year 12 should be offered a place in education or training for September. Record who has an offer; your return to the local authority includes it."
    >
      <SelectField
        id="offer-year"
        label="Year group"
        options={[
          { value: '11', label: 'Year 11' },
          { value: '12', label: 'Year 12' },
        ]}
        value={String(yearGroup)}
        onChange={(event) => switchYear(event.target.value === '12' ? 12 : 11)}
      />
      {list.loading && !view ? <Loading label="Loading the September offers…" /> : null}
      {list.error && !view ? <p className="wm-inset">The list could not be loaded just now. Try again later.</p> : null}
      {view ? (
        <>
          <StatGrid label={`September offers in Year ${view.yearGroup}`}>
            <StatCard label="Offer made" value={view.offerMade} />
            <StatCard label="No offer" value={view.noOffer} />
            <StatCard label="Offer not appropriate" value={view.notAppropriate} />
            <StatCard label="Not recorded" value={view.notRecorded} />
          </StatGrid>
          <ErrorSummary attempt={attempt} items={items} />
          <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label={`Record September offers for Year ${view.yearGroup}`}>
            <Fieldset label={`Pupils in Year ${view.yearGroup}`} hint="Tick everyone the same answer is for." error={errors.pupils}>
              <div className="wm-button-row" id={FIELD_IDS.pupils} tabIndex={-1}>
                <Button type="button" variant="secondary" disabled={notRecorded.length === 0} onClick={() => setChosen(new Set(notRecorded))}>
                  Choose the {notRecorded.length} not recorded
                </Button>
                <Button type="button" variant="secondary" disabled={chosen.size === 0} onClick={() => setChosen(new Set())}>
                  Clear the choice
                </Button>
              </div>
              <DataTable
                caption={`September offers, Year ${view.yearGroup}`}
                captionHidden
                columns={columns}
                rows={entries}
                rowKey={(entry) => entry.pupil.id}
                emptyText={`Nobody is on roll in Year ${view.yearGroup}.`}
              />
            </Fieldset>
            <Fieldset label="What is the answer?" error={errors.status}>
              <div className="wm-checkbox-stack">
                {STATUS_OPTIONS.map((option) => (
                  <label key={option.value} className="wm-checkbox">
                    <input
                      type="radio"
                      id={`offer-status-${option.value}`}
                      name="offer-status"
                      value={option.value}
                      checked={draft.status === option.value}
                      onChange={() => set('status', option.value)}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </Fieldset>
            {draft.status === 'OFFER_MADE' ? (
              <>
                <SelectField
                  id={FIELD_IDS.placeKind}
                  label="Kind of place offered"
                  placeholder="Choose one"
                  options={PLACE_OPTIONS}
                  value={draft.placeKind}
                  error={errors.placeKind}
                  onChange={(event) => set('placeKind', event.target.value as OfferPlaceKind | '')}
                />
                <Field
                  id={FIELD_IDS.provider}
                  label="School, college or employer (optional)"
                  autoComplete="off"
                  value={draft.provider}
                  error={errors.provider}
                  onChange={(event) => set('provider', event.target.value)}
                />
              </>
            ) : null}
            <Field
              id={FIELD_IDS.note}
              label={draft.status === 'NOT_APPROPRIATE' ? 'Why is an offer not appropriate?' : 'Note (optional)'}
              hint={draft.status === 'NOT_APPROPRIATE' ? 'For example "moved abroad".' : undefined}
              autoComplete="off"
              value={draft.note}
              error={errors.note}
              onChange={(event) => set('note', event.target.value)}
            />
            <div className="wm-button-row">
              <Button type="submit" disabled={busy}>
                {busy ? 'Recording…' : `Record for ${chosen.size} ${chosen.size === 1 ? 'pupil' : 'pupils'}`}
              </Button>
              <span role="status" className="wm-muted">
                {done}
              </span>
            </div>
          </form>
        </>
      ) : null}
    </Section>
  );
}
