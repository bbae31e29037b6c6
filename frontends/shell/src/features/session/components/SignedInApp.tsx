import type { SessionAccount } from '@waymark/graphql-client';
import { PageHeader, Section } from '@waymark/ui';
import { useEffect, useMemo } from 'react';
import { AccountPage } from '../../account/components/AccountPage';
import { ApiKeysPage } from '../../developers/components/ApiKeysPage';
import { areaForPath, areasForRoles } from '../../areas/areas';
import { AppFrame } from '../../layout/components/AppFrame';
import { AppHeader } from '../../layout/components/AppHeader';
import { usePath } from '../../navigation/hooks/usePath';
import { RemoteArea } from '../../remotes/components/RemoteArea';

export interface SignedInAppProps {
  account: SessionAccount;
  onSignOut: () => void;
}

/** The shell's own page for everyone signed in, after the areas in the navigation. */
export const ACCOUNT_PATH = '/account';
const ACCOUNT_LINK = { path: ACCOUNT_PATH, label: 'Your account' };
/** Trust analysts' API keys and their usage (docs/trust-api.md). */
export const API_KEYS_PATH = '/api-keys';
const API_KEYS_LINK = { path: API_KEYS_PATH, label: 'API keys' };

export function SignedInApp({ account, onSignOut }: SignedInAppProps) {
  const [path, navigate] = usePath();
  const areas = useMemo(() => areasForRoles(account.roles), [account.roles]);
  const managesApiKeys = account.roles.includes('trust_analyst');
  const onApiKeysPage = managesApiKeys && path === API_KEYS_PATH;
  const onAccountPage = path === ACCOUNT_PATH;
  const shellPage = onAccountPage ? ACCOUNT_PATH : onApiKeysPage ? API_KEYS_PATH : undefined;
  const area = shellPage ? undefined : areaForPath(areas, path);

  useEffect(() => {
    if (area && !(path === area.path || path.startsWith(`${area.path}/`))) navigate(area.path, { replace: true });
  }, [area, path, navigate]);

  const header = (
    <AppHeader
      personName={account.displayName}
      areas={[...areas, ...(managesApiKeys ? [API_KEYS_LINK] : []), ACCOUNT_LINK]}
      currentPath={shellPage ?? area?.path}
      onNavigate={navigate}
      onSignOut={onSignOut}
    />
  );

  if (onAccountPage) {
    return (
      <AppFrame title="Your account" header={header} pageKey={ACCOUNT_PATH}>
        <AccountPage roles={account.roles} />
      </AppFrame>
    );
  }

  if (onApiKeysPage) {
    return (
      <AppFrame title="API keys" header={header} pageKey={API_KEYS_PATH}>
        <ApiKeysPage />
      </AppFrame>
    );
  }

  if (!area) {
    return (
      <AppFrame title="No access yet" header={header}>
        <PageHeader title="Nothing to show yet" />
        <Section title="Your account has no Waymark area">
          <p>
            Your account ({account.roles.join(', ') || 'no roles'}) does not give access to any part of Waymark yet. Ask your school's careers leader or your
            trust to set up your access.
          </p>
        </Section>
      </AppFrame>
    );
  }

  return (
    <AppFrame title={area.label} header={header} pageKey={area.path}>
      <RemoteArea key={area.remote} remote={area.remote} account={account} />
    </AppFrame>
  );
}
