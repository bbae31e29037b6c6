import { formatDay } from '@waymark/domain';
import { request } from '@waymark/graphql-client';
import { Button, ErrorPanel, formatNumber, Notice, Section, SelectField } from '@waymark/ui';
import { useState } from 'react';
import { setPendingInvite } from '../../../shared/pendingInvite';
import { routeHref } from '../../../shared/route';
import { INVITE_TO_ENCOUNTER_MUTATION } from '../../encounter/graphql/encounter';
import { useEncounters } from '../../encounters/hooks/useEncounters';
import type { GapRow } from '../graphql/dashboard';

export interface InviteGapSectionProps {
  /** Every pupil on the list (all pages), fetched when the leader acts. */
  fetchAll: (onProgress: (loaded: number, total: number) => void) => Promise<GapRow[]>;
  total: number;
  /** The list's name, e.g. "Pupils missing out: B5 this year". */
  listName: string;
}

type State =
  | { status: 'idle' }
  | { status: 'busy'; text: string }
  | { status: 'invited'; count: number; encounterId: string; title: string }
  | { status: 'error'; message: string };

const ENCOUNTER_ID = 'gap-invite-encounter';

/** From a gap list to action: invite everyone on it to an encounter already recorded, or record a new one for them. */
export function InviteGapSection({ fetchAll, total, listName }: InviteGapSectionProps) {
  const encounters = useEncounters();
  const [encounterId, setEncounterId] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  const [missingChoice, setMissingChoice] = useState(false);
  const everyone = total === 1 ? 'the 1 pupil' : `all ${formatNumber(total)} pupils`;

  const pupilIds = async (): Promise<string[]> => {
    const rows = await fetchAll((loaded, of) => setState({ status: 'busy', text: `Fetched ${formatNumber(loaded)} of ${formatNumber(of)} pupils…` }));
    return rows.flatMap((row) => (row.pupil ? [row.pupil.id] : []));
  };

  const inviteToExisting = async () => {
    const chosen = encounters.encounters.find((encounter) => encounter.id === encounterId);
    setMissingChoice(!chosen);
    if (!chosen) return;
    try {
      const ids = await pupilIds();
      setState({ status: 'busy', text: 'Inviting them…' });
      const { inviteToEncounter: result } = await request(INVITE_TO_ENCOUNTER_MUTATION, { input: { encounterId: chosen.id, pupilIds: ids } });
      if (result.error) setState({ status: 'error', message: result.error.message });
      else setState({ status: 'invited', count: result.added, encounterId: chosen.id, title: chosen.title });
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const recordNew = async () => {
    try {
      setPendingInvite({ pupilIds: await pupilIds(), from: listName });
      window.location.hash = routeHref({ view: 'record' }).replace(/^#/, '');
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const busy = state.status === 'busy';
  return (
    <Section title="Invite these pupils" description={`Ask ${everyone} on this list to an encounter. They join its register as not yet attended.`}>
      <div className="wm-toolbar">
        <SelectField
          id={ENCOUNTER_ID}
          label="An encounter already recorded"
          placeholder="Choose an encounter"
          options={encounters.encounters.map((encounter) => ({ value: encounter.id, label: `${encounter.title} (${formatDay(encounter.date)})` }))}
          value={encounterId}
          error={missingChoice ? 'Choose the encounter to invite them to' : undefined}
          onChange={(event) => setEncounterId(event.target.value)}
          disabled={busy}
        />
      </div>
      <div className="wm-button-row">
        <Button onClick={() => void inviteToExisting()} disabled={busy || total === 0}>
          Invite {everyone}
        </Button>
        <Button variant="secondary" onClick={() => void recordNew()} disabled={busy || total === 0}>
          Record a new encounter for them
        </Button>
      </div>
      <p role="status" aria-live="polite" className="wm-muted">
        {state.status === 'busy' ? state.text : ''}
      </p>
      {state.status === 'invited' ? (
        <Notice title="Pupils invited" headingLevel={3}>
          {formatNumber(state.count)} {state.count === 1 ? 'pupil was' : 'pupils were'} added to the register of{' '}
          <a href={routeHref({ view: 'encounter', encounterId: state.encounterId })}>{state.title}</a> (pupils already on it are not counted).
        </Notice>
      ) : null}
      {state.status === 'error' ? (
        <ErrorPanel title="The pupils were not invited" headingLevel={3}>
          {state.message}
        </ErrorPanel>
      ) : null}
    </Section>
  );
}
