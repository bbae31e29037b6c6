import type { SessionAccount } from '@waymark/graphql-client';
import { BuildLabel, GlobalStyles, LocalNav, type LocalNavItem } from '@waymark/ui';
import { useEffect, useRef } from 'react';
import { ChildRecordPage } from '../features/child-record/components/ChildRecordPage';
import { MyFuturePage } from '../features/my-future/components/MyFuturePage';
import { MyJourneyPage } from '../features/my-journey/components/MyJourneyPage';
import { MyProgressPage } from '../features/my-progress/components/MyProgressPage';
import { MyRecordPage } from '../features/my-record/components/MyRecordPage';
import { PlacementsPage } from '../features/placements/components/PlacementsPage';
import { RoleModelsPage } from '../features/role-models/components/RoleModelsPage';
import { sectionTarget, useView, type PupilView } from '../shared/route';

export interface PupilAppProps {
  /** The signed-in person, as the shell knows them. */
  account: SessionAccount;
}

const buildLabel = import.meta.env.VITE_BUILD_LABEL ?? 'dev';

/** The pupil's own record and progress, and a parent's view of their child's record. */
export function PupilApp({ account }: PupilAppProps) {
  const isPupil = account.roles.includes('pupil');
  const isParent = account.roles.includes('parent');
  const [requested, navigate] = useView(isPupil ? 'record' : 'child');
  const items: LocalNavItem<PupilView>[] = [
    ...(isPupil
      ? [
          { id: 'record' as const, label: 'My record' },
          { id: 'progress' as const, label: 'My progress' },
          { id: 'journey' as const, label: 'My journey' },
          { id: 'future' as const, label: 'My future' },
          { id: 'placements' as const, label: 'Work experience' },
          { id: 'role-models' as const, label: 'Role models' },
        ]
      : []),
    ...(isParent && isPupil ? [{ id: 'child' as const, label: "My child's record" }] : []),
  ];
  const view: PupilView = !isPupil ? 'child' : requested === 'child' && !isParent ? 'record' : requested;

  // After moving to another page, put focus on its heading so screen readers start there.
  const pageRef = useRef<HTMLDivElement>(null);
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    // A link may ask for a part of the page (My journey's "Write a reflection…"): focus goes to the page's
    // heading at once, then on to that part's heading when the page's data brings it (within ten seconds
    // or so, and only if the reader has not moved on from the page's heading meanwhile).
    const target = sectionTarget(window.location.hash);
    let heading: HTMLElement | null = null;
    const focusHeading = () => {
      const part = target ? document.getElementById(target) : null;
      if (part && pageRef.current?.contains(part)) {
        if (!heading || document.activeElement === heading || document.activeElement === document.body) {
          part.focus();
          part.scrollIntoView({ block: 'start' });
        }
        return;
      }
      if (!heading) {
        heading = pageRef.current?.querySelector<HTMLElement>('h1') ?? null;
        heading?.focus();
      }
      if ((target || !heading) && tries++ < (target ? 600 : 30)) frame = requestAnimationFrame(focusHeading);
    };
    focusHeading();
    return () => cancelAnimationFrame(frame);
  }, [view]);

  return (
    <div className="wm-remote" data-remote="pupil">
      {/* The @waymark/ui styles this portal was built with (one copy per version, shared with the shell when equal). */}
      <GlobalStyles />
      {items.length > 1 ? <LocalNav<PupilView> label="Your careers record" items={items} current={view} onSelect={navigate} /> : null}
      <div ref={pageRef} key={view}>
        {view === 'record' ? <MyRecordPage account={account} /> : null}
        {view === 'progress' ? <MyProgressPage account={account} /> : null}
        {view === 'journey' ? <MyJourneyPage account={account} /> : null}
        {view === 'future' ? <MyFuturePage account={account} /> : null}
        {view === 'placements' ? <PlacementsPage account={account} /> : null}
        {view === 'role-models' ? <RoleModelsPage /> : null}
        {view === 'child' ? <ChildRecordPage /> : null}
      </div>
      <BuildLabel label={buildLabel} />
    </div>
  );
}
