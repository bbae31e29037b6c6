import type { Ref } from 'react';
import { ErrorPanel } from './feedback.js';

export interface ErrorSummaryItem {
  message: string;
  /** The id of the control the problem is about; the message then links to it. */
  targetId?: string;
}

export interface ErrorSummaryProps {
  title?: string;
  items: readonly ErrorSummaryItem[];
  /** Focus it after a failed submit so screen readers read it out. */
  ref?: Ref<HTMLDivElement>;
}

/** "There is a problem" with every problem listed, each linked to its control. Renders nothing when there are none. */
export function ErrorSummary({ title = 'There is a problem', items, ref }: ErrorSummaryProps) {
  if (items.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="wm-error-summary">
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
