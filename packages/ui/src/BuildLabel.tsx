/**
 * Which build of a remote is running, for support and for the redeploy tests: in the page but hidden
 * (people using Waymark never see it, and screen readers skip it).
 */
export function BuildLabel({ label }: { label: string }) {
  return (
    <span hidden className="wm-build-label" data-testid="build-label">
      {`build ${label}`}
    </span>
  );
}
