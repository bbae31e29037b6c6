import { MEASURES_FOR_PUPILS } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { DataTable, DateText, formatDate, Section, type Column } from '@waymark/ui';
import { benchmarkCoverage, type BenchmarkCoverage } from '../../../shared/coverage';
import type { Evidence, MeasureStatus, PupilProgress } from '../graphql/myProgress';
import { splitEvidence, splitMeasures, STATE_TEXT } from '../lib/progress';
import { PartProblem } from './PartProblem';

const CARD: Record<string, string | undefined> = { MET: 'wm-card--met', IN_PROGRESS: 'wm-card--progress' };
const TAG: Record<string, string> = { MET: 'wm-tag wm-tag--met', IN_PROGRESS: 'wm-tag wm-tag--progress', NOT_MET: 'wm-tag wm-tag--not-met' };

/** For a place offered and not taken up (only talks from colleges and apprenticeship providers in Years 12–13): said plainly, never as a failure. */
function notTakenUp(attendance: Evidence['attendance'], childName?: string): string | null {
  if (attendance === 'DECLINED') return childName ? `Offered: ${childName} chose not to go, which is fine.` : 'Offered: you chose not to go, which is fine.';
  if (attendance === 'DID_NOT_ATTEND') return childName ? `Offered: ${childName} did not go.` : 'Offered: you did not go.';
  return null;
}

function EvidenceList({ items, childName }: { items: Evidence[]; childName?: string }) {
  return (
    <ul className="wm-plain-list">
      {items.map((item, index) => {
        const offered = notTakenUp(item.attendance, childName);
        return (
          <li key={`${item.title}-${item.date}-${index}`}>
            <strong>{item.title}</strong> ({item.kindLabel}, <DateText value={item.date} />)
            {offered ? <span className="wm-evidence-reason">{offered}</span> : null}
            {item.reason ? <span className="wm-evidence-reason">{item.reason}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function MeasureCard({ measure, childName }: { measure: MeasureStatus; childName?: string }) {
  const { counted, notCounted } = splitEvidence(measure.evidence);
  const plain = MEASURES_FOR_PUPILS[measure.measure];
  const unfinished = measure.state === 'NOT_MET' || measure.state === 'IN_PROGRESS';
  return (
    <li className={CARD[measure.state]}>
      <h3>{plain.title}</h3>
      <p className="wm-muted">
        Official name: Benchmark {measure.benchmark}, {measure.label}
      </p>
      <p>
        <span className={TAG[measure.state] ?? 'wm-tag'}>{STATE_TEXT[measure.state]}</span> {measure.detail}
      </p>
      {unfinished && plain.nextStep ? (
        <p>
          <strong>{childName ? 'Next step for them:' : 'Your next step:'}</strong> {plain.nextStep}
        </p>
      ) : null}
      {measure.evidence.length ? (
        <details>
          <summary>
            What counted ({counted.length}) and what did not ({notCounted.length})<span className="wm-visually-hidden">: {plain.title}</span>
          </summary>
          <h4>What counted</h4>
          {counted.length ? <EvidenceList items={counted} childName={childName} /> : <p className="wm-muted">Nothing yet.</p>}
          {notCounted.length ? (
            <>
              <h4>What did not count, and why</h4>
              <EvidenceList items={notCounted} childName={childName} />
            </>
          ) : null}
        </details>
      ) : (
        <p className="wm-muted">No activities towards this yet.</p>
      )}
    </li>
  );
}

const COVERAGE_TAG: Record<string, string> = { COVERED: 'wm-tag wm-tag--met', PART_WAY: 'wm-tag wm-tag--progress', NOT_YET: 'wm-tag wm-tag--not-met' };

const overviewColumns: Column<BenchmarkCoverage>[] = [
  { key: 'benchmark', header: 'Benchmark', rowHeader: true, render: (benchmark) => `${benchmark.number}: ${benchmark.name}` },
  { key: 'state', header: 'Where it is', render: (benchmark) => <span className={COVERAGE_TAG[benchmark.state] ?? 'wm-tag'}>{benchmark.text}</span> },
];

/**
 * Each benchmark measure: where the pupil stands, and the activities behind it. Written to the pupil,
 * or about them to a parent when `childName` is given.
 */
export function MeasuresSection({ progress, errors, childName }: { progress: PupilProgress | null; errors: readonly GraphQLErrorItem[]; childName?: string }) {
  const { current, later } = splitMeasures(progress?.measures ?? []);
  // Whether each benchmark is done: the same answer as My record and the download (src/shared/coverage.ts).
  const overview = benchmarkCoverage(progress);
  const asOf = progress ? `As of ${formatDate(progress.asOf)}.` : '';
  return (
    <Section
      title={childName ? `${childName}'s Gatsby Benchmarks` : 'Your Gatsby Benchmarks'}
      description={
        childName
          ? `The careers experiences every young person should have. ${asOf} An activity counts when ${childName} took part, it met the school's checklist, and ${childName} had time to think about it afterwards (their own reflection, or reflection time the school gave the group).`
          : `The careers experiences every young person should have. ${asOf} An activity counts when you took part, it met the school's checklist, and you had time to think about it afterwards (your own reflection, or reflection time your school gave your group).`
      }
    >
      <PartProblem items={errors} what="benchmarks" />
      {progress && overview ? (
        <>
          <DataTable
            caption={childName ? `Each benchmark at a glance for ${childName}` : 'Each benchmark at a glance'}
            columns={overviewColumns}
            rows={overview}
            rowKey={(benchmark) => String(benchmark.number)}
          />
          <ul className="wm-card-list">
            {current.map((measure) => (
              <MeasureCard key={measure.measure} measure={measure} childName={childName} />
            ))}
          </ul>
          {later.length ? (
            <details>
              <summary>Coming up in later years ({later.length})</summary>
              <ul className="wm-plain-list">
                {later.map((measure) => (
                  <li key={measure.measure}>
                    {MEASURES_FOR_PUPILS[measure.measure].title}
                    {measure.detail ? `: ${measure.detail}` : ''}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
