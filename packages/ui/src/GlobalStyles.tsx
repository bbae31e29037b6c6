import { waymarkCss } from './styles.js';

/**
 * Puts the Waymark stylesheet into the document head. React 19 hoists a `<style>` with `href` and
 * `precedence` and keeps one copy per href, so the shell and a standalone remote may both render it.
 */
export function GlobalStyles() {
  return (
    <style href="waymark-ui" precedence="default">
      {waymarkCss}
    </style>
  );
}
