import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import { ErrorPanel } from './feedback.js';

export interface ErrorSummaryItem {
  message: string;
  /** The id of the control the problem is about; the message then links to it. */
  targetId?: string;
}

export interface ErrorSummaryProps {
  title?: string;
  items: readonly ErrorSummaryItem[];
  /**
   * Count of failed submits. Each time it goes up (and there is a problem to show) the summary takes
   * focus as it renders, so screen readers read it out and keyboard users start from it.
   */
  attempt?: number;
  ref?: Ref<HTMLDivElement>;
}

/** "There is a problem" with every problem listed, each linked to its control. Renders nothing when there are none. */
export function ErrorSummary({ title = 'There is a problem', items, attempt = 0, ref }: ErrorSummaryProps) {
  const own = useRef<HTMLDivElement>(null);
  // Handed out on every commit, since the element comes and goes with the problems.
  useImperativeHandle(ref, () => own.current as HTMLDivElement);
  const shown = items.length > 0;

  // A layout effect runs before the browser paints, so focus moves in the same frame the summary appears.
  useLayoutEffect(() => {
    if (attempt > 0 && shown) own.current?.focus();
    // Only a new attempt moves focus; a summary that changes while the user fixes fields must not steal it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  if (!shown) return null;
  return (
    <div ref={own} tabIndex={-1} className="wm-error-summary">
      <ErrorPanel title={title}>
        <ul>
          {items.map((item, index) => (
            <li key={`${item.targetId ?? 'form'}-${index}`}>
              {item.targetId ? (
                <a
                  href={`#${item.targetId}`}
                  onClick={(event) => {
                    const target = document.getElementById(item.targetId!);
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: 'center' });
                  }}
                >
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </ErrorPanel>
    </div>
  );
}
