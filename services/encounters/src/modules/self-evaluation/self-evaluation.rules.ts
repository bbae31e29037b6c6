import { textProblem, VULNERABLE_GROUPS } from '@waymark/domain';
import type { AssessmentArea, PrefillRule } from './self-evaluation.areas.js';

/*
 * The pure rules of the self-evaluation (docs/domain-rules.md, "Self-evaluation"): pre-filling an area from the
 * school's coverage, applying the leader's answer, and scoring a benchmark.
 */

export type AreaState = 'ACHIEVED' | 'IN_PROGRESS' | 'NOT_ACHIEVED' | 'NOT_ENOUGH_EVIDENCE';
export type LeaderState = Exclude<AreaState, 'NOT_ENOUGH_EVIDENCE'>;
export const LEADER_STATES: readonly LeaderState[] = ['ACHIEVED', 'IN_PROGRESS', 'NOT_ACHIEVED'];

/** The figures a rule reads: the school dashboard's cells (one measure, one year group or vulnerable group, or the whole school). */
export interface CoverageCell {
  measure: string;
  yearGroup: number | null;
  group: string | null;
  eligible: number;
  met: number;
  inProgress: number;
}

export interface Prefill {
  state: AreaState;
  /** Where the answer came from, in plain English. */
  source: string;
}

export interface Override {
  state: LeaderState;
  reason: string;
}

export interface ResolvedArea {
  state: AreaState;
  /** The answer the records (or the lack of one) give, whatever the leader said. */
  prefill: Prefill;
  override: Override | null;
}

/** The longest reason a leader may give, in characters. */
export const REASON_MAX = 500;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const groupLabel = (key: string | null) => VULNERABLE_GROUPS.find((g) => g.key === key)?.label ?? String(key);
const counted = (cell: CoverageCell, started: boolean) => cell.met + (started ? cell.inProgress : 0);

const LEADER_ANSWERS: Prefill = { state: 'NOT_ENOUGH_EVIDENCE', source: 'Not answered yet: the careers leader answers this one.' };

/** The answer the records give an area (or, for an area the leader answers, that it is not answered yet). */
export function prefillArea(rule: PrefillRule | null, cells: readonly CoverageCell[]): Prefill {
  if (rule === null) return LEADER_ANSWERS;
  if (rule.kind === 'everyYearGroup') return everyYearGroup(rule, cells);
  if (rule.kind === 'careersPage') return careersPage(cells);
  if (rule.kind === 'feedbackFromAll') return feedbackFromAll(rule, cells);
  return groupsKeepUp(rule, cells);
}

const FEEDBACK_WHO: Record<string, string> = {
  FEEDBACK_PUPILS: 'pupils',
  FEEDBACK_PARENTS: 'parents',
  FEEDBACK_STAFF: 'staff',
  FEEDBACK_EMPLOYERS: 'employers',
};

function feedbackFromAll(rule: Extract<PrefillRule, { kind: 'feedbackFromAll' }>, cells: readonly CoverageCell[]): Prefill {
  const count = (measure: string) => cells.filter((c) => c.measure === measure && c.group === null && c.yearGroup === null).reduce((n, c) => n + c.met, 0);
  const counts = rule.measures.map((measure) => ({ who: FEEDBACK_WHO[measure] ?? measure, count: count(measure) }));
  const source = `From feedback this school year: ${counts.map((c) => `${c.who} ${c.count}`).join(', ')}.`;
  if (counts.every((c) => c.count > 0)) return { state: 'ACHIEVED', source };
  if (counts.some((c) => c.count > 0)) return { state: 'IN_PROGRESS', source };
  return { state: 'NOT_ENOUGH_EVIDENCE', source: `${source} No feedback recorded yet.` };
}

/** From the school's public careers page (its CAREERS_PAGE_* cell; none when nothing is saved). */
function careersPage(cells: readonly CoverageCell[]): Prefill {
  const page = cells.find((c) => c.measure.startsWith('CAREERS_PAGE_') && c.met > 0)?.measure;
  if (page === 'CAREERS_PAGE_CURRENT') return { state: 'ACHIEVED', source: 'From the public careers page: published, and not yet due for review.' };
  if (page === 'CAREERS_PAGE_REVIEW_OVERDUE')
    return { state: 'IN_PROGRESS', source: 'From the public careers page: published, but its review date has passed. Review it and publish it again.' };
  if (page === 'CAREERS_PAGE_DRAFT') return { state: 'IN_PROGRESS', source: 'From the public careers page: saved but not published yet.' };
  return { state: 'NOT_ACHIEVED', source: 'From the public careers page: not published through Waymark. If it is published elsewhere, answer this yourself.' };
}

function everyYearGroup(rule: Extract<PrefillRule, { kind: 'everyYearGroup' }>, cells: readonly CoverageCell[]): Prefill {
  const years = cells
    .filter((c) => c.measure === rule.measure && c.group === null && c.yearGroup !== null && c.eligible > 0)
    .sort((a, b) => a.yearGroup! - b.yearGroup!);
  if (years.length === 0) return { state: 'NOT_ENOUGH_EVIDENCE', source: 'From the benchmark figures: no pupils this applies to yet.' };
  const share = (c: CoverageCell) => counted(c, rule.started ?? false) / c.eligible;
  // The year group furthest from the target says the most.
  const lowest = years.reduce((low, c) => (share(c) < share(low) ? c : low));
  const needs = `(needs ${percent(rule.share)} in every year group)`;
  const source = `From the benchmark figures: ${years.length === 1 ? 'in' : 'lowest is'} Year ${lowest.yearGroup}, ${percent(share(lowest))} of ${lowest.eligible} pupils ${needs}.`;
  if (years.every((c) => share(c) >= rule.share)) return { state: 'ACHIEVED', source };
  if (years.some((c) => counted(c, rule.started ?? false) > 0)) return { state: 'IN_PROGRESS', source };
  return { state: 'NOT_ACHIEVED', source };
}

function groupsKeepUp(rule: Extract<PrefillRule, { kind: 'groupsKeepUp' }>, cells: readonly CoverageCell[]): Prefill {
  const whole = cells.find((c) => c.measure === rule.measure && c.group === null && c.yearGroup === null);
  const groups = cells.filter((c) => c.measure === rule.measure && c.group !== null && c.yearGroup === null && c.eligible > 0);
  if (!whole || whole.eligible === 0 || groups.length === 0)
    return { state: 'NOT_ENOUGH_EVIDENCE', source: 'From the benchmark figures: no pupils in a vulnerable group this applies to yet.' };
  const wholeShare = whole.met / whole.eligible;
  const share = (c: CoverageCell) => c.met / c.eligible;
  const lowest = groups.reduce((low, c) => (share(c) < share(low) ? c : low));
  const source = `From the benchmark figures: ${percent(wholeShare)} of the whole school; lowest group is ${groupLabel(lowest.group)}, ${percent(share(lowest))}.`;
  // A small tolerance so that 0.8 - 0.7 = 0.1000…01 still counts as 10 points.
  if (groups.every((c) => share(c) >= wholeShare - rule.gap - 1e-9)) return { state: 'ACHIEVED', source };
  if (groups.some((c) => c.met > 0)) return { state: 'IN_PROGRESS', source };
  return { state: 'NOT_ACHIEVED', source };
}

/** The leader's answer wins over the records; removing it brings the records' answer back. */
export function resolveArea(area: AssessmentArea, cells: readonly CoverageCell[], override: Override | null): ResolvedArea {
  const prefill = prefillArea(area.rule, cells);
  return { state: override ? override.state : prefill.state, prefill, override };
}

/**
 * A benchmark's score: the share of its areas achieved, from 0 to 1. "In progress" and "not enough evidence"
 * count nothing: the score says what is done, and the areas say what is under way.
 */
export function benchmarkScore(states: readonly AreaState[]): number {
  if (states.length === 0) return 0;
  return states.filter((s) => s === 'ACHIEVED').length / states.length;
}

/** The red/amber/green reading of a score, always shown with its label and the score itself. */
export type ScoreReading = 'GREEN' | 'AMBER' | 'RED';
export function scoreReading(score: number): ScoreReading {
  if (score >= 0.75) return 'GREEN';
  if (score >= 0.4) return 'AMBER';
  return 'RED';
}

/** Problems with a leader's answer, by field; empty when it may be saved. */
export function checkOverride(input: { state: string; reason: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!(LEADER_STATES as readonly string[]).includes(input.state)) problems.state = 'Choose achieved, in progress or not achieved.';
  const reason = textProblem(input.reason, { missing: 'Enter a reason for your answer', max: REASON_MAX, name: 'the reason', multiline: true });
  if (reason) problems.reason = reason;
  return problems;
}
