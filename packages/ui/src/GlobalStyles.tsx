import { waymarkCss, waymarkCssVersion } from './styles.js';

/**
 * Puts the Waymark stylesheet into the document head. React 19 hoists a `<style>` with `href` and
 * `precedence` and keeps one copy per href; the href names the stylesheet's version, so the shell and
 * every remote render it (each carries the styles it was built with) and equal versions load once.
 */
export function GlobalStyles() {
  return (
    <style href={`waymark-ui-${waymarkCssVersion}`} precedence="default">
      {waymarkCss}
    </style>
  );
}
