import { describe, expect, it } from 'vitest';
import { personExportFileName, personExportHtml } from './personExportDocument';

// The layout itself is @waymark/ui's (subjectAccess.test.ts); this is what a parent's or volunteer's export says around it.
describe("a parent's or volunteer's subject-access export", () => {
  const html = personExportHtml({
    person: { id: 'a1', name: 'Grace Okafor', kind: 'PARENT_OR_CARER' },
    generatedAt: '2026-12-06T10:00:00.000Z',
    parts: [
      { source: 'identity', sections: [{ title: 'Your account', rows: [{ email: 'parent@northfield.test' }] }] },
      { source: 'employers', sections: [] },
    ],
  });

  it('names the person and what they are, and heads each part in words', () => {
    expect(html).toContain('<h1>Everything Waymark holds about Grace Okafor</h1>');
    expect(html).toContain('A subject access request from a parent or carer');
    expect(html).toContain('<h2>Their Waymark account</h2>');
    expect(html).toContain('<h2>Their volunteering profile and offers to this school</h2><p>Nothing held.</p>');
  });

  it('names files by person and day', () => {
    expect(personExportFileName('Grace Okafor', '2026-12-06', 'html')).toBe('subject-access-grace-okafor-2026-12-06.html');
  });
});
