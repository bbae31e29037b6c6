import { Button, ErrorPanel, formatDate, Loading, PageHeader, Section } from '@waymark/ui';
import { useRef, useState } from 'react';
import { GovernorsReportSection } from '../../governors-report/components/GovernorsReportSection';
import type { SelfEvaluationArea, SelfEvaluationBenchmark } from '../graphql/self-evaluation';
import { useSelfEvaluation, type SaveProblem } from '../hooks/useSelfEvaluation';
import { percentOf, READINGS, STATE_LABELS, STATE_TAGS } from '../lib/selfEvaluation';
import { AreaAnswerForm } from './AreaAnswerForm';
import { BenchmarkSummary } from './BenchmarkSummary';
import { SnapshotTrend } from './SnapshotTrend';

/** "Self-evaluation": the school against each benchmark, area by area, with the leader's own answers where they gave one. */
export function SelfEvaluationPage() {
  const se = useSelfEvaluation();
  const evaluation = se.evaluation;
  return (
    <>
      <PageHeader
        title="Self-evaluation"
        description="How your school stands on each benchmark. Some areas are answered from your records; you answer the rest, and can change any answer with a reason."
      />
      {se.loading && !se.data ? <Loading label="Loading your self-evaluation…" /> : null}
      {se.error && !se.data ? (
        <ErrorPanel title="The self-evaluation could not be loaded" onRetry={() => void se.refetch()}>
          {se.error.message}
        </ErrorPanel>
      ) : null}
      {evaluation ? (
        <>
          <Section
            title="Scores"
            description={`A score is the share of a benchmark's areas achieved (in progress counts nothing). Records read on ${formatDate(evaluation.asOf)}.`}
          >
            <BenchmarkSummary benchmarks={evaluation.benchmarks} />
          </Section>
          <SnapshotTrend benchmarks={evaluation.benchmarks} canTake={evaluation.canAnswer} />
          {evaluation.canAnswer ? <GovernorsReportSection /> : null}
          {evaluation.benchmarks.map((b) => (
            <BenchmarkSection key={b.benchmark} benchmark={b} canAnswer={evaluation.canAnswer} onSave={se.answer} onRemove={se.removeAnswer} />
          ))}
        </>
      ) : null}
    </>
  );
}

interface AnswerHandlers {
  canAnswer: boolean;
  onSave: (areaKey: string, state: NonNullable<SelfEvaluationArea['override']>['state'], reason: string) => Promise<SaveProblem>;
  onRemove: (areaKey: string) => Promise<SaveProblem>;
}

function BenchmarkSection({ benchmark: b, ...handlers }: { benchmark: SelfEvaluationBenchmark } & AnswerHandlers) {
  return (
    <Section title={`Benchmark ${b.benchmark}: ${b.name}`}>
      <p>
        Score: <strong>{percentOf(b.score)}</strong> ({b.achieved} of {b.areas.length} areas achieved){' '}
        <span className={READINGS[b.reading].tag}>{READINGS[b.reading].label}</span>
      </p>
      <ul className="wm-card-list">
        {b.areas.map((area) => (
          <AreaItem key={area.key} area={area} {...handlers} />
        ))}
      </ul>
    </Section>
  );
}

function AreaItem({ area, canAnswer, onSave, onRemove }: { area: SelfEvaluationArea } & AnswerHandlers) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const answerButton = useRef<HTMLButtonElement>(null);
  const close = (message: string | null) => {
    setOpen(false);
    setStatus(message);
    // Back to where the keyboard user started.
    setTimeout(() => answerButton.current?.focus(), 0);
  };
  const remove = async () => {
    setProblem(null);
    const failed = await onRemove(area.key);
    if (failed) setProblem(failed.message);
    else close('Your answer was removed: the records answer this area again.');
  };
  return (
    <li className={area.state === 'ACHIEVED' ? 'wm-card--met' : undefined}>
      <h3>{area.text}</h3>
      <p>
        <span className={STATE_TAGS[area.state]}>{STATE_LABELS[area.state]}</span>
      </p>
      {area.override ? (
        <>
          <p>
            Your school&rsquo;s answer: <strong>{STATE_LABELS[area.override.state]}</strong>, given by {area.override.setByName} on{' '}
            {formatDate(area.override.setAt)}.
          </p>
          <p className="wm-reflection">Reason: {area.override.reason}</p>
          <p className="wm-muted">
            {area.answeredBy === 'RECORDS' ? `The records say: ${STATE_LABELS[area.prefillState]}. ${area.source}` : 'Your careers leader answers this area.'}
          </p>
        </>
      ) : (
        <p className="wm-muted">{area.source}</p>
      )}
      <p role="status">{status}</p>
      {problem ? <p className="wm-field__error">{problem}</p> : null}
      {canAnswer && open ? (
        <AreaAnswerForm
          area={area}
          onCancel={() => close(null)}
          onSave={async (state, reason) => {
            const failed = await onSave(area.key, state, reason);
            if (!failed) close('Your answer was saved.');
            return failed;
          }}
        />
      ) : null}
      {canAnswer && !open ? (
        <div className="wm-button-row">
          <Button
            ref={answerButton}
            variant="secondary"
            aria-label={`${area.override ? 'Change your answer' : 'Answer this area'}: ${area.text}`}
            onClick={() => setOpen(true)}
          >
            {area.override ? 'Change your answer' : 'Answer this area'}
          </Button>
          {area.override ? (
            <Button variant="secondary" aria-label={`Remove your answer: ${area.text}`} onClick={() => void remove()}>
              Remove your answer
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
