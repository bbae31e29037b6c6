import { describe, expect, it } from 'vitest';
import { cellText, columnHeading, subjectAccessFileName, subjectAccessHtml, type SubjectAccessExport } from './subjectAccessDocument';

const data: SubjectAccessExport = {
  pupil: { id: 'p1', name: 'Maya <b>Okafor</b>' },
  generatedAt: '2026-12-06T10:00:00.000Z',
  parts: [
    { source: 'pupils', sections: [{ title: 'Pupil record', rows: [{ legal_surname: 'Okafor', eal: true, neet_risk_score: null }] }] },
    {
      source: 'encounters',
      sections: [
        { title: 'Encounters and registers', rows: [{ title: 'Talk', attended: false }, { title: '<script>alert(1)</script>', attended: true }] },
        { title: 'Agreed actions', rows: [] },
      ],
    },
  ],
};

describe('subjectAccessHtml', () => {
  const html = subjectAccessHtml(data);

  it('escapes everything it was given, so the page runs nothing', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Maya &lt;b&gt;Okafor&lt;/b&gt;');
  });

  it('lays one record out as a list, several as a table, and says when nothing is held', () => {
    expect(html).toContain('<dt>Legal surname</dt><dd>Okafor</dd><dt>Eal</dt><dd>Yes</dd><dt>Neet risk score</dt><dd>—</dd>');
    expect(html).toContain('<th scope="col">Title</th><th scope="col">Attended</th>');
    expect(html).toMatch(/<h3>Agreed actions<\/h3><p>Nothing held\.<\/p>/);
    expect(html).toContain('<h2>Careers activities and guidance</h2>');
  });
});

describe('cells and names', () => {
  it('reads values and columns in plain words, and names files by pupil and day', () => {
    expect([cellText(false), cellText([1, 2]), cellText([]), cellText(''), cellText({ a: 1 })]).toEqual(['No', '1, 2', '—', '—', '{"a":1}']);
    expect(columnHeading('date_of_birth')).toBe('Date of birth');
    expect(subjectAccessFileName('Zoë O\'Neil', '2026-12-06', 'json')).toBe('subject-access-zoe-o-neil-2026-12-06.json');
  });
});
