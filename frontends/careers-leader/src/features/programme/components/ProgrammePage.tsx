import { academicYearLabel, academicYearOf } from '@waymark/domain';
import { Button, ErrorPanel, formatDate, Loading, PageHeader, Section, SelectField } from '@waymark/ui';
import { useRef, useState } from 'react';
import type { PlanHalfTerm, PlanItem, PlanItemInput } from '../graphql/programme';
import { useProgrammePlan } from '../hooks/useProgrammePlan';
import { planSummary } from '../lib/programme';
import { PlanItemCard, type PlanItemActions } from './PlanItemCard';
import { PlanItemForm } from './PlanItemForm';

/**
 * "Programme": the school's careers programme for an academic year (Benchmark 1), by half term. Each
 * planned activity says whether it was delivered (an encounter that happened is linked), is still
 * planned, or slipped; careers leaders and staff add activities, link encounters and copy last year's
 * plan forward.
 */
export function ProgrammePage() {
  const current = academicYearOf(new Date());
  const [year, setYear] = useState(current);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const p = useProgrammePlan(year);
  const plan = p.plan;

  const closeForm = () => {
    setAdding(false);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const save = async (input: PlanItemInput) => {
    const problem = await p.create(input);
    if (!problem) {
      setMessage(`"${input.title}" was added to the plan.`);
      closeForm();
    }
    return problem;
  };
  const copy = async () => {
    setMessage(null);
    const answer = await p.copyForward();
    if (!answer) return;
    if ('copied' in answer) {
      const last = academicYearLabel(year - 1);
      setMessage(
        answer.copied === 0 && answer.alreadyCopied === 0
          ? `There was no plan for ${last} to copy.`
          : `${answer.copied} planned ${answer.copied === 1 ? 'activity was' : 'activities were'} copied from ${last}` +
              (answer.alreadyCopied > 0 ? `; ${answer.alreadyCopied} had been copied before and were left as they are.` : '.'),
      );
    } else setMessage(answer.message);
  };
  const actions: PlanItemActions = {
    canEdit: plan?.canEdit ?? false,
    halfTerms: plan?.halfTerms ?? [],
    onUpdate: async (itemId, input) => {
      setMessage(null);
      const problem = await p.update(itemId, input);
      if (!problem) setMessage(`"${input.title}" was changed.`);
      return problem;
    },
    onLink: p.link,
    onUnlink: p.unlink,
    onRemove: p.remove,
  };

  return (
    <>
      <PageHeader
        title="Careers programme"
        description="Your school's careers programme for the year, by half term: what is planned, for whom and why, and which encounters delivered it. Half term dates here are a rough guide; your own term dates may differ by a few days."
      />
      <div className="wm-toolbar">
        <SelectField
          id="programme-year"
          label="Academic year"
          options={[current - 1, current, current + 1].map((y) => ({ value: String(y), label: academicYearLabel(y) }))}
          value={String(year)}
          onChange={(event) => {
            setYear(Number(event.target.value));
            setAdding(false);
            setMessage(null);
          }}
        />
      </div>
      <p role="status">{message}</p>
      {p.loading && !p.data ? <Loading label="Loading the programme…" /> : null}
      {p.error && !p.data ? (
        <ErrorPanel title="The programme could not be loaded" onRetry={() => void p.refetch()}>
          {p.error.message}
        </ErrorPanel>
      ) : null}
      {plan ? (
        <>
          <p>{planSummary(plan.items.map((item) => item.status))}</p>
          {plan.canEdit ? (
            adding ? (
              <Section title="Add a planned activity">
                <PlanItemForm academicYear={year} halfTerms={plan.halfTerms} onSave={save} onCancel={closeForm} />
              </Section>
            ) : (
              <div className="wm-button-row">
                <Button ref={addButton} onClick={() => setAdding(true)}>
                  Add a planned activity
                </Button>
                <Button variant="secondary" onClick={() => void copy()}>
                  Copy last year&apos;s plan
                </Button>
              </div>
            )
          ) : null}
          {plan.halfTerms.map((halfTerm) => (
            <HalfTermSection
              key={halfTerm.halfTerm}
              halfTerm={halfTerm}
              items={plan.items.filter((item) => item.halfTerm === halfTerm.halfTerm)}
              {...actions}
            />
          ))}
        </>
      ) : null}
    </>
  );
}

function HalfTermSection({ halfTerm, items, ...actions }: { halfTerm: PlanHalfTerm; items: readonly PlanItem[] } & PlanItemActions) {
  return (
    <Section title={`${halfTerm.label}, ${formatDate(halfTerm.startsOn)} to ${formatDate(halfTerm.endsOn)}`} headingLevel={2}>
      {items.length === 0 ? (
        <p className="wm-muted">Nothing planned for {halfTerm.label}.</p>
      ) : (
        <ul className="wm-card-list" aria-label={`Planned for ${halfTerm.label}`}>
          {items.map((item) => (
            <PlanItemCard key={item.id} item={item} halfTerm={halfTerm} {...actions} />
          ))}
        </ul>
      )}
    </Section>
  );
}
