import { describe, expect, it } from 'vitest';
import { myDataHtml } from './MyDataDownload.js';
import { cellText, columnHeading, subjectAccessFileName, subjectAccessHtml, subjectAccessParts, type SubjectAccessPage } from './subjectAccess.js';

const page: SubjectAccessPage = {
  title: 'Everything Waymark holds about Maya <b>Okafor</b>',
  introduction: ['Check it before you share it.'],
  partTitles: { encounters: 'Careers activities and guidance' },
  generatedAt: '2026-12-06T10:00:00.000Z',
  parts: [
    { source: 'pupils', sections: [{ title: 'Pupil record', rows: [{ legal_surname: 'Okafor', eal: true, neet_risk_score: null }] }] },
    {
      source: 'encounters',
      sections: [
        {
          title: 'Encounters and registers',
          rows: [
            { title: 'Talk', attended: false },
            { title: '<script>alert(1)</script>', attended: true },
          ],
        },
        { title: 'Agreed actions', rows: [] },
      ],
    },
    { source: 'employers', sections: [] },
  ],
};

describe('subjectAccessHtml', () => {
  const html = subjectAccessHtml(page);

  it('escapes everything it was given, so the page runs nothing', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Everything Waymark holds about Maya &lt;b&gt;Okafor&lt;/b&gt;</title>');
  });

  it('lays one record out as a list, several as a table, and says when nothing is held', () => {
    expect(html).toContain('<dt>Legal surname</dt><dd>Okafor</dd><dt>Eal</dt><dd>Yes</dd><dt>Neet risk score</dt><dd>—</dd>');
    expect(html).toContain('<th scope="col">Title</th><th scope="col">Attended</th>');
    expect(html).toContain('<div class="wrap" role="region" aria-label="Encounters and registers" tabindex="0"><table>');
    expect(html).toMatch(/<h3>Agreed actions<\/h3><p>Nothing held\.<\/p>/);
    expect(html).toContain('<h2>employers</h2><p>Nothing held.</p>');
  });

  it('heads each part as told, else by its source, and says when it was made (in England)', () => {
    expect(html).toContain('<h2>Careers activities and guidance</h2>');
    expect(html).toContain('<h2>pupils</h2>');
    expect(html).toContain('<p>Made on 6 December 2026 at 10:00.</p>');
    expect(html).toContain('<p>Check it before you share it.</p>');
  });
});

describe('myDataHtml', () => {
  it('speaks to the person about themself, says secrets are left out, and says who to ask', () => {
    const html = myDataHtml(
      { id: 'a1', name: 'Sam Patel', parts: [{ source: 'identity', sections: [] }] },
      '2026-07-06T10:00:00.000Z',
      'Ask the school you volunteer with.',
    );
    expect(html).toContain('<h1>Everything Waymark keeps about you, Sam Patel</h1>');
    expect(html).toContain('<h2>Your account and signing in</h2>');
    expect(html).toMatch(/password.*not in this file/);
    expect(html).toContain('<p>Ask the school you volunteer with.</p>');
    expect(html).toContain('6 July 2026 at 11:00');
  });
});

describe('cells, parts and names', () => {
  it('reads values and columns in plain words', () => {
    expect([cellText(false), cellText([1, 2]), cellText([]), cellText(''), cellText({ a: 1 })]).toEqual(['No', '1, 2', '—', '—', '{"a":1}']);
    expect(columnHeading('date_of_birth')).toBe('Date of birth');
  });

  it('keeps the parts that came back, in order, and drops what is not a part', () => {
    const parts = subjectAccessParts([{ source: 'identity', sections: [] }, null, { sections: [] }, { source: 'pupils', sections: [] }]);
    expect(parts.map((part) => part.source)).toEqual(['identity', 'pupils']);
  });

  it('names files by prefix, person and day', () => {
    expect(subjectAccessFileName('subject-access', "Zoë O'Neil", '2026-12-06', 'json')).toBe('subject-access-zoe-o-neil-2026-12-06.json');
    expect(subjectAccessFileName('my-waymark-data', '', '2026-12-06', 'html')).toBe('my-waymark-data-person-2026-12-06.html');
  });
});
