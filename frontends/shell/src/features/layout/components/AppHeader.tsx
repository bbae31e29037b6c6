import type { MouseEvent } from 'react';
import type { Area } from '../../areas/areas';

export interface AppHeaderProps {
  personName?: string;
  /** The person's areas, then any page of the shell's own such as "Your account". */
  areas?: Pick<Area, 'path' | 'label'>[];
  currentPath?: string;
  onNavigate?: (path: string) => void;
  onSignOut?: () => void;
}

/** The banner: app name, who is signed in, sign out, and one link per area the person may open. */
export function AppHeader({ personName, areas = [], currentPath, onNavigate, onSignOut }: AppHeaderProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    if (!onNavigate || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    onNavigate(path);
  };

  return (
    <header className="wm-app-header">
      <div className="wm-container wm-app-header__bar">
        <a className="wm-app-header__brand" href="/" onClick={(event) => follow(event, '/')}>
          Waymark
        </a>
        {personName ? (
          <p className="wm-app-header__person">
            Signed in as <strong>{personName}</strong>
          </p>
        ) : null}
        {onSignOut ? (
          <button type="button" className="wm-button wm-button--on-dark" onClick={onSignOut}>
            Sign out
          </button>
        ) : null}
      </div>
      {areas.length ? (
        <nav className="wm-app-nav" aria-label="Main">
          <div className="wm-container">
            <ul>
              {areas.map((area) => (
                <li key={area.path}>
                  <a href={area.path} aria-current={currentPath === area.path ? 'page' : undefined} onClick={(event) => follow(event, area.path)}>
                    {area.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}
