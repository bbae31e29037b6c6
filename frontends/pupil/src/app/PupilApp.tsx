import type { SessionAccount } from '@waymark/graphql-client';
import { BuildLabel } from '@waymark/ui';
import { MyRecordPage } from '../features/my-record/components/MyRecordPage';

export interface PupilAppProps {
  /** The signed-in person, as the shell knows them. */
  account: SessionAccount;
}

const buildLabel = import.meta.env.VITE_BUILD_LABEL ?? 'dev';

/** The pupil's (or parent's) view of their own careers record. */
export function PupilApp({ account }: PupilAppProps) {
  return (
    <div className="wm-remote" data-remote="pupil">
      <MyRecordPage account={account} />
      <BuildLabel label={buildLabel} />
    </div>
  );
}
