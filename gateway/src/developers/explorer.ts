import { PAGE_STYLE } from './page.js';

/**
 * The explorer at /developers/explorer: paste a key, run a query, read the answer, or load the
 * schema for the key. The key stays in the form: it is never stored (no cookie, no local storage)
 * and requests go without the browser's cookies, so a signed-in analyst's session is never used in
 * its place. Plain HTML with one script of Waymark's own (the content security policy allows no
 * other); without it the page says to use curl.
 */
export function explorerPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Try the API – Waymark API for trusts</title>
<style>${PAGE_STYLE}
label{display:block;font-weight:600;margin-top:1rem}
.hint{color:#404040;margin:.25rem 0}
input,textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #404040;border-radius:4px}
textarea{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875rem}
input:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.buttons{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
button{font:inherit;font-weight:600;padding:.6rem 1rem;border-radius:4px;border:2px solid #0f2d52;background:#0f2d52;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0f2d52}
.problem{border-left:5px solid #b91c1c;padding:.5rem 1rem;background:#fef2f2}
</style>
<script src="/developers/explorer.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to the explorer</a>
<header><p><a href="/developers">Waymark API documentation</a></p><h1>Try the API</h1></header>
<main id="main">
<p>Run a query with one of your trust's API keys and see Waymark's answer, exactly as your system would. The key stays on this page: it is not saved anywhere, and the request counts towards the key's allowance and usage like any other.</p>
<noscript><p class="problem">The explorer needs JavaScript. Without it, send the same request with curl: see the <a href="/developers#examples">examples</a>.</p></noscript>
<div id="problem" class="problem" role="alert" tabindex="-1" hidden></div>
<form id="explorer" novalidate>
<label for="key">API key</label>
<p class="hint" id="key-hint">Starts wm_. A trust analyst makes keys on the API keys page.</p>
<input id="key" name="key" type="password" autocomplete="off" spellcheck="false" aria-describedby="key-hint" required>
<label for="query">Query</label>
<textarea id="query" name="query" rows="8" spellcheck="false">{
  schools {
    id
    name
  }
}</textarea>
<label for="variables">Variables (JSON, optional)</label>
<p class="hint" id="variables-hint">For example {"schoolId": "…"}.</p>
<textarea id="variables" name="variables" rows="3" spellcheck="false" aria-describedby="variables-hint"></textarea>
<div class="buttons">
<button type="submit">Run query</button>
<button type="button" class="secondary" id="schema-button">Show the schema for this key</button>
</div>
</form>
<h2 id="answer-heading">Answer</h2>
<p id="status" role="status">Nothing run yet.</p>
<pre id="answer" tabindex="0" aria-labelledby="answer-heading"><code></code></pre>
</main>
</body>
</html>
`;
}

/** The explorer's script: plain browser JavaScript, served as it is. */
export const EXPLORER_SCRIPT = `'use strict';
(function () {
  var form = document.getElementById('explorer');
  var problem = document.getElementById('problem');
  var status = document.getElementById('status');
  var answer = document.querySelector('#answer code');
  if (!form || !problem || !status || !answer) return;

  function showProblem(message, field) {
    problem.textContent = '';
    var link = document.createElement('a');
    link.href = '#' + field;
    link.textContent = message;
    link.addEventListener('click', function (event) {
      event.preventDefault();
      document.getElementById(field).focus();
    });
    problem.appendChild(link);
    problem.hidden = false;
    problem.focus();
  }

  function clearProblem() {
    problem.hidden = true;
    problem.textContent = '';
  }

  function key() {
    var value = form.elements.key.value.trim();
    if (!value) {
      showProblem('Enter your API key.', 'key');
      return null;
    }
    return value;
  }

  async function send(url, init, describe) {
    status.textContent = 'Waiting for Waymark…';
    answer.textContent = '';
    try {
      var response = await fetch(url, init);
      var text = await response.text();
      var shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch (notJson) {
        shown = text;
      }
      answer.textContent = shown;
      var wait = response.headers.get('retry-after');
      status.textContent = describe + ': HTTP ' + response.status + (wait ? '. Over the rate limit: wait ' + wait + ' seconds.' : '.');
    } catch (failure) {
      status.textContent = describe + ': Waymark could not be reached. Check your connection and try again.';
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearProblem();
    var bearer = key();
    if (!bearer) return;
    var variables = {};
    var written = form.elements.variables.value.trim();
    if (written) {
      try {
        variables = JSON.parse(written);
      } catch (notJson) {
        showProblem('Write the variables as JSON, such as {"schoolId": "…"}, or leave them empty.', 'variables');
        return;
      }
    }
    void send(
      '/graphql',
      {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + bearer },
        body: JSON.stringify({ query: form.elements.query.value, variables: variables }),
      },
      'Query',
    );
  });

  document.getElementById('schema-button').addEventListener('click', function () {
    clearProblem();
    var bearer = key();
    if (!bearer) return;
    void send('/developers/schema.graphql', { credentials: 'omit', headers: { authorization: 'Bearer ' + bearer } }, 'Schema');
  });
})();
`;
