import { useEffect, useId, useRef, useState, type Key, type ReactNode } from 'react';

export interface Column<Row> {
  /** Stable id of the column, used as React key. */
  key: string;
  header: ReactNode;
  /** Cell content; defaults to nothing, so every column says what it shows. */
  render: (row: Row) => ReactNode;
  /** Right-aligns numbers so they line up. */
  numeric?: boolean;
  /** Marks the column whose cells name the row (`<th scope="row">`). */
  rowHeader?: boolean;
}

function useScrollsSideways<Element extends HTMLElement>() {
  const ref = useRef<Element>(null);
  const [value, setValue] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setValue(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return { ref, value };
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Hides the caption visually but keeps it for screen readers, e.g. when a heading already says it. */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Shown in a single cell when there are no rows. */
  emptyText?: ReactNode;
  /** Extra classes for the `<table>`, e.g. `wm-table--matrix` for a grid of figures. */
  className?: string;
}

/** A real `<table>` with a caption and scoped header cells; scrolls sideways on narrow screens. */
export function DataTable<Row>({ caption, captionHidden, columns, rows, rowKey, emptyText = 'Nothing to show yet.', className }: DataTableProps<Row>) {
  const captionId = useId();
  const scrollable = useScrollsSideways<HTMLDivElement>();
  return (
    // When the table is wider than the page, the wrapper scrolls: it then becomes a named, focusable
    // region so keyboard users can scroll it too.
    <div
      ref={scrollable.ref}
      className="wm-table-wrap"
      role={scrollable.value ? 'region' : undefined}
      aria-labelledby={scrollable.value ? captionId : undefined}
      tabIndex={scrollable.value ? 0 : undefined}
    >
      <table className={className ? `wm-table ${className}` : 'wm-table'}>
        <caption id={captionId} className={captionHidden ? 'wm-visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'wm-num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="wm-table__empty">
                {emptyText}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = column.numeric ? 'wm-num' : undefined;
                  return column.rowHeader ? (
                    <th key={column.key} scope="row" className={className}>
                      {column.render(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className}>
                      {column.render(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
