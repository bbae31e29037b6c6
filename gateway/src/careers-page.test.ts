import { describe, expect, it } from 'vitest';
import { CAREERS_PAGE_PATH, careersNotFoundHtml, careersPageHtml, textBlocks, type PublishedCareersPage } from './careers-page.js';

const page: PublishedCareersPage = {
  schoolName: 'St Mary & St John <School>',
  urn: '100001',
  academicYear: '2026/27',
  programme: [
    {
      halfTerm: 'Autumn 1',
      yearGroupsText: 'Year 9',
      title: '<script>alert(1)</script>',
      purpose: null,
      benchmarks: ['Benchmark 7: Encounters with further and higher education'],
    },
  ],
  contactName: 'Ms "Quote"',
  contactEmail: 'careers@school.example',
  contactPhone: '01632 960 123',
  evaluation: 'We ask.',
  reviewOn: '2027-07-15',
  statement: 'Intro\n- Years 8 and 9:\n  - College taster\n  - Apprenticeship talk\n- Years 10 and 11\nEnd',
  publishedOn: '2026-12-07',
};

describe('the careers page HTML', () => {
  it('escapes everything the school typed, so a title cannot become markup', () => {
    const html = careersPageHtml(page);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('St Mary &amp; St John &lt;School&gt;');
    expect(html).toContain('Ms &quot;Quote&quot;');
    expect(html).toContain('href="tel:01632960123"');
    expect(html).toContain('<time datetime="2027-07-15">15 July 2027</time>');
  });

  it('turns lines starting "- " into lists, nested by indentation', () => {
    expect(textBlocks(page.statement)).toBe(
      '<p>Intro</p><ul><li>Years 8 and 9:<ul><li>College taster</li><li>Apprenticeship talk</li></ul></li><li>Years 10 and 11</li></ul><p>End</p>',
    );
  });

  it('gives the 404 page nothing about any school', () => {
    expect(careersNotFoundHtml()).toContain('<h1>Page not found</h1>');
    expect(careersNotFoundHtml()).not.toContain(page.schoolName);
  });

  it.each([
    ['/schools/100001/careers', '100001'],
    ['/schools/100001/careers/', '100001'],
    ['/schools/../careers', null],
    ['/schools/100001/careers/extra', null],
    ['/schools/' + '1'.repeat(21) + '/careers', null],
  ])('reads %s as URN %s', (path, urn) => {
    expect(CAREERS_PAGE_PATH.exec(path)?.[1] ?? null).toBe(urn);
  });
});
