import type { SessionAccount } from '@waymark/graphql-client';
import { Loading } from '@waymark/ui';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { RemoteName } from '../../areas/areas';
import { loadRemoteApp } from '../remoteRegistry';
import { RemoteErrorBoundary } from './RemoteErrorBoundary';

export interface RemoteAreaProps {
  remote: RemoteName;
  account: SessionAccount;
}

/** Loads a remote's App at run time and shows it, or an error panel if it cannot be loaded. */
export function RemoteArea({ remote, account }: RemoteAreaProps) {
  const [attempt, setAttempt] = useState(0);
  const RemoteApp = useMemo(() => lazy(() => loadRemoteApp(remote, attempt > 0)), [remote, attempt]);

  return (
    <RemoteErrorBoundary resetKey={`${remote}:${attempt}`} onRetry={() => setAttempt((count) => count + 1)}>
      <Suspense fallback={<Loading label="Loading this part of Waymark…" />}>
        <RemoteApp account={account} />
      </Suspense>
    </RemoteErrorBoundary>
  );
}
