/** The small footer line that says which build of a remote is running. */
export function BuildLabel({ label }: { label: string }) {
  return (
    <footer className="wm-build-label" data-testid="build-label">
      {`build ${label}`}
    </footer>
  );
}
