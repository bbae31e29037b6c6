import type { SessionAccount } from '@waymark/graphql-client';
import { BuildLabel, GlobalStyles, LocalNav } from '@waymark/ui';
import { useEffect, useRef, useState } from 'react';
import { VolunteerProfilePage } from '../features/volunteer-profile/components/VolunteerProfilePage';
import { PlacementsPage } from '../features/placements/components/PlacementsPage';
import { MyOffersPage } from '../features/volunteering/components/MyOffersPage';
import { ProfilePage } from '../features/volunteering/components/ProfileForm';
import { RequestsPage } from '../features/volunteering/components/RequestsPage';
import { SurveysPage } from '../features/surveys/components/SurveysPage';

export interface EmployerAppProps {
  /** The signed-in person, as the shell knows them. */
  account: SessionAccount;
}

type View = 'volunteering' | 'profile' | 'requests' | 'offers' | 'placements' | 'surveys';

const NAV: { id: View; label: string }[] = [
  { id: 'volunteering', label: 'My volunteering' },
  { id: 'profile', label: 'What I can offer' },
  { id: 'requests', label: 'Requests from schools' },
  { id: 'offers', label: 'My offers' },
  { id: 'placements', label: 'Placements' },
  { id: 'surveys', label: "Schools' surveys" },
];

const buildLabel = import.meta.env.VITE_BUILD_LABEL ?? 'dev';

/** The view for employer volunteers and alumni: their encounters, what they offer, schools' requests and their offers. */
export function EmployerApp({ account }: EmployerAppProps) {
  const [view, setView] = useState<View>('volunteering');
  const page = useRef<HTMLDivElement>(null);
  const firstView = useRef(true);

  // A new view starts at its heading, for keyboard and screen-reader users (not on the first load, where the shell has placed focus).
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    let frame = 0;
    let tries = 0;
    const focusHeading = () => {
      const heading = page.current?.querySelector<HTMLElement>('h1');
      if (heading) heading.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(focusHeading);
    };
    focusHeading();
    return () => cancelAnimationFrame(frame);
  }, [view]);

  return (
    <div className="wm-remote" data-remote="employer">
      {/* The @waymark/ui styles this portal was built with (one copy per version, shared with the shell when equal). */}
      <GlobalStyles />
      <LocalNav label="Volunteering" items={NAV} current={view} onSelect={setView} />
      <div ref={page} key={view}>
        {view === 'volunteering' ? <VolunteerProfilePage account={account} /> : null}
        {view === 'profile' ? <ProfilePage onSaved={() => undefined} /> : null}
        {view === 'requests' ? <RequestsPage onEditProfile={() => setView('profile')} /> : null}
        {view === 'offers' ? <MyOffersPage /> : null}
        {view === 'placements' ? <PlacementsPage /> : null}
        {view === 'surveys' ? <SurveysPage /> : null}
      </div>
      <BuildLabel label={buildLabel} />
    </div>
  );
}
