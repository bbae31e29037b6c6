import { isReadinessYear, type ReadinessItem } from '@waymark/domain';
import { request, useQuery } from '@waymark/graphql-client';
import { Button, DataTable, ErrorSummary, Fieldset, Loading, Section, type Column } from '@waymark/ui';
import { useEffect, useState, type SubmitEvent } from 'react';
import { MyReadinessDocument, SubmitReadinessDocument } from '../graphql/readiness';
import { changeRows, nextReadinessYear, QUESTIONS, SCALE_OPTIONS, thisYearsAnswers, unanswered } from '../lib/readiness';

const fieldId = (item: ReadinessItem) => `readiness-${item}-1`;

/**
 * "How ready do you feel?" in My progress: the career readiness questionnaire in Years 7, 9, 11 and
 * 13, and how the pupil's answers have changed since the last time.
 */
export function ReadinessSection() {
  const query = useQuery(MyReadinessDocument);
  const record = query.data?.myPupilRecord ?? null;
  const responses = record?.readinessResponses ?? [];
  const [answers, setAnswers] = useState<Partial<Record<ReadinessItem, number>>>({});
  const [missing, setMissing] = useState<ReadinessItem[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const loaded = JSON.stringify(thisYearsAnswers(responses));
  useEffect(() => setAnswers(JSON.parse(loaded) as Partial<Record<ReadinessItem, number>>), [loaded]);

  if (query.loading && !record) return <Loading label="Loading your questionnaire…" />;
  if (!record) return null;
  const asked = isReadinessYear(record.yearGroup);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    setProblem(null);
    const left = unanswered(answers);
    setMissing(left);
    if (left.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const list = QUESTIONS.map(({ item }) => ({ item, value: answers[item]! }));
      const { submitReadiness } = await request(SubmitReadinessDocument, { answers: list });
      if (submitReadiness.error) {
        setProblem(submitReadiness.error.message);
        setAttempt((n) => n + 1);
        return;
      }
      await query.refetch();
      setSaved('Saved. Thank you: your school uses everyone’s answers to plan careers activities.');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'Your answers were not saved. Try again.');
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const history = changeRows(responses);
  const columns: Column<(typeof history)[number]>[] = [
    { key: 'question', header: 'Question', rowHeader: true, render: (row) => row.text },
    ...responses.map((response, i) => ({
      key: `year-${response.academicYear}`,
      header: `Year ${response.yearGroup}`,
      render: (row: (typeof history)[number]) => row.values[i] ?? '',
    })),
  ];
  const items = [
    ...missing.map((item) => ({ message: `Choose an answer for: ${QUESTIONS.find((q) => q.item === item)!.text}`, targetId: fieldId(item) })),
    ...(problem ? [{ message: problem }] : []),
  ];
  const next = nextReadinessYear(record.yearGroup);

  return (
    <Section
      title="How ready do you feel?"
      description="A few questions about what you know about careers and what you are good at. You answer them in Years 7, 9, 11 and 13, so you can see how you change."
    >
      {asked ? (
        <form className="wm-form" noValidate aria-label="Career readiness questions" onSubmit={(event) => void submit(event)}>
          <ErrorSummary attempt={attempt} items={items} />
          {QUESTIONS.map(({ item, text }) => (
            <Fieldset key={item} label={text} error={missing.includes(item) ? 'Choose an answer' : undefined}>
              <div className="wm-checkbox-list">
                {SCALE_OPTIONS.map((option) => (
                  <label key={option.value} className="wm-checkbox">
                    <input
                      type="radio"
                      id={`readiness-${item}-${option.value}`}
                      name={`readiness-${item}`}
                      value={option.value}
                      checked={answers[item] === option.value}
                      onChange={() => {
                        setAnswers((before) => ({ ...before, [item]: option.value }));
                        setMissing((before) => before.filter((other) => other !== item));
                      }}
                    />
                    <span>{option.label}</span>
                  </label>
                ))}
              </div>
            </Fieldset>
          ))}
          <div className="wm-button-row">
            <Button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save my answers'}
            </Button>
            <span role="status" className="wm-muted">
              {saved}
            </span>
          </div>
        </form>
      ) : (
        <p>{next ? `You will answer these questions in Year ${next}.` : 'There are no questions for you to answer this year.'}</p>
      )}
      {responses.length > 0 ? <DataTable caption="Your answers each time" columns={columns} rows={history} rowKey={(row) => row.item} /> : null}
    </Section>
  );
}
