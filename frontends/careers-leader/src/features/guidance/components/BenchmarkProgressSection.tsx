import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { Checkbox, DataTable, formatDate, Section, type Column } from '@waymark/ui';
import { useOptimistic, useState, useTransition } from 'react';
import { STATE_LABELS } from '../../../shared/benchmarks';
import { SectionProblem } from '../../pupil-record/components/SectionProblem';
import type { PupilProgressData, StaffMeasureStatus } from '../graphql/guidance';

type Progress = NonNullable<NonNullable<PupilProgressData['pupil']>['benchmarkProgress']>;

const TAG: Record<string, string> = {
  MET: 'wm-tag wm-tag--met',
  IN_PROGRESS: 'wm-tag wm-tag--progress',
  NOT_MET: 'wm-tag wm-tag--not-met',
  NOT_APPLICABLE: 'wm-tag wm-tag--muted',
};

const columns: Column<StaffMeasureStatus>[] = [
  { key: 'label', header: 'Measure', rowHeader: true, render: (row) => row.label },
  { key: 'state', header: 'State', render: (row) => <span className={TAG[row.state] ?? 'wm-tag'}>{STATE_LABELS[row.state] ?? row.state}</span> },
  { key: 'detail', header: 'So far', render: (row) => row.detail },
];

export interface BenchmarkProgressSectionProps {
  pupilName: string;
  progress: Progress | null;
  considering: boolean | null;
  errors: readonly GraphQLErrorItem[];
  editable: boolean;
  onConsideringChange: (considering: boolean) => Promise<string | null>;
}

/** Where a pupil stands on each benchmark measure, as the engine works it out today. */
export function BenchmarkProgressSection({ pupilName, progress, considering, errors, editable, onConsideringChange }: BenchmarkProgressSectionProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [shownConsidering, setShownConsidering] = useOptimistic(considering);
  const [, startTransition] = useTransition();
  return (
    <Section
      title="Gatsby benchmarks"
      description={progress ? `Where ${pupilName} stands on each measure, as of ${formatDate(progress.asOf)}.` : `Where ${pupilName} stands on each measure.`}
    >
      <SectionProblem items={errors} what="benchmark progress" />
      {progress ? (
        <>
          <DataTable
            caption={`${pupilName}'s progress on each benchmark measure`}
            captionHidden
            columns={columns}
            rows={progress.measures}
            rowKey={(row) => row.measure}
            emptyText="No measures apply yet."
          />
          <p>
            Work experience so far: {progress.workExperience.hoursTotal.toLocaleString('en-GB')} hours ({progress.workExperience.days.toLocaleString('en-GB')}{' '}
            days) of the 10 days expected by the end of Year 11.
          </p>
        </>
      ) : null}
      {editable && considering != null ? (
        <div className="wm-field">
          <Checkbox
            label={`${pupilName} is considering higher education`}
            checked={shownConsidering ?? false}
            onChange={(event) => {
              const value = event.target.checked;
              startTransition(async () => {
                setShownConsidering(value);
                setProblem(await onConsideringChange(value));
              });
            }}
          />
          <span className="wm-field__hint">Benchmark 7 by 18 then expects two university visits.</span>
          {problem ? (
            <p className="wm-field__error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
