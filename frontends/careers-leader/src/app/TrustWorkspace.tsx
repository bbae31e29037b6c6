import { LocalNav } from '@waymark/ui';
import { GapListPage } from '../features/benchmarks/components/GapListPage';
import { SchoolDashboardView } from '../features/benchmarks/components/SchoolDashboardView';
import { TrustDashboardPage } from '../features/benchmarks/components/TrustDashboardPage';
import { PupilLevelAccessPage } from '../features/pupil-level-access/components/PupilLevelAccessPage';
import { TrustOverviewPage } from '../features/trust/components/TrustOverviewPage';
import { TrustSelfEvaluationPage } from '../features/trust/components/TrustSelfEvaluationPage';
import { WebhooksPage } from '../features/webhooks/components/WebhooksPage';
import { NO_FILTERS, routeHref, useRoute, type Route } from '../shared/route';
import { FocusOnPageChange } from './FocusOnPageChange';

type TrustNav = 'dashboard' | 'self-evaluation' | 'destinations' | 'pupil-level-access' | 'webhooks';

const ITEMS = [
  { id: 'dashboard' as const, label: 'Benchmarks' },
  { id: 'self-evaluation' as const, label: 'Self-evaluation' },
  { id: 'destinations' as const, label: 'Schools and destinations' },
  { id: 'pupil-level-access' as const, label: 'Pupil-level access' },
  { id: 'webhooks' as const, label: 'Webhooks' },
];

/**
 * For trust analysts: the trust's benchmarks (landing), each school's own, gap lists, every school's self-evaluation
 * scores side by side, destinations, who has pupil-level access, and the trust's webhooks.
 */
export function TrustWorkspace() {
  const [route, navigate] = useRoute();
  const allowed =
    route.view === 'dashboard' ||
    route.view === 'school' ||
    route.view === 'gaps' ||
    route.view === 'self-evaluation' ||
    route.view === 'destinations' ||
    route.view === 'pupil-level-access' ||
    route.view === 'webhooks';
  const page: Route = allowed ? route : { view: 'dashboard', filters: NO_FILTERS };
  const current: TrustNav =
    page.view === 'self-evaluation' || page.view === 'destinations' || page.view === 'pupil-level-access' || page.view === 'webhooks' ? page.view : 'dashboard';

  return (
    <>
      <LocalNav
        label="Trust"
        items={ITEMS}
        current={current}
        onSelect={(next) => navigate(next === 'dashboard' ? { view: 'dashboard', filters: NO_FILTERS } : { view: next })}
      />
      <FocusOnPageChange route={page}>
        {page.view === 'dashboard' ? (
          <TrustDashboardPage filters={page.filters} onFiltersChange={(filters) => navigate({ view: 'dashboard', filters })} />
        ) : null}
        {page.view === 'school' ? (
          <SchoolDashboardView
            schoolId={page.schoolId}
            filters={page.filters}
            onFiltersChange={(filters) => navigate({ view: 'school', schoolId: page.schoolId, filters })}
            before={
              <a className="wm-back-link" href={routeHref({ view: 'dashboard', filters: page.filters })}>
                Back to the trust's benchmarks
              </a>
            }
          />
        ) : null}
        {page.view === 'gaps' ? <GapListPage query={page.query} linkPupils={false} /> : null}
        {page.view === 'self-evaluation' ? <TrustSelfEvaluationPage /> : null}
        {page.view === 'destinations' ? <TrustOverviewPage /> : null}
        {page.view === 'pupil-level-access' ? <PupilLevelAccessPage /> : null}
        {page.view === 'webhooks' ? <WebhooksPage /> : null}
      </FocusOnPageChange>
    </>
  );
}
