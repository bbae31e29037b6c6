/**
 * Hashtags as people type them ("#Engineering, nhs  health") turned into what the API stores:
 * lower-case, without '#', no duplicates, in the order typed. Letters, digits, '-' and '_' only.
 */
export function parseHashtags(text: string): string[] {
  const tags = text
    .split(/[\s,;]+/)
    .map((tag) =>
      tag
        .replace(/^#+/, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}_-]/gu, ''),
    )
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Stored hashtags written back for an input: "#engineering #nhs". */
export function formatHashtags(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}
