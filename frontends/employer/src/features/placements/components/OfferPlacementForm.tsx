import { useMutation, useQuery } from '@waymark/graphql-client';
import { Button, Checkbox, ErrorPanel, ErrorSummary, Field, Fieldset, Loading, Notice, Section, TextAreaField } from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { OfferPlacementDocument, PlacementSchoolsDocument } from '../graphql/placements';

const YEARS = [7, 8, 9, 10, 11, 12, 13];
type FieldName = 'title' | 'tasks' | 'dateFrom' | 'dateTo' | 'hoursPerDay' | 'capacity' | 'yearGroups' | 'schoolIds';
const FIELD_IDS: Record<FieldName, string> = {
  title: 'placement-title',
  tasks: 'placement-tasks',
  dateFrom: 'placement-from',
  dateTo: 'placement-to',
  hoursPerDay: 'placement-hours',
  capacity: 'placement-capacity',
  yearGroups: 'placement-year-7',
  schoolIds: 'placement-school-0',
};

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

/** The volunteer offers a work-experience placement to some of the schools they work with. */
export function OfferPlacementForm({ onOffered }: { onOffered: () => void }) {
  const schoolsQuery = useQuery(PlacementSchoolsDocument);
  const schools = schoolsQuery.data?.placementSchools ?? null;
  const [title, setTitle] = useState('');
  const [tasks, setTasks] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [hoursPerDay, setHoursPerDay] = useState('');
  const [capacity, setCapacity] = useState('');
  const [yearGroups, setYearGroups] = useState<number[]>([]);
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [offer, state] = useMutation(OfferPlacementDocument);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    const result = await offer({
      input: {
        title,
        tasks,
        dateFrom,
        dateTo,
        hoursPerDay: hoursPerDay.trim() === '' ? 0 : Number(hoursPerDay),
        capacity: capacity.trim() === '' || !Number.isInteger(Number(capacity)) ? 0 : Number(capacity),
        yearGroups,
        schoolIds,
      },
    });
    const answer = result.data?.offerPlacement;
    if (!answer?.placement) {
      const fields: Partial<Record<FieldName, string>> = {};
      for (const field of answer?.error?.fields ?? []) if (field.field in FIELD_IDS) fields[field.field as FieldName] = field.message;
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : (answer?.error?.message ?? result.error?.message ?? 'The placement could not be saved. Try again.'));
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    setProblem(null);
    setSaved(title.trim());
    setTitle('');
    setTasks('');
    setDateFrom('');
    setDateTo('');
    setHoursPerDay('');
    setCapacity('');
    setYearGroups([]);
    setSchoolIds([]);
    onOffered();
  };

  const summary = [
    ...(problem ? [{ message: problem }] : []),
    ...(Object.entries(errors) as [FieldName, string][]).map(([field, message]) => ({ message, targetId: FIELD_IDS[field] })),
  ];

  return (
    <Section
      title="Offer a placement"
      description="Pupils at the schools you choose can apply. Their school approves who comes, and you only see their first name and year group."
    >
      {saved ? (
        <Notice title="Placement offered" headingLevel={3}>
          {saved} is now open for applications.
        </Notice>
      ) : null}
      {schoolsQuery.loading && !schools ? <Loading label="Loading your schools…" /> : null}
      {schoolsQuery.error ? (
        <ErrorPanel title="Your schools could not be loaded" onRetry={() => void schoolsQuery.refetch()}>
          {schoolsQuery.error.message}
        </ErrorPanel>
      ) : null}
      {schools && schools.length === 0 ? <p>You can offer a placement once you work with a school. Offer to help with a request from a school first.</p> : null}
      {schools && schools.length > 0 ? (
        <>
          <ErrorSummary attempt={attempt} items={summary} />
          <form className="wm-form" noValidate aria-label="Offer a placement" onSubmit={(event) => void submit(event)}>
            <Field id={FIELD_IDS.title} label="Title" value={title} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
            <TextAreaField
              id={FIELD_IDS.tasks}
              label="What the pupil will do"
              hint="Write it so a pupil aged 14 to 18 can follow it."
              value={tasks}
              error={errors.tasks}
              onChange={(e) => setTasks(e.target.value)}
            />
            <Field
              id={FIELD_IDS.dateFrom}
              type="date"
              narrow
              label="First day"
              value={dateFrom}
              error={errors.dateFrom}
              onChange={(e) => setDateFrom(e.target.value)}
            />
            <Field id={FIELD_IDS.dateTo} type="date" narrow label="Last day" value={dateTo} error={errors.dateTo} onChange={(e) => setDateTo(e.target.value)} />
            <Field
              id={FIELD_IDS.hoursPerDay}
              inputMode="decimal"
              narrow
              label="Hours a day"
              hint="For example 6. At most 8."
              value={hoursPerDay}
              error={errors.hoursPerDay}
              onChange={(e) => setHoursPerDay(e.target.value)}
            />
            <Field
              id={FIELD_IDS.capacity}
              inputMode="numeric"
              narrow
              label="Places"
              hint="How many pupils you can take: at least 1."
              value={capacity}
              error={errors.capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
            <Fieldset label="Year groups" error={errors.yearGroups}>
              <div className="wm-checkbox-list">
                {YEARS.map((year) => (
                  <Checkbox
                    key={year}
                    id={`placement-year-${year}`}
                    label={`Year ${year}`}
                    checked={yearGroups.includes(year)}
                    onChange={(e) => setYearGroups(toggle(yearGroups, year, e.target.checked))}
                  />
                ))}
              </div>
            </Fieldset>
            <Fieldset label="Schools" hint="The schools you work with." error={errors.schoolIds}>
              <div className="wm-checkbox-stack">
                {schools.map((school, index) => (
                  <Checkbox
                    key={school.id}
                    id={`placement-school-${index}`}
                    label={school.name}
                    checked={schoolIds.includes(school.id)}
                    onChange={(e) => setSchoolIds(toggle(schoolIds, school.id, e.target.checked))}
                  />
                ))}
              </div>
            </Fieldset>
            <Button type="submit" disabled={state.loading}>
              {state.loading ? 'Saving…' : 'Offer placement'}
            </Button>
          </form>
        </>
      ) : null}
    </Section>
  );
}
