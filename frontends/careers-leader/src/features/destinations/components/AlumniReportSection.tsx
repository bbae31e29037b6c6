import { formatDay } from '@waymark/domain';
import { Button, DataTable, ErrorPanel, Loading, Notice, Section, SelectField, type Column } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { useAlumniReports, type AlumniReportView, type Candidate } from '../hooks/useAlumniReports';
import { reportSummary } from '../lib/selfReports';

/** Choosing the leaver an alumni report is about, from the school's leavers whose Year 11 fits. */
function MatchForm({
  report,
  candidates,
  onMatch,
  onCancel,
}: {
  report: AlumniReportView;
  candidates: Candidate[];
  onMatch: (candidate: Candidate) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = `alumni-match-${report.id}`;
  return (
    <div className="wm-form" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Match {report.name}'s report to a leaver
      </h3>
      {candidates.length === 0 ? (
        <p>
          None of your leavers followed now, who agreed to being followed, finished Year 11 in a year that fits {report.yearLeft ?? 'the year they left'}. You
          can keep the report as an alumni destination instead.
        </p>
      ) : (
        <SelectField
          id={id}
          label="Which leaver is this?"
          hint="Your leavers followed now whose Year 11 fits the year they left, and who agreed to being followed."
          options={candidates.map((candidate) => ({
            value: candidate.pupil.id,
            label: `${candidate.pupil.displayName} (left Year 11 in ${candidate.leavingYear})`,
          }))}
          placeholder="Choose a leaver"
          value={chosen}
          error={problem ?? undefined}
          onChange={(event) => {
            setChosen(event.target.value);
            setProblem(null);
          }}
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--wm-space-sm)' }}>
        {candidates.length > 0 ? (
          <Button
            type="button"
            onClick={() => {
              const candidate = candidates.find((c) => c.pupil.id === chosen);
              if (!candidate) setProblem('Choose the leaver this report is about');
              else onMatch(candidate);
            }}
          >
            Match and record
          </Button>
        ) : null}
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/**
 * Former pupils the school confirmed tell it what they do now. Each report waits here: matched to one
 * of the school's leavers it becomes that leaver's self-reported spell; kept, it is an alumni
 * destination that counts in no leaver figure; rejected, nothing is recorded.
 */
export function AlumniReportSection({ onDecided }: { onDecided: () => void }) {
  const alumni = useAlumniReports();
  const { reports, notice } = alumni;
  const [matching, setMatching] = useState<{ report: AlumniReportView; candidates: Candidate[] } | null>(null);

  const startMatch = async (report: AlumniReportView) => {
    const candidates = await alumni.candidates(report.id);
    if (candidates) setMatching({ report, candidates });
  };

  const columns: Column<AlumniReportView>[] = [
    { key: 'name', header: 'Name they gave', rowHeader: true, render: (report) => report.name },
    { key: 'left', header: 'Year they left', render: (report) => (report.yearLeft ? String(report.yearLeft) : 'Not given') },
    { key: 'said', header: 'What they said', render: (report) => reportSummary(report) },
    { key: 'when', header: 'Sent', render: (report) => formatDay(report.submittedAt) },
    {
      key: 'decide',
      header: 'Decision',
      render: (report) => (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--wm-space-sm)' }}>
          <Button type="button" aria-label={`Match to a leaver: the report of ${report.name}`} onClick={() => void startMatch(report)}>
            Match to a leaver
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-label={`Keep as alumni destination: the report of ${report.name}`}
            onClick={() => void alumni.decide(report, { kind: 'keep' }).then(() => setMatching(null))}
          >
            Keep as alumni destination
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-label={`Reject the report of ${report.name}`}
            onClick={() => void alumni.decide(report, { kind: 'reject' }).then(() => setMatching(null))}
          >
            Reject
          </Button>
        </div>
      ),
    },
  ];

  return (
    <Section
      title="Alumni's own reports"
      description="Former pupils you confirmed as alumni can tell you what they do now. Match a report to one of your leavers to record it for them (only leavers who agreed to being followed), keep it as an alumni destination (it counts in no leaver figure), or reject it."
    >
      {notice?.kind === 'done' ? (
        <Notice title="Done" headingLevel={3}>
          {notice.text}
        </Notice>
      ) : null}
      {notice?.kind === 'problem' ? (
        <ErrorPanel title="That did not work" headingLevel={3}>
          {notice.text}
        </ErrorPanel>
      ) : null}
      {alumni.loading && !reports ? <Loading label="Loading alumni's reports…" /> : null}
      {!alumni.loading && !reports ? (
        <ErrorPanel title="Alumni's reports could not be loaded" headingLevel={3} onRetry={() => void alumni.refetch()}>
          {alumni.error?.message ?? 'Try again later.'}
        </ErrorPanel>
      ) : null}
      {reports ? (
        <DataTable
          caption="Alumni's reports waiting for a decision"
          captionHidden
          columns={columns}
          rows={reports}
          rowKey={(report) => report.id}
          emptyText="No reports from alumni are waiting."
        />
      ) : null}
      {matching ? (
        <MatchForm
          key={matching.report.id}
          report={matching.report}
          candidates={matching.candidates}
          onCancel={() => setMatching(null)}
          onMatch={(candidate) =>
            void alumni.decide(matching.report, { kind: 'match', candidate }).then((done) => {
              if (!done) return;
              setMatching(null);
              onDecided();
            })
          }
        />
      ) : null}
    </Section>
  );
}
