import { useQuery, YourAccountDocument } from '@waymark/graphql-client';
import { ErrorPanel, Loading, PageHeader, SummaryList } from '@waymark/ui';
import { ChangePasswordSection } from './ChangePasswordSection';
import { DevicesSection } from './DevicesSection';
import { RequirementSection } from './RequirementSection';
import { SecondFactorSection } from './SecondFactorSection';

/** "Your account", for everyone signed in: password, authenticator app (staff and analysts), devices, and the school's or trust's rule. */
const SECOND_FACTOR_ROLES = ['careers_leader', 'data_protection_lead', 'staff', 'careers_adviser', 'trust_analyst', 'platform_admin'];
const REQUIREMENT_ROLES = ['careers_leader', 'trust_analyst'];

export function AccountPage({ roles }: { roles: readonly string[] }) {
  const { data, error, loading, refetch } = useQuery(YourAccountDocument, {
    usesSecondFactor: roles.some((role) => SECOND_FACTOR_ROLES.includes(role)),
    setsRequirement: roles.some((role) => REQUIREMENT_ROLES.includes(role)),
  });
  const refresh = () => void refetch();

  if (loading && !data) return <Loading label="Loading your account…" />;
  if (error && !data?.me) {
    return (
      <ErrorPanel title="Your account could not be loaded" headingLevel={1} onRetry={refresh}>
        {error.message}
      </ErrorPanel>
    );
  }
  const me = data?.me;
  return (
    <>
      <PageHeader title="Your account" description="How you sign in to Waymark, and where you are signed in." />
      {me ? (
        <SummaryList
          items={[
            { term: 'Name', value: me.displayName },
            { term: 'Email address', value: me.email },
          ]}
        />
      ) : null}
      <ChangePasswordSection onChanged={refresh} />
      {data?.secondFactor ? <SecondFactorSection status={data.secondFactor} onChanged={refresh} /> : null}
      {data?.secondFactorRequired != null ? (
        <RequirementSection required={data.secondFactorRequired} isAnalyst={me?.roles.includes('trust_analyst') ?? false} onChanged={refresh} />
      ) : null}
      <DevicesSection devices={data?.signedInDevices ?? []} onChanged={refresh} />
    </>
  );
}
