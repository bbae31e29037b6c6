export interface LocalNavItem<Id extends string> {
  id: Id;
  label: string;
}

export interface LocalNavProps<Id extends string> {
  /** Names the navigation landmark, e.g. "Careers leader pages". */
  label: string;
  items: readonly LocalNavItem<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
}

/** Navigation between the views of one remote; the current view is marked with `aria-current`. */
export function LocalNav<Id extends string>({ label, items, current, onSelect }: LocalNavProps<Id>) {
  return (
    <nav className="wm-local-nav" aria-label={label}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" aria-current={item.id === current ? 'page' : undefined} onClick={() => onSelect(item.id)}>
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
