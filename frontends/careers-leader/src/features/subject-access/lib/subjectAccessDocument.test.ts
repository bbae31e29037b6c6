import { describe, expect, it } from 'vitest';
import { pupilSubjectAccessFileName, pupilSubjectAccessHtml } from './subjectAccessDocument';

// The layout itself is @waymark/ui's (subjectAccess.test.ts); this is what the staff export says around it.
describe("a pupil's subject-access export", () => {
  const html = pupilSubjectAccessHtml({
    pupil: { id: 'p1', name: 'Maya Okafor' },
    generatedAt: '2026-12-06T10:00:00.000Z',
    parts: [{ source: 'encounters', sections: [{ title: 'Personal guidance meetings', rows: [{ notes: 'Keen on engineering' }] }] }],
  });

  it('names the pupil, warns about staff notes, and heads parts for staff', () => {
    expect(html).toContain('<h1>Everything Waymark holds about Maya Okafor</h1>');
    expect(html).toMatch(/Check it before you share it: it includes staff notes/);
    expect(html).toContain('<h2>Careers activities and guidance</h2>');
  });

  it('names files by pupil and day', () => {
    expect(pupilSubjectAccessFileName("Zoë O'Neil", '2026-12-06', 'json')).toBe('subject-access-zoe-o-neil-2026-12-06.json');
  });
});
