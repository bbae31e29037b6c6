import { useQuery } from '@waymark/graphql-client';
import { Checkbox, ErrorPanel, formatHashtags, Loading, PageHeader, Section, SummaryList } from '@waymark/ui';
import { useState } from 'react';
import { viewHref } from '../../../shared/route';
import { MyInterestsDocument, RoleModelsDocument, type RoleModel } from '../graphql/roleModels';

/**
 * "Role models": the people who volunteer with the pupil's school and agreed to say what they do and
 * how they got there, some of them former pupils. Those who match the pupil's interests come first.
 */
export function RoleModelsPage() {
  const mine = useQuery(MyInterestsDocument);
  const interests = mine.data?.myPupilRecord?.interests ?? [];
  const ready = !mine.loading || mine.data !== null;
  const models = useQuery(RoleModelsDocument, { interests }, { skip: !ready });
  const [onlyMatching, setOnlyMatching] = useState(false);
  const list = models.data?.roleModels ?? null;
  const shown = list && onlyMatching ? list.filter((model) => model.matchedInterests.length > 0) : list;

  return (
    <>
      <PageHeader
        title="Role models"
        description="People who help at your school talk about their jobs and how they got there. Some of them went to your school."
      />
      {!ready || (models.loading && !list) ? <Loading label="Loading role models…" /> : null}
      {models.error && !list ? (
        <ErrorPanel title="Role models could not be loaded" onRetry={() => void models.refetch()}>
          {models.error.message}
        </ErrorPanel>
      ) : null}
      {list ? (
        <Section title="People you could learn from">
          {interests.length > 0 ? (
            <>
              <p>
                Your interests: {formatHashtags(interests)}. People whose work matches them come first. <a href={viewHref('progress')}>Change your interests</a>
              </p>
              <Checkbox label="Only show people who match my interests" checked={onlyMatching} onChange={(event) => setOnlyMatching(event.target.checked)} />
            </>
          ) : (
            <p>
              Add some interests, such as #animals or #computers, and people whose work matches them will come first.{' '}
              <a href={viewHref('progress')}>Add your interests</a>
            </p>
          )}
          <p role="status" className="wm-muted">
            {shown && shown.length > 0 ? `Showing ${shown.length} ${shown.length === 1 ? 'person' : 'people'}.` : null}
          </p>
          {shown && shown.length === 0 ? (
            <p className="wm-inset">
              {list.length === 0 ? 'Nobody has shared a role-model profile with your school yet. Check again later.' : 'Nobody matches your interests yet.'}
            </p>
          ) : null}
          <ul className="wm-card-list" aria-label="Role models">
            {(shown ?? []).map((model) => (
              <RoleModelCard key={model.id} model={model} />
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

function RoleModelCard({ model }: { model: RoleModel }) {
  const items = [
    { term: 'How they got there', value: model.route },
    ...(model.characteristics ? [{ term: 'About them', value: model.characteristics }] : []),
    ...(model.sectors.length > 0 ? [{ term: 'Works in', value: model.sectors.join(', ') }] : []),
    ...(model.matchedInterests.length > 0 ? [{ term: 'Matches your interests', value: formatHashtags(model.matchedInterests) }] : []),
  ];
  return (
    <li>
      <h3>
        {model.firstName}, {model.jobTitle}
      </h3>
      {model.formerPupil ? (
        <p className="wm-tag">{model.leftSchoolYear ? `Went to your school (left in ${model.leftSchoolYear})` : 'Went to your school'}</p>
      ) : null}
      <SummaryList items={items} />
    </li>
  );
}
