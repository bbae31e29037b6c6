import { colors, fontFamily, radius, space } from './tokens.js';

const kebab = (name: string): string => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

const customProperties = [
  ...Object.entries(colors).map(([name, value]) => `--wm-${kebab(name)}: ${value};`),
  ...Object.entries(space).map(([name, value]) => `--wm-space-${name}: ${value};`),
  `--wm-radius: ${radius};`,
  `--wm-font: ${fontFamily};`,
].join('\n  ');

/**
 * The Waymark stylesheet: tokens, the base and every @waymark/ui component, plus the patterns
 * several portals share (tags, cards, insets). Rules only one portal needs live in that portal's own
 * stylesheet. `GlobalStyles` puts it in the document head once per version.
 */
export const waymarkCss = `
:root {
  ${customProperties}
}
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: var(--wm-font);
  font-size: 1rem;
  line-height: 1.5;
  color: var(--wm-text);
  background: var(--wm-background);
}
h1:focus { outline: none; }
h1:focus-visible { outline: 3px solid var(--wm-focus); outline-offset: 4px; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0 0 var(--wm-space-sm); color: var(--wm-text); }
h1 { font-size: 2rem; }
h2 { font-size: 1.5rem; }
h3 { font-size: 1.2rem; }
p { margin: 0 0 var(--wm-space-md); }
a { color: var(--wm-link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 3px; }
:focus-visible { outline: 3px solid var(--wm-focus); outline-offset: 2px; }
input:focus-visible, select:focus-visible, textarea:focus-visible { outline-offset: 0; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}

.wm-visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.wm-skip-link {
  position: absolute; left: var(--wm-space-md); top: -4rem; z-index: 10;
  padding: var(--wm-space-sm) var(--wm-space-md);
  background: var(--wm-surface); color: var(--wm-text); font-weight: 700;
  border: 3px solid var(--wm-focus); border-radius: var(--wm-radius);
}
.wm-skip-link:focus { top: var(--wm-space-sm); outline: 3px solid var(--wm-header-focus); outline-offset: 0; }

.wm-container { max-width: 72rem; margin: 0 auto; padding: 0 var(--wm-space-md); }

.wm-app-header { background: var(--wm-header); color: var(--wm-on-header); }
.wm-app-header :focus-visible { outline-color: var(--wm-header-focus); }
.wm-app-header__bar {
  display: flex; flex-wrap: wrap; align-items: center; gap: var(--wm-space-md);
  padding-top: var(--wm-space-md); padding-bottom: var(--wm-space-md);
}
.wm-app-header__brand {
  font-size: 1.5rem; font-weight: 800; letter-spacing: 0.01em;
  color: var(--wm-on-header); text-decoration: none; margin-right: auto;
}
.wm-app-header__brand:hover { text-decoration: underline; }
.wm-app-header__person { margin: 0; }
.wm-app-nav { border-top: 1px solid rgba(255, 255, 255, 0.25); }
.wm-app-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--wm-space-lg); margin: 0; padding: 0; }
.wm-app-nav a {
  display: inline-block; padding: var(--wm-space-sm) 0 calc(var(--wm-space-sm) - 4px);
  color: var(--wm-on-header); font-weight: 600; text-decoration: none; border-bottom: 4px solid transparent;
}
.wm-app-nav a:hover { border-bottom-color: rgba(255, 255, 255, 0.6); }
.wm-app-nav a[aria-current='page'] { border-bottom-color: var(--wm-on-header); }
.wm-app-main { padding-top: var(--wm-space-lg); padding-bottom: var(--wm-space-xl); min-height: 60vh; }
.wm-app-main:focus { outline: none; }
.wm-app-footer { border-top: 1px solid var(--wm-border); padding: var(--wm-space-md) 0; color: var(--wm-text-muted); font-size: 0.875rem; }

.wm-page-header { margin-bottom: var(--wm-space-lg); }
.wm-page-header__top { display: flex; flex-wrap: wrap; align-items: flex-start; gap: var(--wm-space-md); }
.wm-page-header__top > :first-child { margin-right: auto; }
.wm-page-header__caption { margin: 0 0 var(--wm-space-xs); color: var(--wm-text-muted); font-weight: 600; }
.wm-page-header__description { color: var(--wm-text-muted); max-width: 48rem; margin: var(--wm-space-xs) 0 0; }

.wm-section {
  background: var(--wm-surface); border: 1px solid var(--wm-border); border-radius: var(--wm-radius);
  padding: var(--wm-space-lg); margin-bottom: var(--wm-space-lg);
}
.wm-section__description { color: var(--wm-text-muted); }
.wm-section > :last-child { margin-bottom: 0; }

/* position: relative makes the wrapper the containing block of the visually hidden (absolutely
   positioned) text inside its cells; without it that text escapes the scrolling and widens the page. */
.wm-table-wrap { overflow-x: auto; position: relative; margin-bottom: var(--wm-space-md); }
.wm-table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
.wm-table caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding-bottom: var(--wm-space-sm); }
.wm-table th, .wm-table td { text-align: left; vertical-align: top; padding: var(--wm-space-sm) var(--wm-space-md); border-bottom: 1px solid var(--wm-border); }
.wm-table thead th { background: var(--wm-surface-alt); border-bottom: 2px solid var(--wm-border-strong); white-space: nowrap; }
.wm-table tbody th { font-weight: 600; }
.wm-table .wm-num { text-align: right; white-space: nowrap; }
.wm-table__empty { color: var(--wm-text-muted); font-style: italic; }

.wm-stat-grid {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  gap: var(--wm-space-md); margin: 0 0 var(--wm-space-lg);
}
.wm-stat {
  background: var(--wm-surface); border: 1px solid var(--wm-border); border-left: 6px solid var(--wm-brand);
  border-radius: var(--wm-radius); padding: var(--wm-space-md);
}
.wm-stat dt { color: var(--wm-text-muted); font-weight: 600; }
.wm-stat dd { margin: var(--wm-space-xs) 0 0; font-size: 2rem; font-weight: 800; line-height: 1.1; font-variant-numeric: tabular-nums; }
.wm-stat__hint { display: block; font-size: 0.875rem; font-weight: 400; color: var(--wm-text-muted); margin-top: var(--wm-space-xs); }

.wm-bar-chart { margin: 0 0 var(--wm-space-md); }
.wm-bar-chart figcaption { font-weight: 700; font-size: 1.1rem; margin-bottom: var(--wm-space-sm); }
.wm-bar-chart ul { list-style: none; margin: 0; padding: 0; }
.wm-bar-chart li {
  display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr 4.5rem; align-items: center;
  gap: var(--wm-space-md); padding: var(--wm-space-xs) 0;
}
.wm-bar-chart__track { background: var(--wm-bar-track); border-radius: 3px; height: 1.25rem; overflow: hidden; }
.wm-bar-chart__bar { background: var(--wm-bar); height: 100%; }
.wm-bar-chart__value { text-align: right; font-weight: 700; font-variant-numeric: tabular-nums; }
.wm-bar-chart__empty { color: var(--wm-text-muted); }
@media (max-width: 40rem) {
  .wm-bar-chart li { grid-template-columns: 1fr 4rem; }
  .wm-bar-chart__track { grid-column: 1 / -1; grid-row: 2; }
}

.wm-alert, .wm-notice {
  border-radius: var(--wm-radius); padding: var(--wm-space-md) var(--wm-space-lg); margin-bottom: var(--wm-space-lg);
  border: 2px solid; border-left-width: 8px;
}
.wm-alert { background: var(--wm-error-tint); border-color: var(--wm-error); }
.wm-alert__title { color: var(--wm-error); font-size: 1.2rem; }
.wm-notice { background: var(--wm-success-tint); border-color: var(--wm-success); }
.wm-notice__title { color: var(--wm-success); font-size: 1.2rem; }
.wm-alert > :last-child, .wm-notice > :last-child { margin-bottom: 0; }
.wm-alert ul { margin: 0 0 var(--wm-space-sm); padding-left: 1.25rem; }
.wm-alert details { margin-bottom: var(--wm-space-sm); }
.wm-alert details p { margin: var(--wm-space-xs) 0 0; overflow-wrap: anywhere; }
summary { cursor: pointer; }

.wm-loading { display: flex; align-items: center; gap: var(--wm-space-sm); color: var(--wm-text-muted); padding: var(--wm-space-md) 0; }
.wm-loading__spinner {
  width: 1.25rem; height: 1.25rem; border-radius: 50%;
  border: 3px solid var(--wm-bar-track); border-top-color: var(--wm-brand);
  animation: wm-spin 0.8s linear infinite;
}
@keyframes wm-spin { to { transform: rotate(360deg); } }

.wm-button {
  display: inline-flex; align-items: center; justify-content: center; gap: var(--wm-space-xs);
  min-height: 2.75rem; padding: var(--wm-space-sm) var(--wm-space-md);
  font: inherit; font-weight: 700; line-height: 1.2; cursor: pointer;
  border: 2px solid var(--wm-brand); border-radius: var(--wm-radius);
  background: var(--wm-brand); color: var(--wm-on-brand);
}
.wm-button:hover { background: var(--wm-brand-dark); border-color: var(--wm-brand-dark); }
.wm-button--secondary { background: var(--wm-surface); color: var(--wm-brand); }
.wm-button--secondary:hover { background: var(--wm-brand-tint); color: var(--wm-brand); border-color: var(--wm-brand); }
.wm-button--on-dark { background: transparent; color: var(--wm-on-header); border-color: var(--wm-on-header); }
.wm-button--on-dark:hover { background: rgba(255, 255, 255, 0.15); border-color: var(--wm-on-header); }
.wm-button[disabled] { cursor: not-allowed; opacity: 0.7; }
.wm-button--small { min-height: 2.25rem; padding: var(--wm-space-xs) var(--wm-space-sm); font-size: 0.9rem; }
.wm-button-row { display: flex; flex-wrap: wrap; gap: var(--wm-space-sm); align-items: center; margin: var(--wm-space-md) 0; }

.wm-form { max-width: 40rem; }
.wm-field { margin-bottom: var(--wm-space-lg); }
.wm-field__label { display: block; font-weight: 700; margin-bottom: var(--wm-space-xs); }
.wm-field__hint { display: block; color: var(--wm-text-muted); margin-bottom: var(--wm-space-xs); }
.wm-field__error { display: block; color: var(--wm-error); font-weight: 700; margin-bottom: var(--wm-space-xs); }
.wm-input {
  display: block; width: 100%; max-width: 28rem; min-height: 2.75rem; padding: var(--wm-space-sm);
  font: inherit; color: var(--wm-text); background: var(--wm-surface);
  border: 2px solid var(--wm-border-strong); border-radius: 4px;
}
.wm-input--narrow { max-width: 10rem; }
.wm-input[aria-invalid='true'] { border-color: var(--wm-error); border-width: 3px; }
.wm-field--error { border-left: 4px solid var(--wm-error); padding-left: var(--wm-space-md); }
.wm-fieldset { border: 0; padding: 0; margin: 0 0 var(--wm-space-lg); min-width: 0; }
.wm-fieldset legend { font-weight: 700; padding: 0; margin-bottom: var(--wm-space-xs); }
.wm-checkbox-list { display: flex; flex-wrap: wrap; gap: var(--wm-space-sm) var(--wm-space-lg); }
.wm-checkbox-stack { display: flex; flex-direction: column; gap: var(--wm-space-xs); align-items: flex-start; }
.wm-checkbox { display: inline-flex; align-items: center; gap: var(--wm-space-sm); min-height: 2.25rem; cursor: pointer; }
.wm-checkbox input { width: 1.4rem; height: 1.4rem; margin: 0; accent-color: var(--wm-brand); }

.wm-toolbar { display: flex; flex-wrap: wrap; gap: var(--wm-space-md); align-items: flex-end; margin-bottom: var(--wm-space-md); }
.wm-toolbar .wm-field { margin-bottom: 0; }

.wm-local-nav { margin-bottom: var(--wm-space-lg); border-bottom: 2px solid var(--wm-border); }
.wm-local-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--wm-space-xs); margin: 0; padding: 0; }
.wm-local-nav button {
  font: inherit; font-weight: 600; cursor: pointer; color: var(--wm-link);
  background: transparent; border: 0; border-bottom: 4px solid transparent;
  padding: var(--wm-space-sm) var(--wm-space-md); margin-bottom: -2px; text-decoration: underline;
}
.wm-local-nav button:hover { background: var(--wm-brand-tint); }
.wm-local-nav button[aria-current='page'] { color: var(--wm-text); text-decoration: none; border-bottom-color: var(--wm-brand); }

.wm-summary { display: grid; grid-template-columns: max-content 1fr; gap: var(--wm-space-xs) var(--wm-space-lg); margin: 0; }
.wm-summary__row { display: contents; }
.wm-summary dt { font-weight: 700; }
.wm-summary dd { margin: 0; }
/* On a phone a long term would push its value off the screen: each term sits above its value instead. */
@media (max-width: 40rem) {
  .wm-summary { grid-template-columns: minmax(0, 1fr); }
  .wm-summary dd { margin-bottom: var(--wm-space-sm); }
}

.wm-tag {
  display: inline-block; padding: 0 var(--wm-space-sm); border-radius: 999px; font-size: 0.875rem; font-weight: 600; white-space: nowrap;
  background: var(--wm-brand-tint); color: var(--wm-brand); margin: 0 var(--wm-space-xs) var(--wm-space-xs) 0;
}
.wm-muted { color: var(--wm-text-muted); }

.wm-textarea { max-width: 40rem; min-height: 6rem; resize: vertical; }
input[type='file'].wm-input { padding: var(--wm-space-xs); }

.wm-progress { margin: var(--wm-space-md) 0; max-width: 40rem; }
.wm-progress__label { display: block; font-weight: 700; margin-bottom: var(--wm-space-xs); }
.wm-progress__track {
  height: 1.5rem; background: var(--wm-bar-track); border: 1px solid var(--wm-border-strong);
  border-radius: 4px; overflow: hidden;
}
.wm-progress__bar { display: block; height: 100%; background: var(--wm-bar); transition: width 0.3s ease-out; }
.wm-progress__text { margin: var(--wm-space-xs) 0 0; font-variant-numeric: tabular-nums; }

.wm-dialog {
  max-width: 36rem; width: calc(100% - 2rem); padding: var(--wm-space-lg);
  border: 2px solid var(--wm-border-strong); border-radius: var(--wm-radius);
  background: var(--wm-surface); color: var(--wm-text);
}
.wm-dialog::backdrop { background: rgba(20, 33, 61, 0.6); }
.wm-dialog ul { padding-left: 1.25rem; }

.wm-error-summary:focus { outline: 3px solid var(--wm-focus); outline-offset: 2px; }

.wm-comments { list-style: none; margin: 0 0 var(--wm-space-lg); padding: 0; }
.wm-comment { border-left: 4px solid var(--wm-border-strong); padding: var(--wm-space-xs) var(--wm-space-md); margin-bottom: var(--wm-space-md); }
.wm-comment__meta { margin: 0 0 var(--wm-space-xs); color: var(--wm-text-muted); }
.wm-comment__meta strong { color: var(--wm-text); }
.wm-comment__body { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }

.wm-inset { border-left: 6px solid var(--wm-brand); background: var(--wm-brand-tint); padding: var(--wm-space-sm) var(--wm-space-md); margin: 0 0 var(--wm-space-md); }
.wm-inset > :last-child { margin-bottom: 0; }
.wm-download { display: flex; flex-direction: column; align-items: flex-start; gap: var(--wm-space-xs); max-width: 22rem; }
.wm-download p { margin: 0; }

.wm-tag--met { background: var(--wm-success-tint); color: var(--wm-success); }
.wm-tag--progress { background: var(--wm-surface-alt); color: var(--wm-text); border: 1px dashed var(--wm-border-strong); }
.wm-tag--not-met { background: var(--wm-error-tint); color: var(--wm-error); }
.wm-card-list { list-style: none; margin: 0 0 var(--wm-space-md); padding: 0; }
.wm-card-list > li { border: 1px solid var(--wm-border); border-left: 6px solid var(--wm-border-strong); border-radius: var(--wm-radius); padding: var(--wm-space-md); margin-bottom: var(--wm-space-md); }
.wm-card-list > li.wm-card--met { border-left-color: var(--wm-success); }
.wm-card-list > li.wm-card--progress { border-left-color: var(--wm-bar-alt); }
.wm-card-list > li > :last-child { margin-bottom: 0; }
.wm-card-list h3 { margin-bottom: var(--wm-space-xs); }
.wm-reflection { white-space: pre-wrap; overflow-wrap: anywhere; }
.wm-plain-list { list-style: none; margin: 0 0 var(--wm-space-md); padding: 0; }
.wm-plain-list > li { margin-bottom: var(--wm-space-xs); }

/* A journey (JourneyTimeline): the filters share a row when there is room and stack on a phone; cards never push the page sideways. */
.wm-journey .wm-toolbar .wm-field { flex: 1 1 16rem; min-width: 0; }
.wm-journey__count { margin: 0 0 var(--wm-space-md); }
.wm-journey__year > h2, .wm-journey__year > h3 { margin-top: var(--wm-space-lg); }
.wm-journey__meta { margin: 0 0 var(--wm-space-xs); color: var(--wm-text-muted); font-weight: 600; }
.wm-journey .wm-card-list > li { overflow-wrap: anywhere; }
.wm-journey__benchmarks > p { margin-bottom: var(--wm-space-xs); }

.wm-sign-in { max-width: 30rem; margin: var(--wm-space-xl) auto; }
.wm-sign-in .wm-section { padding: var(--wm-space-xl) var(--wm-space-lg); }
`;

/**
 * A short fingerprint of the stylesheet (FNV-1a), so each version is its own `<style>`: the shell and
 * a remote built with the same @waymark/ui share one copy, and a remote built with a newer one
 * brings its rules along instead of being served the shell's older copy.
 */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export const waymarkCssVersion = fingerprint(waymarkCss);
