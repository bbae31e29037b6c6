import { CURRICULUM_SUBJECTS, ENCOUNTER_KINDS, QUALIFIED_ADVISER_LEVEL, type BenchmarkMeasureKey } from '@waymark/domain';
import { RULES, type Need, type StateName } from './benchmarks.sql.js';
import type { FactRow } from './benchmarks.service.js';

/** How each measure reads to people (which facts bear on it, and what they must meet, are benchmarks.sql.ts's RULES). */
const EVIDENCE: Record<BenchmarkMeasureKey, { noun: string; notApplicable: string }> = {
  B2_LMI: { noun: 'careers or labour-market information activities this key stage', notApplicable: '' },
  B4_CURRICULUM: { noun: `of ${CURRICULUM_SUBJECTS.length} subjects linked to careers this year`, notApplicable: '' },
  B5_EMPLOYERS: { noun: 'meaningful employer encounters this year', notApplicable: '' },
  B6_BY_16: { noun: 'meaningful workplace experiences in Years 7–11', notApplicable: '' },
  B6_BY_18: { noun: 'meaningful workplace experiences in Years 12–13', notApplicable: 'Applies from Year 12.' },
  B7_BY_16: { noun: 'of 4 kinds of provider: sixth form, FE college, university, training or apprenticeship provider', notApplicable: '' },
  B7_BY_18: { noun: 'meaningful university visits', notApplicable: 'Applies in Years 12–13 to pupils considering higher education.' },
  B8_BY_16: { noun: 'guidance meetings with a qualified adviser in Years 7–11', notApplicable: '' },
  B8_BY_18: { noun: 'guidance meetings with a qualified adviser in Years 12–13', notApplicable: 'Applies from Year 12.' },
  PROVIDER_ACCESS_Y8_9: { noun: 'provider encounters in the school day, Year 8 to 28 February of Year 9', notApplicable: 'Applies from Year 8.' },
  PROVIDER_ACCESS_Y10_11: { noun: 'provider encounters in the school day, Year 10 to 28 February of Year 11', notApplicable: 'Applies from Year 10.' },
  PROVIDER_ACCESS_Y12_13: { noun: 'provider encounters offered in the school day, Year 12 to 28 February of Year 13', notApplicable: 'Applies from Year 12.' },
};

/**
 * "1 of 2 meaningful workplace experiences in Years 7–11"; past what is needed, "3 meaningful
 * employer encounters this year (1 needed)"; or why the measure does not apply.
 */
export function describeMeasure(measure: BenchmarkMeasureKey, state: StateName, count: number, needed: number): string {
  const spec = EVIDENCE[measure];
  if (state === 'NOT_APPLICABLE') return spec.notApplicable || 'Does not apply.';
  if (spec.noun.startsWith('of ')) return `${count} ${spec.noun}`;
  return count > needed ? `${count} ${spec.noun} (${needed} needed)` : `${count} of ${needed} ${spec.noun}`;
}

function reasonItFails(fact: FactRow, needs: Need): string | null {
  if (needs === 'meaningful' && !fact.meaningful) {
    return fact.checklistMet
      ? 'No reflection yet: it counts once a reflection is written, or the school records reflection time for the group.'
      : "Not meaningful yet: the activity's checklist is not complete.";
  }
  if (needs === 'qualified' && !fact.qualified) return `The adviser is not qualified to level ${QUALIFIED_ADVISER_LEVEL} or above.`;
  if (needs === 'schoolDay' && !fact.inSchoolDay) return 'Not in the school day.';
  return null;
}

export interface EvidenceItem {
  title: string;
  kindLabel: string;
  date: string;
  counts: boolean;
  reason: string | null;
  encounterId: string | null;
  ownActivityId: string | null;
  reflection: 'OWN' | 'GROUP' | null;
  attendance: 'ATTENDED' | 'DID_NOT_ATTEND' | 'DECLINED';
}

const kindLabel = (fact: FactRow) =>
  fact.source === 'A' ? 'Own activity (verified by school staff)' : (ENCOUNTER_KINDS[fact.kind as keyof typeof ENCOUNTER_KINDS]?.label ?? fact.kind);

/** The facts that bear on a measure: those that count, and those that would if they met its extra condition (with why not). */
export function evidenceFor(measure: BenchmarkMeasureKey, facts: FactRow[]): EvidenceItem[] {
  return facts
    .filter((fact) => fact.bearsOn.includes(measure))
    .map((fact) => {
      const reason = reasonItFails(fact, RULES[measure].needs);
      return {
        title: fact.title,
        kindLabel: kindLabel(fact),
        date: fact.day,
        counts: reason === null,
        reason,
        encounterId: fact.source === 'E' ? fact.refId : null,
        ownActivityId: fact.source === 'A' ? fact.refId : null,
        reflection: fact.source === 'E' ? fact.reflected : null,
        attendance: fact.attended ? 'ATTENDED' : fact.declined ? 'DECLINED' : 'DID_NOT_ATTEND',
      };
    });
}
