import { READINESS_ITEMS, READINESS_YEAR_GROUPS, type ReadinessItem } from '@waymark/domain';
import { useQuery } from '@waymark/graphql-client';
import { BarChart, DataTable, Loading, Section, SelectField, type Column } from '@waymark/ui';
import { useState } from 'react';
import { groupLabel } from '../../../shared/vulnerableGroups';
import { ReadinessResultsDocument, type ReadinessRow } from '../graphql/readiness';

/** The question's words. */
const shortText = (item: ReadinessItem) => READINESS_ITEMS[item].text;

/**
 * Career readiness: for one year group (and, if chosen, one vulnerable group in it), the share of
 * pupils answering each question positively this school year, as bars with the figures as text.
 */
export function ReadinessResultsSection({ academicYear }: { academicYear: number }) {
  const query = useQuery(ReadinessResultsDocument, { academicYear });
  const [yearGroup, setYearGroup] = useState<number>(READINESS_YEAR_GROUPS[0]);
  const [group, setGroup] = useState<string>('');
  const rows = query.data?.readinessResults?.rows ?? null;
  const forYear = (rows ?? []).filter((row) => row.yearGroup === yearGroup);
  const row: ReadinessRow | undefined = forYear.find((candidate) => (candidate.group ?? '') === group) ?? forYear.find((candidate) => candidate.group === null);

  const columns: Column<ReadinessRow['items'][number]>[] = [
    { key: 'question', header: 'Question', rowHeader: true, render: (item) => shortText(item.item) },
    {
      key: 'positive',
      header: 'Answered positively',
      numeric: true,
      render: (item) => (item.positivePercent === null ? 'No answers' : `${item.positivePercent}%`),
    },
  ];

  return (
    <Section
      title="Career readiness"
      description="Pupils answer a short questionnaire in Years 7, 9, 11 and 13: what they know about careers, and how they rate themselves on the eight essential skills. A positive answer is 'Mostly' or 'Yes, definitely'."
    >
      {query.loading && !rows ? <Loading label="Loading the questionnaire results…" /> : null}
      {query.error && !rows ? <p className="wm-inset">The questionnaire results could not be loaded just now. Try again later.</p> : null}
      {rows ? (
        <>
          <div className="wm-toolbar">
            <SelectField
              id="readiness-year-group"
              label="Year group"
              value={String(yearGroup)}
              options={READINESS_YEAR_GROUPS.map((year) => ({ value: String(year), label: `Year ${year}` }))}
              onChange={(event) => {
                setYearGroup(Number(event.target.value));
                setGroup('');
              }}
            />
            <SelectField
              id="readiness-group"
              label="Pupils"
              value={group}
              options={[
                { value: '', label: 'All pupils' },
                ...forYear
                  .filter((candidate) => candidate.group !== null)
                  .map((candidate) => ({ value: candidate.group!, label: groupLabel(candidate.group!) })),
              ]}
              onChange={(event) => setGroup(event.target.value)}
            />
          </div>
          {row ? (
            <>
              <p role="status">
                {row.answered} of {row.onRoll} {row.onRoll === 1 ? 'pupil' : 'pupils'} answered this school year.
              </p>
              <BarChart
                caption={`Share answering positively, Year ${row.yearGroup}${row.group ? `, ${groupLabel(row.group)}` : ''}`}
                data={row.items.filter((item) => item.positivePercent !== null).map((item) => ({ label: shortText(item.item), value: item.positivePercent! }))}
                formatValue={(value) => `${value}%`}
                emptyText="Nobody in this group has answered yet."
              />
              <DataTable
                caption="Each question and the share answering positively"
                captionHidden
                columns={columns}
                rows={row.items}
                rowKey={(item) => item.item}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
