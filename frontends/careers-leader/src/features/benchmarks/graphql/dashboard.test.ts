import { describe, expect, it } from 'vitest';
import { BENCHMARK_GAPS_QUERY, SCHOOL_DASHBOARD_QUERY } from './dashboard';

/** The fields selected directly inside `schoolDashboard { … }` (nested selections left out). */
function topLevelFields(document: string, field: string): string[] {
  const start = document.indexOf('{', document.indexOf(`${field}(`));
  const names: string[] = [];
  let depth = 0;
  for (const token of document.slice(start).matchAll(/[{}]|[A-Za-z_]\w*/g)) {
    if (token[0] === '{') depth += 1;
    else if (token[0] === '}') {
      depth -= 1;
      if (depth === 0) break;
    } else if (depth === 1) names.push(token[0]);
  }
  return names;
}

describe('the school dashboard request', () => {
  it('asks whether the viewer may list pupils along with the figures', () => {
    expect(topLevelFields(SCHOOL_DASHBOARD_QUERY, 'schoolDashboard')).toContain('canListPupils');
    expect(topLevelFields(SCHOOL_DASHBOARD_QUERY, 'schoolDashboard')).toContain('groupFiguresRounded');
  });

  it('asks for no gap list: a list is only fetched when someone opens one', () => {
    expect(SCHOOL_DASHBOARD_QUERY).not.toMatch(/benchmarkGaps/);
    expect(BENCHMARK_GAPS_QUERY).toMatch(/benchmarkGaps\(/);
  });
});
