import { ErrorPanel } from '@waymark/ui';
import type { Ref } from 'react';
import type { FormProblem } from '../lib/encounterDraft';
import { FIELD_IDS } from './fieldIds';

export interface ErrorSummaryProps {
  message: string | null;
  problems: FormProblem[];
  ref?: Ref<HTMLDivElement>;
}

/** Lists what stops the encounter being recorded, each linked to its field; receives focus after a failed submit. */
export function ErrorSummary({ message, problems, ref }: ErrorSummaryProps) {
  if (!message && problems.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1}>
      <ErrorPanel title={message ?? 'There is a problem'}>
        {problems.length ? (
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.field ?? 'form'}-${index}`}>
                {problem.field ? (
                  <a
                    href={`#${FIELD_IDS[problem.field]}`}
                    onClick={(event) => {
                      const target = document.getElementById(FIELD_IDS[problem.field!]);
                      if (!target) return;
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {problem.message}
                  </a>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </ErrorPanel>
    </div>
  );
}
