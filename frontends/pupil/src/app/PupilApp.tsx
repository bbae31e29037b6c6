import type { SessionAccount } from '@waymark/graphql-client';
import { BuildLabel, LocalNav } from '@waymark/ui';
import { useState } from 'react';
import { ChildRecordPage } from '../features/child-record/components/ChildRecordPage';
import { MyRecordPage } from '../features/my-record/components/MyRecordPage';

export interface PupilAppProps {
  /** The signed-in person, as the shell knows them. */
  account: SessionAccount;
}

const buildLabel = import.meta.env.VITE_BUILD_LABEL ?? 'dev';

type View = 'mine' | 'child';

/** The pupil's view of their own careers record, and a parent's view of their child's. */
export function PupilApp({ account }: PupilAppProps) {
  const isPupil = account.roles.includes('pupil');
  const isParent = account.roles.includes('parent');
  const [view, setView] = useState<View>(isPupil ? 'mine' : 'child');
  return (
    <div className="wm-remote" data-remote="pupil">
      {isPupil && isParent ? (
        <LocalNav<View>
          label="Records"
          items={[
            { id: 'mine', label: 'My record' },
            { id: 'child', label: "My child's record" },
          ]}
          current={view}
          onSelect={setView}
        />
      ) : null}
      {view === 'mine' ? <MyRecordPage account={account} /> : <ChildRecordPage />}
      <BuildLabel label={buildLabel} />
    </div>
  );
}
