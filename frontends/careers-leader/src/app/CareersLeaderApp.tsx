import type { SessionAccount } from '@waymark/graphql-client';
import { BuildLabel, GlobalStyles } from '@waymark/ui';
import { LeaderWorkspace } from './LeaderWorkspace';
import { TrustWorkspace } from './TrustWorkspace';

export interface CareersLeaderAppProps {
  /** The signed-in person, as the shell knows them. */
  account: SessionAccount;
}

const buildLabel = import.meta.env.VITE_BUILD_LABEL ?? 'dev';

/** Careers leaders and school staff run their programme here; trust analysts get the trust-wide view instead. */
export function CareersLeaderApp({ account }: CareersLeaderAppProps) {
  const isTrustAnalyst = account.roles.includes('trust_analyst');
  return (
    <div className="wm-remote" data-remote="careers-leader">
      {/* The @waymark/ui styles this portal was built with (one copy per version, shared with the shell when equal). */}
      <GlobalStyles />
      {isTrustAnalyst ? <TrustWorkspace /> : <LeaderWorkspace account={account} />}
      <BuildLabel label={buildLabel} />
    </div>
  );
}
