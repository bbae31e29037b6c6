import type { SessionAccount } from '@waymark/graphql-client';
import { BuildLabel, GlobalStyles } from '@waymark/ui';
import { VolunteerProfilePage } from '../features/volunteer-profile/components/VolunteerProfilePage';

export interface EmployerAppProps {
  /** The signed-in person, as the shell knows them. */
  account: SessionAccount;
}

const buildLabel = import.meta.env.VITE_BUILD_LABEL ?? 'dev';

/** The view for employer volunteers and alumni: their profile and the encounters they helped with. */
export function EmployerApp({ account }: EmployerAppProps) {
  return (
    <div className="wm-remote" data-remote="employer">
      {/* The @waymark/ui styles this portal was built with (one copy per version, shared with the shell when equal). */}
      <GlobalStyles />
      <VolunteerProfilePage account={account} />
      <BuildLabel label={buildLabel} />
    </div>
  );
}
