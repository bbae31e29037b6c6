import { describe, expect, it } from 'vitest';
import { reportSummary, selfReportLink } from './selfReports';

describe('self-report links and summaries', () => {
  it('puts the token after the #', () => {
    expect(selfReportLink('https://waymark.example', 'abc_DEF-1')).toBe('https://waymark.example/where-are-you-now#token=abc_DEF-1');
  });

  it('says what a leaver reported in one line', () => {
    expect(reportSummary({ activity: 'APPRENTICESHIP', apprenticeshipLevel: 3, provider: 'Acme', course: 'Technician', startsOn: '2025-09-04' })).toMatch(
      /^Apprenticeship \(level 3\): Acme, Technician, since /,
    );
    expect(reportSummary({ activity: 'NEET_AVAILABLE', startsOn: null })).toBe('Not in education, employment or training (available)');
    expect(reportSummary({ activity: null })).toBe('Nothing reported yet');
  });
});
