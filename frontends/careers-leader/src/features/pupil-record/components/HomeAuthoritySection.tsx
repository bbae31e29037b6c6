import { useMutation, type GraphQLErrorItem, type GraphQLRequestError } from '@waymark/graphql-client';
import { Button, ErrorPanel, Field, isForbidden, Notice, Section, SelectField, SummaryList } from '@waymark/ui';
import { LOCAL_AUTHORITIES_BY_NAME, localAuthoritiesMatching, localAuthorityLabel } from '@waymark/domain';
import { useEffect, useState, type SubmitEvent } from 'react';
import { SET_PUPIL_HOME_LOCAL_AUTHORITY_MUTATION, type HomeLocalAuthority } from '../graphql/pupilRecord';
import { SectionProblem } from './SectionProblem';

export interface HomeAuthoritySectionProps {
  pupilId: string;
  /** The name the page calls the pupil by, e.g. "Maya". */
  pupilName: string;
  homeLocalAuthority: HomeLocalAuthority | null;
  errors: readonly GraphQLErrorItem[];
  /** Whether the caller may change it (staff of the pupil's current school). */
  editable: boolean;
  onSaved: () => void;
}

const NOT_RECORDED = '';

/** Why nothing was saved, in words: Waymark's own reason when it gave one, otherwise what to do. */
function failureText(error: GraphQLRequestError | null, refusal: string | undefined): string {
  if (refusal) return refusal;
  if (error && isForbidden(error.errors)) return 'You cannot change where this pupil lives. Nothing was saved.';
  return `Nothing was saved. ${error?.message ?? 'Please try again.'}`;
}

/**
 * The local authority the pupil lives in, which decides whose return they are in
 * (docs/domain-rules.md, "The local authority return"), and, for staff of the pupil's current
 * school, a search box and a list of England's 153 authorities to change or clear it.
 */
export function HomeAuthoritySection({ pupilId, pupilName, homeLocalAuthority, errors, editable, onSaved }: HomeAuthoritySectionProps) {
  const savedCode = homeLocalAuthority?.code ?? NOT_RECORDED;
  const [search, setSearch] = useState('');
  const [choice, setChoice] = useState(savedCode);
  const [outcome, setOutcome] = useState<{ kind: 'saved'; text: string } | { kind: 'failed'; text: string } | null>(null);
  const [save, mutation] = useMutation(SET_PUPIL_HOME_LOCAL_AUTHORITY_MUTATION);

  useEffect(() => setChoice(savedCode), [savedCode]);

  const matches = localAuthoritiesMatching(search);
  const chosen = LOCAL_AUTHORITIES_BY_NAME.find((authority) => authority.code === choice) ?? null;
  // The one chosen stays in the list while the search narrows it, so the list always shows the choice.
  const listed = chosen && !matches.includes(chosen) ? [chosen, ...matches] : matches;
  const options = [
    { value: NOT_RECORDED, label: 'Not recorded' },
    ...listed.map((authority) => ({ value: authority.code, label: localAuthorityLabel(authority) })),
  ];
  const searching = search.trim() !== '';

  const changeSearch = (value: string) => {
    setSearch(value);
    setOutcome(null);
    // A search that leaves one authority chooses it, so typing a code is enough.
    const found = localAuthoritiesMatching(value);
    if (value.trim() !== '' && found.length === 1) setChoice(found[0].code);
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    const { data, error } = await save({ input: { pupilId, code: choice === NOT_RECORDED ? null : choice } });
    const result = data?.setPupilHomeLocalAuthority;
    if (error || result?.error || !result?.pupil) {
      setOutcome({ kind: 'failed', text: failureText(error, result?.error?.message) });
      return;
    }
    const now = result.pupil.homeLocalAuthority;
    setSearch('');
    setOutcome({
      kind: 'saved',
      text: now
        ? `${pupilName} lives in ${localAuthorityLabel(now)}. They will be in the return for ${now.name}.`
        : `No home local authority is recorded for ${pupilName} now. They will be in the return for your school's own local authority.`,
    });
    onSaved();
  };

  return (
    <Section
      title="Home local authority"
      description="The local authority the pupil lives in. Each local authority's return holds only the pupils who live there; a pupil with none recorded is in the return for your school's own local authority."
    >
      <SectionProblem items={errors} what="home local authority" forbiddenText="Only staff of the pupil's current school can see where they live." />
      {errors.length === 0 ? (
        <SummaryList items={[{ term: 'Recorded now', value: homeLocalAuthority ? localAuthorityLabel(homeLocalAuthority) : 'Not recorded' }]} />
      ) : null}
      {editable && errors.length === 0 ? (
        <form className="wm-form" noValidate onSubmit={(event) => void submit(event)} aria-label={`Change where ${pupilName} lives`}>
          {outcome?.kind === 'failed' ? (
            <ErrorPanel title="The home local authority was not saved" headingLevel={3}>
              {outcome.text}
            </ErrorPanel>
          ) : null}
          {outcome?.kind === 'saved' ? (
            <Notice title="Home local authority saved" headingLevel={3}>
              {outcome.text}
            </Notice>
          ) : null}
          <Field
            label="Find a local authority"
            hint="Type part of its name or its three-digit code, for example Birmingham or 330."
            name="localAuthoritySearch"
            autoComplete="off"
            value={search}
            onChange={(event) => changeSearch(event.target.value)}
          />
          <p className="wm-muted" aria-live="polite">
            {searching
              ? matches.length === 0
                ? `No local authority matches "${search.trim()}". Check the spelling or the code.`
                : matches.length === 1
                  ? `1 local authority matches: ${localAuthorityLabel(matches[0])} is chosen.`
                  : `${matches.length} local authorities match.`
              : null}
          </p>
          <SelectField
            label="Home local authority"
            hint='Choose "Not recorded" to clear it.'
            name="homeLocalAuthority"
            options={options}
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value);
              setOutcome(null);
            }}
          />
          <Button type="submit" disabled={choice === savedCode || mutation.loading}>
            {mutation.loading ? 'Saving…' : 'Save home local authority'}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
