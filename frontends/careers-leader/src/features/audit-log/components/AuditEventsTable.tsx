import { formatDateTime } from '@waymark/domain';
import { Button, DataTable, type Column } from '@waymark/ui';
import { routeHref } from '../../../shared/route';
import type { AuditEventRow } from '../graphql/auditLog';
import { actionLabel, fieldsLabel, rolesLabel } from '../lib/auditFilters';

export interface AuditEventsTableProps {
  events: readonly AuditEventRow[];
  onPupil: (pupilId: string, name: string | null) => void;
  onActor: (accountId: string, name: string) => void;
  /** Whether the reader can open pupils' records (a data protection lead cannot): names are links only then. */
  linkPupils?: boolean;
}

/** One row per event: when, who (and how they signed in), what they did, to whose record. */
export function AuditEventsTable({ events, onPupil, onActor, linkPupils = true }: AuditEventsTableProps) {
  const columns: Column<AuditEventRow>[] = [
    {
      key: 'when',
      header: 'When',
      rowHeader: true,
      render: (event) => <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>,
    },
    {
      key: 'who',
      header: 'Who',
      render: (event) => (
        <>
          <strong>{event.actorName}</strong>
          <br />
          <span className="wm-muted">
            {rolesLabel(event.actorRoles)} · {event.credentialKind === 'API_KEY' ? `API key ${event.apiKeyId ?? ''}` : 'signed in'}
          </span>
          <br />
          {/* The name goes in the label, not a visually hidden span: one positioned inside the scrolling table escapes it and widens the page. */}
          <Button
            variant="secondary"
            className="wm-button--small"
            onClick={() => onActor(event.actorAccountId, event.actorName)}
            aria-label={`Only this person: ${event.actorName}`}
          >
            Only this person
          </Button>
        </>
      ),
    },
    {
      key: 'what',
      header: 'What',
      render: (event) => (
        <>
          {actionLabel(event.action)}: {fieldsLabel(event.fields)}
          {event.detail ? (
            <>
              <br />
              <span className="wm-muted">{event.detail}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'pupil',
      header: 'Pupil',
      render: (event) =>
        event.pupilId ? (
          <>
            {linkPupils ? (
              <a href={routeHref({ view: 'pupil', pupilId: event.pupilId, from: { view: 'audit', pupilId: null } })}>{event.pupilName ?? 'Pupil record'}</a>
            ) : (
              <span>{event.pupilName ?? 'Pupil'}</span>
            )}
            <br />
            <Button
              variant="secondary"
              className="wm-button--small"
              onClick={() => onPupil(event.pupilId!, event.pupilName)}
              aria-label={`Only this pupil: ${event.pupilName ?? 'pupil record'}`}
            >
              Only this pupil
            </Button>
          </>
        ) : (
          <span className="wm-muted">Whole school</span>
        ),
    },
    {
      key: 'request',
      header: 'Request',
      render: (event) => <code className="wm-muted">{event.requestId.slice(0, 8)}</code>,
    },
  ];
  return (
    <DataTable
      caption="Data access events, newest first"
      captionHidden
      columns={columns}
      rows={events}
      rowKey={(event) => event.id}
      emptyText="No events match these filters."
    />
  );
}
