import { CREDENTIAL_HEADER, SYSTEM_PRINCIPAL, type CredentialSigner } from '@waymark/auth';

/*
 * Each school's public careers page, /schools/<urn>/careers (docs/architecture.md, "The public careers
 * page"): plain HTML, no sign-in and no script. The gateway asks the encounters subgraph for the
 * published copy with its own (system) credential, the only caller that subgraph answers for it.
 */

/** What the encounters subgraph's `publishedCareersPage` answers. */
export interface PublishedCareersPage {
  schoolName: string;
  urn: string;
  academicYear: string;
  programme: { halfTerm: string; yearGroupsText: string; title: string; purpose: string | null; benchmarks: string[] }[];
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  evaluation: string;
  reviewOn: string;
  statement: string;
  publishedOn: string;
}

const QUERY = `query PublishedCareersPage($urn: String!) {
  publishedCareersPage(urn: $urn) {
    schoolName urn academicYear
    programme { halfTerm yearGroupsText title purpose benchmarks }
    contactName contactEmail contactPhone evaluation reviewOn statement publishedOn
  }
}`;

/** A URN as schools write it: six digits today; letters, digits and hyphens up to 20 are let through to the lookup. */
export const CAREERS_PAGE_PATH = /^\/schools\/([A-Za-z0-9-]{1,20})\/careers\/?$/;

export class CareersPages {
  constructor(
    private readonly encountersUrl: string,
    private readonly signer: CredentialSigner,
    private readonly timeoutMs: number,
  ) {}

  /** The published page, null when there is none; throws when the subgraph cannot answer. */
  async published(urn: string): Promise<PublishedCareersPage | null> {
    const response = await fetch(this.encountersUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CREDENTIAL_HEADER]: await this.signer.credentialFor(SYSTEM_PRINCIPAL) },
      body: JSON.stringify({ query: QUERY, variables: { urn } }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: { publishedCareersPage: PublishedCareersPage | null }; errors?: unknown[] };
    if (!response.ok || body.errors?.length || !body.data) throw new Error(`the encounters subgraph answered ${response.status} to a careers page`);
    return body.data.publishedCareersPage;
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "15 July 2027" from YYYY-MM-DD. */
function longDate(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The leader's text as paragraphs, and lines starting "- " (or indented "  - ") as lists. */
export function textBlocks(text: string): string {
  const out: string[] = [];
  let depth = 0;
  const closeTo = (level: number) => {
    while (depth > level) {
      out.push('</li></ul>');
      depth -= 1;
    }
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const item = /^(\s*)[-•*]\s+(.*)$/.exec(raw);
    if (item) {
      const level = item[1].length >= 2 && depth >= 1 ? 2 : 1;
      if (level > depth) {
        out.push('<ul>');
        depth = level;
      } else {
        closeTo(level);
        out.push('</li>');
      }
      out.push(`<li>${escape(item[2].trim())}`);
      continue;
    }
    closeTo(0);
    if (raw.trim()) out.push(`<p>${escape(raw.trim())}</p>`);
  }
  closeTo(0);
  return out.join('');
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#0b0c0c;background:#fff}
a{color:#1d4f91;text-decoration-thickness:max(1px,.0625rem);text-underline-offset:.15em}
a:hover{color:#0b0c0c}
a:focus-visible{outline:3px solid #0b0c0c;outline-offset:0;background:#ffdd00;color:#0b0c0c}
.skip{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#ffdd00;color:#0b0c0c}
.skip:focus{left:0}
header,main,footer{padding:0 1rem}
.wrap{max-width:46rem;margin:0 auto}
header{border-bottom:4px solid #1d4f91;padding-top:1rem;padding-bottom:.75rem}
header p{margin:0;font-weight:600}
h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .75rem}
h2{font-size:1.5rem;line-height:1.25;margin:2.25rem 0 .75rem;padding-top:.5rem;border-top:1px solid #b1b4b6}
h3{font-size:1.2rem;margin:1.5rem 0 .5rem}
nav ul{padding-left:1.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
.activity{margin:0 0 1rem;padding:0;list-style:none}
.activity li{border-left:4px solid #1d4f91;padding:.25rem 0 .25rem .75rem;margin-bottom:.75rem}
.activity .meta{color:#484949;margin:.125rem 0}
.statement{overflow-wrap:anywhere}
footer{margin-top:3rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid #b1b4b6;color:#484949;font-size:.95rem}
@media (max-width:30rem){h1{font-size:1.6rem}h2{font-size:1.3rem}dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
@media print{
  body{font-size:11pt;color:#000}
  .skip,nav{display:none}
  header{border-bottom:2px solid #000}
  a{color:#000;text-decoration:none}
  a[href^="mailto:"]::after,a[href^="tel:"]::after{content:""}
  h2{break-after:avoid;border-top:none}
  .activity li{break-inside:avoid;border-left:2px solid #000}
  footer{color:#000}
}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The public page of a school's published careers programme and provider access policy statement. */
export function careersPageHtml(page: PublishedCareersPage): string {
  const byHalfTerm = new Map<string, PublishedCareersPage['programme']>();
  for (const item of page.programme) byHalfTerm.set(item.halfTerm, [...(byHalfTerm.get(item.halfTerm) ?? []), item]);
  const programme =
    page.programme.length === 0
      ? '<p>The activities for this year are still being planned.</p>'
      : [...byHalfTerm]
          .map(
            ([halfTerm, items]) =>
              `<h3>${escape(halfTerm)}</h3><ul class="activity">${items
                .map(
                  (item) =>
                    `<li><strong>${escape(item.title)}</strong><p class="meta">For ${escape(item.yearGroupsText)}</p>${
                      item.purpose ? `<p>${escape(item.purpose)}</p>` : ''
                    }<p class="meta">Works towards ${item.benchmarks.map(escape).join('; ')}</p></li>`,
                )
                .join('')}</ul>`,
          )
          .join('');
  const phone = page.contactPhone
    ? `<dt>Phone</dt><dd><a href="tel:${escape(page.contactPhone.replace(/[^\d+]/g, ''))}">${escape(page.contactPhone)}</a></dd>`
    : '';
  return layout(
    `Careers at ${page.schoolName}`,
    `<a class="skip" href="#main">Skip to main content</a>
<header><div class="wrap"><p>${escape(page.schoolName)}</p></div></header>
<main id="main" tabindex="-1"><div class="wrap">
<h1>Careers at ${escape(page.schoolName)}</h1>
<p>Our careers programme for ${escape(page.academicYear)}, who to contact about it, how we check it is working, and how providers of technical education and apprenticeships can come in to meet our pupils.</p>
<nav aria-label="On this page"><h2 id="contents">On this page</h2><ul>
<li><a href="#programme">Our careers programme</a></li>
<li><a href="#contact">Contact our careers leader</a></li>
<li><a href="#evaluation">How we check the programme is working</a></li>
<li><a href="#review">When this page is next reviewed</a></li>
<li><a href="#provider-access">Provider access policy statement</a></li>
</ul></nav>
<section aria-labelledby="programme"><h2 id="programme">Our careers programme, ${escape(page.academicYear)}</h2>
<p>What we have planned for each half term this year, who it is for and what it is for. The Gatsby Benchmarks are the eight parts of good careers guidance that schools in England work towards.</p>
${programme}</section>
<section aria-labelledby="contact"><h2 id="contact">Contact our careers leader</h2>
<dl><dt>Name</dt><dd>${escape(page.contactName)}</dd><dt>Email</dt><dd><a href="mailto:${escape(page.contactEmail)}">${escape(page.contactEmail)}</a></dd>${phone}</dl></section>
<section aria-labelledby="evaluation"><h2 id="evaluation">How we check the programme is working</h2>${textBlocks(page.evaluation)}</section>
<section aria-labelledby="review"><h2 id="review">When this page is next reviewed</h2>
<p>We will next review our careers programme and this page by <time datetime="${escape(page.reviewOn)}">${escape(longDate(page.reviewOn))}</time>.</p></section>
<section aria-labelledby="provider-access" class="statement"><h2 id="provider-access">Provider access policy statement</h2>${textBlocks(page.statement)}</section>
</div></main>
<footer><div class="wrap"><p>Published by ${escape(page.schoolName)} on <time datetime="${escape(page.publishedOn)}">${escape(longDate(page.publishedOn))}</time>.</p></div></footer>`,
  );
}

/** The same plain page for a URN nobody published under and for one that does not exist: it says nothing more. */
export function careersNotFoundHtml(): string {
  return layout(
    'Page not found',
    `<a class="skip" href="#main">Skip to main content</a>
<header><div class="wrap"><p>Waymark</p></div></header>
<main id="main" tabindex="-1"><div class="wrap"><h1>Page not found</h1><p>There is no page at this address.</p></div></main>`,
  );
}

export function careersUnavailableHtml(): string {
  return layout(
    'Page not available',
    `<a class="skip" href="#main">Skip to main content</a>
<header><div class="wrap"><p>Waymark</p></div></header>
<main id="main" tabindex="-1"><div class="wrap"><h1>Sorry, this page is not available right now</h1><p>Try again in a few minutes.</p></div></main>`,
  );
}
