import type { GraphQLSchema } from 'graphql';
import { API_SCOPES, type ApiScope } from '@waymark/auth';
import { apiOperations, type ApiOperation } from './api-schema.js';
import { exampleArguments, exampleDocument } from './examples.js';

export interface DevelopersPageOptions {
  supergraph: GraphQLSchema;
  /** Where integrations reach Waymark, for the examples; a placeholder when the deployment has not said. */
  origin: string | undefined;
  rateLimit: { perMinute: number; burst: number };
}

/**
 * The operations the hand-written examples send, each with the scope it needs; a test validates them
 * against that scope's schema so the examples cannot drift from the API.
 */
export const EXAMPLE_QUERIES = {
  curl: { scope: 'reports:read', query: '{ schools { id name urn } }' },
  python: {
    scope: 'reports:read',
    query: `query ($after: String) {
      encounters(first: 200, after: $after) {
        edges { node { id title } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
  },
  powerQuery: { scope: 'reports:read', query: '{ trustDashboard { schools { school { name } pupilCount } } }' },
} as const;

/** What each scope is for, in a sentence; every scope of API_SCOPES must have one (a test checks). */
export const SCOPE_PURPOSES: Readonly<Record<ApiScope, string>> = {
  'reports:read':
    "Read the trust's figures: its schools, each school's and the whole trust's Gatsby Benchmark measures, encounters and leavers' destinations. Never a pupil's record.",
  'destinations:read':
    "Read the local authority return of the trust's schools row by row: each Year 11 and Year 12 pupil's plan for after Year 11 and their September offer, by Waymark's pupil id, never a name, with the local authority each row goes to (one authority at a time if you like). Pupils who opted out of sharing are never in it.",
  'roster:write': "Keep each school's roster in step with your management information system: check a file or rows, then commit them.",
};

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A code block: focusable so a keyboard can scroll it sideways, labelled so a screen reader says what it is. */
function code(label: string, body: string): string {
  return `<pre tabindex="0" aria-label="${escape(label)}"><code>${escape(body)}</code></pre>`;
}

/** A table that scrolls inside its own box on a narrow screen, never the page. */
function table(caption: string, head: string[], rows: string[][]): string {
  return `<div class="table" role="region" aria-label="${escape(caption)}" tabindex="0"><table><caption>${escape(caption)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${escape(h)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('')}</tbody></table></div>`;
}

function operationSection(op: ApiOperation): string {
  const id = `${op.operation}-${op.name}`;
  const required = exampleArguments(op.field);
  const kind = op.operation === 'query' ? 'Reads' : 'Changes';
  return `<section class="operation" id="${id}" data-operation="${op.operation}" data-field="${escape(op.name)}" data-scope="${op.scope}" aria-labelledby="${id}-title">
<h3 id="${id}-title"><code>${escape(op.name)}</code></h3>
<dl>
<dt>Kind</dt><dd>${op.operation} (${kind.toLowerCase()} data)</dd>
<dt>Scope needed</dt><dd><code>${op.scope}</code></dd>
<dt>Signature</dt><dd><code>${escape(op.signature)}</code></dd>
</dl>
<p>${escape(op.description)}</p>
${required.length ? `<p>Send ${required.map((arg) => `<code>${escape(arg.name)}</code>`).join(' and ')} as variables${required.some((arg) => arg.name === 'schoolId') ? ' (a school of your trust, from <code>schools</code>)' : ''}.</p>` : ''}
${code(`Example ${op.operation} using ${op.name}`, exampleDocument(op))}
</section>`;
}

/** The look shared by the documentation and the explorer. */
export const PAGE_STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
a{color:#1d4ed8}a:focus-visible,pre:focus-visible,.table:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header{background:#0f2d52;color:#fff;padding:1rem}header a{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;margin:.25rem 0}h2{margin-top:2.5rem;border-top:1px solid #d4d4d4;padding-top:1rem}
pre{background:#f4f4f5;border:1px solid #d4d4d4;padding:.75rem;overflow-x:auto;max-width:100%;font-size:.875rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.table{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #d4d4d4;padding:.4rem .6rem;text-align:left;vertical-align:top}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0;min-width:0}
.operation{border-left:4px solid #0f2d52;padding-left:1rem;margin:1.5rem 0}
nav ul{padding-left:1.25rem}
`;

/**
 * The developer documentation at /developers, built once at start from the supergraph the gateway
 * serves and the scope catalogue, so it lists exactly what an API key can use and the scope each
 * part needs. Plain HTML, no script: it works without sign-in, by keyboard, at any width.
 */
export function developersPage({ supergraph, origin, rateLimit }: DevelopersPageOptions): string {
  const base = origin ?? 'https://waymark.example.org';
  const operations = apiOperations(supergraph);
  const queries = operations.filter((op) => op.operation === 'query');
  const mutations = operations.filter((op) => op.operation === 'mutation');
  const perSecond = Math.round((rateLimit.perMinute / 60) * 100) / 100;

  const curl = `curl ${base}/graphql \\
  -H "Authorization: Bearer $WAYMARK_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"query":"${EXAMPLE_QUERIES.curl.query}"}'`;

  const python = `import json, os, time, urllib.error, urllib.request

URL = "${base}/graphql"
KEY = os.environ["WAYMARK_API_KEY"]

def graphql(query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(URL, data=body, headers={
        "Authorization": f"Bearer {KEY}",
        "Content-Type": "application/json",
    })
    while True:
        try:
            with urllib.request.urlopen(request) as response:
                answer = json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 429:  # over the key's rate: wait as long as Waymark says
                time.sleep(int(error.headers.get("Retry-After", "1")))
                continue
            raise RuntimeError(json.load(error)["errors"][0]["message"])
        if answer.get("errors"):
            raise RuntimeError(answer["errors"][0]["message"])
        return answer["data"]

# Every encounter in the trust, 200 at a time.
after, encounters = None, []
while True:
    page = graphql("""${EXAMPLE_QUERIES.python.query}""", {"after": after})["encounters"]
    encounters += [edge["node"] for edge in page["edges"]]
    if not page["pageInfo"]["hasNextPage"]:
        break
    after = page["pageInfo"]["endCursor"]
print(len(encounters), "encounters")`;

  const powerQuery = `let
    // Keep the key in a Power BI parameter, not in the query text.
    Key = WaymarkApiKey,
    Query = "${EXAMPLE_QUERIES.powerQuery.query}",
    Response = Json.Document(
        Web.Contents(
            "${base}",
            [
                RelativePath = "graphql",
                Headers = [#"Authorization" = "Bearer " & Key, #"Content-Type" = "application/json"],
                Content = Json.FromValue([query = Query])
            ]
        )
    ),
    Rows = Response[data][trustDashboard][schools],
    Table = Table.FromRecords(List.Transform(Rows, each [School = [school][name], Pupils = [pupilCount]]))
in
    Table`;

  const scopeRows = API_SCOPES.map((scope) => [
    `<code>${scope}</code>`,
    escape(SCOPE_PURPOSES[scope]),
    operations
      .filter((op) => op.scope === scope)
      .map((op) => `<a href="#${op.operation}-${op.name}"><code>${escape(op.name)}</code></a>`)
      .join(', '),
  ]);

  const errorRows = [
    [
      '200',
      '—',
      'The answer. Read <code>errors</code> as well as <code>data</code>: a root field that could not be answered is <code>null</code> with an error beside it, while the others keep their data.',
    ],
    [
      '400',
      '<code>BAD_REQUEST</code>, <code>BAD_USER_INPUT</code>, <code>GRAPHQL_VALIDATION_FAILED</code>',
      'The query or its variables are not right; the message says what.',
    ],
    ['401', '<code>UNAUTHENTICATED</code>', 'No key, a key Waymark does not know, or a revoked key.'],
    [
      '403',
      '<code>FORBIDDEN</code>',
      'The key lacks the scope a root field needs (the message names both), or the field is not open to API keys at all. Nothing in the request ran.',
    ],
    ['413', '<code>PAYLOAD_TOO_LARGE</code>', 'The request is over 16 MB.'],
    ['429', '<code>RATE_LIMITED</code>', 'The key is over its rate. Wait the number of seconds in <code>Retry-After</code>, then send it again.'],
    ['503', '<code>SERVICE_UNAVAILABLE</code>', 'Waymark could not check the key just now. Try again shortly.'],
  ];

  const limitRows = [
    ['Requests per key', `${rateLimit.perMinute} a minute on average (${perSecond} a second), with bursts of up to ${rateLimit.burst}`],
    ['Request body', '16 MB (a 25,000-row roster file)'],
    ['Query text', '64 KB: send long values as variables'],
    ['A string in the variables', '20,000 characters (a roster file in <code>fileBase64</code>: 16 MB)'],
    ['A list in the variables', '50,000 items'],
    ['Depth, aliases, tokens, directives, cost', '12, 15, 3,000, 30 and 60,000 per query'],
    ['Page size', 'paged fields take <code>first</code> up to 200 (50 when left out)'],
  ];

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waymark API for trusts – developer documentation</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the documentation</a>
<header><p><a href="/">Waymark</a></p><h1>The Waymark API for trusts</h1></header>
<main id="main">
<p>A multi-academy trust's systems can read its careers figures from Waymark and keep each school's roster up to date, through one GraphQL endpoint: <code>POST ${escape(base)}/graphql</code>. This page is built from the schema Waymark is running, so it lists exactly what an API key can use today.</p>
<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ul>
<li><a href="#keys">API keys and scopes</a></li>
<li><a href="#auth">Sending a request</a></li>
<li><a href="#reads">What you can read</a></li>
<li><a href="#writes">What you can change</a></li>
<li><a href="#schema">The schema for your key</a></li>
<li><a href="#paging">Paging</a></li>
<li><a href="#bulk">Bulk sync (NDJSON)</a></li>
<li><a href="#errors">Errors</a></li>
<li><a href="#limits">Limits</a></li>
<li><a href="#examples">Examples: curl, Python, Power BI</a></li>
<li><a href="/developers/explorer">Try the API with your key</a></li>
</ul></nav>

<section aria-labelledby="keys"><h2 id="keys">API keys and scopes</h2>
<p>A trust analyst makes keys for the trust's integrations on the <a href="/api-keys">API keys</a> page in Waymark (signed in), choosing one or more scopes for each, and can revoke a key there: it stops working at once. The page also shows how much each key has been used. The key is shown once, when it is made: keep it in your secrets store. It starts <code>wm_</code>.</p>
<p>A key acts as an analyst of its trust without pupil-level access: it sees the trust's figures (small counts of vulnerable groups rounded), never a pupil's record, contact details or flags. It can use only the operations below, and only those its scopes allow; everything else in Waymark is for people signed in.</p>
${table('Scopes', ['Scope', 'What it is for', 'Operations'], scopeRows)}
</section>

<section aria-labelledby="auth"><h2 id="auth">Sending a request</h2>
<p>Send a JSON body <code>{"query": "…", "variables": {…}}</code> with <code>POST</code> to <code>/graphql</code>, the header <code>Content-Type: application/json</code>, and the key as a bearer token:</p>
${code('Request headers', 'Authorization: Bearer wm_…\nContent-Type: application/json')}
<p>Waymark checks every root field of the operation against the key's scopes before anything runs. Schema introspection is switched off in production; download the schema for your key instead (<a href="#schema">below</a>). To try a query before writing code, use the <a href="/developers/explorer">explorer</a>.</p>
</section>

<section aria-labelledby="reads"><h2 id="reads">What you can read</h2>
<p>${queries.length} queries are open to API keys.</p>
${queries.map(operationSection).join('\n')}
</section>

<section aria-labelledby="writes"><h2 id="writes">What you can change</h2>
<p>${mutations.length} mutations are open to API keys. A mutation answers with what it did, or with <code>error { code message fields { field message } }</code> when the input is not right; then nothing was saved.</p>
${mutations.map(operationSection).join('\n')}
</section>

<section aria-labelledby="schema"><h2 id="schema">The schema for your key</h2>
<p><code>GET /developers/schema.graphql</code> with your key answers the schema (SDL) of exactly the operations your key's scopes allow, and the types they use. Without a key it answers 401. Use it for code generation or in a GraphQL editor.</p>
${code('Download the schema for a key', `curl ${base}/developers/schema.graphql \\\n  -H "Authorization: Bearer $WAYMARK_API_KEY" -o waymark.graphql`)}
</section>

<section aria-labelledby="paging"><h2 id="paging">Paging</h2>
<p>Long lists are connections. Ask for <code>first</code> items (up to 200; 50 when left out) and <code>pageInfo { hasNextPage endCursor }</code>; for the next page, send <code>after</code> set to the last <code>endCursor</code>, until <code>hasNextPage</code> is false. <code>totalCount</code> gives the number of items in all pages. Cursors are opaque: store them, never build them.</p>
</section>

<section aria-labelledby="bulk"><h2 id="bulk">Bulk sync (NDJSON)</h2>
<p>For a trust's nightly copy of its pupils, encounters and registers there is a faster way than paging through <code>pupilChanges</code>, <code>encounterChanges</code> and <code>participationChanges</code>: <code>GET /api/sync/pupils</code>, <code>GET /api/sync/encounters</code> and <code>GET /api/sync/participations</code>, with a key that has <code>reports:read</code>. Each answers one stream (<code>application/x-ndjson</code>): one change a line, exactly as the GraphQL feed gives it, and last a line <code>{"cursor":"…","hasMore":false}</code>. Without <code>after</code> you get every current row of the trust; with <code>after=&lt;cursor&gt;</code>, every change since. The cursors are the feeds' own, so you can switch between the stream and the GraphQL pages. A stream that ends without its cursor line was cut short: keep your old cursor and ask again. Each stream counts as one request.</p>
${code('Stream the register rows changed since a cursor', `curl "${base}/api/sync/participations?after=$CURSOR" \\\n  -H "Authorization: Bearer $WAYMARK_API_KEY"`)}
</section>

<section aria-labelledby="errors"><h2 id="errors">Errors</h2>
<p>Errors come as GraphQL errors, <code>{"errors": [{"message": "…", "extensions": {"code": "…"}}]}</code>, with the HTTP status below. Messages are for people; act on the code. Unexpected failures are masked as <code>INTERNAL_SERVER_ERROR</code>.</p>
${table('HTTP status and error codes', ['Status', 'Code', 'Meaning'], errorRows)}
</section>

<section aria-labelledby="limits"><h2 id="limits">Limits</h2>
${table('Limits', ['What', 'Limit'], limitRows)}
<p>Each key has its own allowance, refilled continuously: one busy integration never slows another key. Over it, Waymark answers 429 with a <code>Retry-After</code> header (seconds) and a <code>RATE_LIMITED</code> error. The allowance is counted per Waymark server; a deployment with several can share one count instead.</p>
<p>Waymark counts each key's requests and errors and when it was last used; the trust's analysts see them beside the key. It keeps no log of the requests themselves.</p>
</section>

<section aria-labelledby="examples"><h2 id="examples">Examples</h2>
<h3>curl</h3>
${code('curl example', curl)}
<h3>Python (standard library only)</h3>
<p>Reads every encounter page by page, and waits when Waymark says the key is over its rate.</p>
${code('Python example', python)}
<h3>Power Query (Power BI, Excel)</h3>
<p>Create a text parameter <code>WaymarkApiKey</code> holding the key. When Power BI asks how to connect to the site, choose Anonymous: the key travels in the header.</p>
${code('Power Query M example', powerQuery)}
</section>
</main>
</body>
</html>
`;
}
