import { useQuery } from '@waymark/graphql-client';
import { Button, ErrorPanel, Loading, Section } from '@waymark/ui';
import { SuggestedMatchesDocument, type SuggestedMatch } from '../graphql/requests';

/**
 * Where volunteer supply meets the school's need, most needed first: one plain sentence each and a
 * button that fills in the request form below for that year group and sector.
 */
export function SuggestedMatches({ onAsk }: { onAsk: (match: SuggestedMatch, postcode: string | null) => void }) {
  const query = useQuery(SuggestedMatchesDocument);
  const answer = query.data?.suggestedMatches ?? null;
  return (
    <Section
      title="Suggested matches"
      description="Year groups that have not met anyone from a sector this school year, with how many of their pupils are interested in it and how many volunteers in it could help. Most needed first."
    >
      {query.loading && !answer ? <Loading label="Looking for matches…" /> : null}
      {query.error ? (
        <ErrorPanel title="Suggested matches could not be loaded" headingLevel={3} onRetry={() => void query.refetch()}>
          {query.error.message}
        </ErrorPanel>
      ) : null}
      {answer && !answer.postcode ? (
        <p>Volunteers who could come in person are counted once you have posted a request for your school&apos;s postcode.</p>
      ) : null}
      {answer && answer.suggestions.length === 0 ? (
        <p>No suggestions right now: every year group has met someone from each sector volunteers can offer.</p>
      ) : null}
      {answer && answer.suggestions.length > 0 ? (
        <ul className="wm-card-list" aria-label="Suggested matches">
          {answer.suggestions.map((match) => (
            <li key={`${match.yearGroup}-${match.sector}`}>
              <p>{match.sentence}</p>
              <Button variant="secondary" onClick={() => onAsk(match, answer.postcode ?? null)}>
                Ask for volunteers
                <span className="wm-visually-hidden">
                  {' '}
                  for Year {match.yearGroup} in {match.sectorName}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
