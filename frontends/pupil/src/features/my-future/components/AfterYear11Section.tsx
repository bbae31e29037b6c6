import { formatDay } from '@waymark/domain';
import type { GraphQLErrorItem } from '@waymark/graphql-client';
import { DataTable, Section, type Column } from '@waymark/ui';
import { PartProblem } from '../../my-progress/components/PartProblem';
import type { MyDestinationYears } from '../graphql/myFuture';

type YearRow = MyDestinationYears['years'][number];

const STATUS: Record<string, string> = {
  SUSTAINED: 'Kept it up',
  NOT_SUSTAINED: 'Had a gap',
  TOO_EARLY: 'Too early to tell',
  NOT_KNOWN: 'Not known',
};

const columns: Column<YearRow>[] = [
  { key: 'year', header: 'Year', rowHeader: true, render: (row) => `${formatDay(row.from, 'medium')} to ${formatDay(row.to, 'medium')}` },
  { key: 'what', header: 'What you did most', render: (row) => row.mainActivityLabel ?? 'Nothing recorded' },
  { key: 'status', header: 'How it went', render: (row) => STATUS[row.status] ?? row.status },
  { key: 'why', header: 'Why', render: (row) => row.reason },
];

/** What school has recorded the young person doing since Year 11, year by year; shown only once there is something. */
export function AfterYear11Section({ years, errors }: { years: MyDestinationYears | null; errors: readonly GraphQLErrorItem[] }) {
  if (!years && errors.length === 0) return null;
  return (
    <Section
      title="Since Year 11"
      description="What school has recorded you doing since you finished Year 11, and whether you kept it up from October to March."
    >
      <PartProblem items={errors} what="years since Year 11" />
      {years ? (
        <>
          <p>{years.september.reason}</p>
          <DataTable caption="Your years since Year 11" captionHidden columns={columns} rows={years.years} rowKey={(row) => String(row.year)} emptyText="" />
        </>
      ) : null}
    </Section>
  );
}
