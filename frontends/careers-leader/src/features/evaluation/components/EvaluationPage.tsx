import { academicYearLabel, academicYearOf } from '@waymark/domain';
import { request, useQuery } from '@waymark/graphql-client';
import {
  BarChart,
  Button,
  Checkbox,
  ConfirmDialog,
  DataTable,
  DateText,
  ErrorPanel,
  ErrorSummary,
  Loading,
  PageHeader,
  Section,
  SelectField,
  SurveyForm,
  type SurveyAnswer,
} from '@waymark/ui';
import { useState, type SubmitEvent } from 'react';
import { ReadinessResultsSection } from '../../readiness/components/ReadinessResultsSection';
import {
  ANSWER_STAFF_SURVEY_MUTATION,
  CLOSE_PROGRAMME_SURVEY_MUTATION,
  EVALUATION_RESULTS_QUERY,
  OPEN_PROGRAMME_SURVEY_MUTATION,
  STAFF_SURVEYS_QUERY,
  type EncounterRatings,
  type ProgrammeSurveyAudience,
  type ProgrammeSurveyTerm,
  type SurveyResults,
} from '../graphql/evaluation';

/*
 * "Feedback": how the school evaluates its careers programme (Benchmark 1). Pupils' ratings of each
 * activity, and the termly surveys of parents, staff and employers: careers leaders open and close
 * them, every member of staff reads the results and answers the staff survey here.
 */

const AUDIENCES: { value: ProgrammeSurveyAudience; label: string }[] = [
  { value: 'PARENTS', label: 'Parents and carers' },
  { value: 'STAFF', label: 'Staff' },
  { value: 'EMPLOYERS', label: 'Employers and volunteers' },
];
const TERMS: { value: ProgrammeSurveyTerm; label: string }[] = [
  { value: 'AUTUMN', label: 'Autumn term' },
  { value: 'SPRING', label: 'Spring term' },
  { value: 'SUMMER', label: 'Summer term' },
];
const termOf = (date: Date): ProgrammeSurveyTerm => {
  const month = date.getMonth();
  return month >= 8 ? 'AUTUMN' : month <= 2 ? 'SPRING' : 'SUMMER';
};
const averageText = (average: number | null | undefined, responses: number, who: string) =>
  average == null ? 'No answers yet' : `Average ${average.toLocaleString('en-GB')} out of 4, from ${responses} ${who}`;

export function EvaluationPage() {
  const current = academicYearOf(new Date());
  const [year, setYear] = useState(current);
  const query = useQuery(EVALUATION_RESULTS_QUERY, { academicYear: year });
  const results = query.data?.evaluationResults ?? null;

  return (
    <>
      <PageHeader
        title="Feedback"
        description="What pupils, parents, staff and employers say about your careers programme. Benchmark 1 asks schools to review the programme every year using their feedback; the self-evaluation counts it."
      />
      <form className="wm-toolbar" aria-label="Choose a school year" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="School year"
          name="year"
          value={String(year)}
          options={[current, current - 1, current - 2].map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
          onChange={(event) => setYear(Number(event.target.value))}
        />
      </form>
      <StaffSurveySection />
      {query.loading && !results ? <Loading label="Loading feedback…" /> : null}
      {query.error && !results ? (
        <ErrorPanel title="The feedback could not be loaded" onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {results ? (
        <>
          <SurveysSection year={year} surveys={results.surveys} canManage={results.canManage} onChange={query.refetch} />
          <RatingsSection encounters={results.encounters} label={results.label} />
        </>
      ) : null}
      <ReadinessResultsSection academicYear={year} />
    </>
  );
}

/** The staff survey, when one is open and this person has not answered it. */
function StaffSurveySection() {
  const query = useQuery(STAFF_SURVEYS_QUERY);
  const surveys = (query.data?.programmeSurveysToAnswer ?? []).filter((survey) => survey.audience === 'STAFF');
  if (surveys.length === 0) return null;
  const answer = async (surveyId: string, values: SurveyAnswer): Promise<string | null> => {
    try {
      const result = (await request(ANSWER_STAFF_SURVEY_MUTATION, { input: { surveyId, ...values, comment: values.comment || null } })).answerProgrammeSurvey;
      return result.error ? result.error.message : null;
    } catch (error) {
      return error instanceof Error ? error.message : 'Your answer was not sent. Try again.';
    }
  };
  return (
    <Section title="Your answer to the staff survey" description="Your school asks its staff each term how well the careers programme is working.">
      {surveys.map((survey) => (
        <SurveyForm key={survey.id} survey={survey} headingLevel={3} onAnswer={answer} />
      ))}
    </Section>
  );
}

function SurveysSection({ year, surveys, canManage, onChange }: { year: number; surveys: SurveyResults[]; canManage: boolean; onChange: () => Promise<void> }) {
  return (
    <Section
      title="Surveys of parents, staff and employers"
      description="One short survey per group each term: two questions on a four-point scale and one comment. Results show how many gave each answer."
    >
      {canManage ? <OpenSurveyForm year={year} onOpened={onChange} /> : null}
      {surveys.length === 0 ? <p className="wm-muted">No surveys in {academicYearLabel(year)} yet.</p> : null}
      <ul className="wm-card-list">
        {surveys.map((survey) => (
          <SurveyCard key={survey.id} survey={survey} canManage={canManage} onClosed={onChange} />
        ))}
      </ul>
    </Section>
  );
}

function OpenSurveyForm({ year, onOpened }: { year: number; onOpened: () => Promise<void> }) {
  const [audience, setAudience] = useState<ProgrammeSurveyAudience>('PARENTS');
  const [term, setTerm] = useState<ProgrammeSurveyTerm>(year === academicYearOf(new Date()) ? termOf(new Date()) : 'AUTUMN');
  const [anonymous, setAnonymous] = useState(true);
  const [problems, setProblems] = useState<{ message: string; targetId?: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setOpened(null);
    try {
      const result = (await request(OPEN_PROGRAMME_SURVEY_MUTATION, { input: { audience, term, academicYear: year, anonymous } })).openProgrammeSurvey;
      if (result.error) {
        setProblems(
          result.error.fields.length > 0
            ? result.error.fields.map((f) => ({
                message: `${result.error!.message} ${f.message}.`,
                targetId: f.field === 'audience' ? 'survey-audience' : 'survey-term',
              }))
            : [{ message: result.error.message }],
        );
        setAttempt((n) => n + 1);
      } else {
        setProblems([]);
        setOpened(result.survey?.label ?? null);
        await onOpened();
      }
    } catch (error) {
      setProblems([{ message: error instanceof Error ? error.message : 'The survey was not opened. Try again.' }]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>Open a survey</h3>
      <ErrorSummary items={problems} attempt={attempt} />
      <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label="Open a survey">
        <SelectField
          id="survey-audience"
          label="Who is it for?"
          name="audience"
          value={audience}
          options={AUDIENCES}
          onChange={(event) => setAudience(event.target.value as ProgrammeSurveyAudience)}
        />
        <SelectField
          id="survey-term"
          label={`Term (${academicYearLabel(year)})`}
          name="term"
          value={term}
          options={TERMS}
          onChange={(event) => setTerm(event.target.value as ProgrammeSurveyTerm)}
        />
        <Checkbox label="Anonymous: keep no names with the answers" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        <div className="wm-button-row">
          <Button type="submit" disabled={busy}>
            {busy ? 'Opening…' : 'Open survey'}
          </Button>
        </div>
        <p role="status" className="wm-muted">
          {opened ? `${opened} is open. People see it in Waymark until you close it.` : null}
        </p>
      </form>
    </>
  );
}

function SurveyCard({ survey, canManage, onClosed }: { survey: SurveyResults; canManage: boolean; onClosed: () => Promise<void> }) {
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const close = async () => {
    setBusy(true);
    try {
      const result = (await request(CLOSE_PROGRAMME_SURVEY_MUTATION, { id: survey.id })).closeProgrammeSurvey;
      setProblem(result.error?.message ?? null);
      await onClosed();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The survey was not closed. Try again.');
    } finally {
      setBusy(false);
      setClosing(false);
    }
  };
  return (
    <li>
      <h3>{survey.label}</h3>
      <p className="wm-muted">
        {survey.open ? (
          <>
            Open since <DateText value={survey.openedAt} />
          </>
        ) : (
          <>
            Closed on <DateText value={survey.closedAt} />
          </>
        )}
        {` · ${survey.answers} ${survey.answers === 1 ? 'answer' : 'answers'} · ${survey.anonymous ? 'anonymous' : 'with names'}`}
      </p>
      {survey.results.map((question) => (
        <div key={question.key}>
          <BarChart
            caption={question.text}
            data={question.counts.map((count) => ({ label: count.label, value: count.count }))}
            formatValue={(value) => `${value} ${value === 1 ? 'answer' : 'answers'}`}
          />
          <p>{averageText(question.average, question.responses, question.responses === 1 ? 'answer' : 'answers')}</p>
        </div>
      ))}
      <h4>{survey.commentQuestion}</h4>
      {survey.comments.length > 0 ? (
        <ul>
          {survey.comments.map((comment, index) => (
            <li key={index}>{comment}</li>
          ))}
        </ul>
      ) : (
        <p className="wm-muted">No comments.</p>
      )}
      {problem ? (
        <p className="wm-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      {canManage && survey.open ? (
        <div className="wm-button-row">
          <Button variant="secondary" onClick={() => setClosing(true)}>
            Close survey<span className="wm-visually-hidden">: {survey.label}</span>
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={closing}
        title="Close this survey?"
        confirmLabel={busy ? 'Closing…' : 'Yes, close it'}
        cancelLabel="Keep it open"
        busy={busy}
        onConfirm={() => void close()}
        onCancel={() => setClosing(false)}
      >
        <p>Nobody can answer {survey.label} once it is closed, and it cannot be opened again. The answers so far stay.</p>
      </ConfirmDialog>
    </li>
  );
}

function RatingsSection({ encounters, label }: { encounters: EncounterRatings[]; label: string }) {
  const labels = encounters[0]?.counts.map((count) => count.label) ?? ['Not useful', 'A bit useful', 'Useful', 'Really useful'];
  return (
    <Section
      title="Pupils' ratings of activities"
      description={`How useful pupils said each activity in ${label} was, and what they learned. Only your school's staff see what pupils wrote, and never with their names.`}
    >
      <DataTable
        caption={`Ratings by activity, ${label}`}
        rows={encounters}
        rowKey={(row) => row.encounter.id}
        emptyText="No pupil has rated an activity this year yet."
        columns={[
          { key: 'title', header: 'Activity', rowHeader: true, render: (row) => row.encounter.title },
          { key: 'date', header: 'Date', render: (row) => <DateText value={row.encounter.date} /> },
          ...labels.map((text, index) => ({
            key: `count-${index}`,
            header: text,
            numeric: true,
            render: (row: EncounterRatings) => row.counts[index]?.count ?? 0,
          })),
          { key: 'responses', header: 'Ratings', numeric: true, render: (row) => row.responses },
          { key: 'average', header: 'Average (out of 4)', numeric: true, render: (row) => row.average?.toLocaleString('en-GB') ?? '–' },
        ]}
      />
      <ul className="wm-card-list">
        {encounters.map((row) => (
          <li key={row.encounter.id}>
            <h3>{row.encounter.title}</h3>
            <p className="wm-muted">
              <DateText value={row.encounter.date} /> · {averageText(row.average, row.responses, row.responses === 1 ? 'pupil' : 'pupils')}
            </p>
            <BarChart
              caption={`How useful pupils found “${row.encounter.title}”`}
              data={row.counts.map((count) => ({ label: count.label, value: count.count }))}
              formatValue={(value) => `${value} ${value === 1 ? 'pupil' : 'pupils'}`}
            />
            <h4>What pupils learned</h4>
            {row.learned.length > 0 ? (
              <ul>
                {row.learned.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            ) : (
              <p className="wm-muted">Nobody wrote anything.</p>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
