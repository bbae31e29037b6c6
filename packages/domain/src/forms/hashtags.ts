/** A stored hashtag: lower-case letters a–z, digits, '-' and '_', without '#', up to 40 characters. */
const HASHTAG = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_HASHTAGS = 10;

/** '#Engineering ' → 'engineering'. */
export function normaliseHashtag(tag: string): string {
  return tag.trim().replace(/^#+/, '').toLowerCase();
}

/** Hashtags normalised and de-duplicated, with what is wrong with them (null: nothing). Encounters and pupils' interests share it. */
export function checkHashtags(raw: readonly string[]): { hashtags: string[]; problem: string | null } {
  const hashtags = [...new Set(raw.map(normaliseHashtag).filter((tag) => tag.length > 0))];
  if (hashtags.some((tag) => !HASHTAG.test(tag)))
    return { hashtags, problem: 'Hashtags are single words of letters a to z, digits, - or _ (up to 40 characters)' };
  if (hashtags.length > MAX_HASHTAGS) return { hashtags, problem: `Use at most ${MAX_HASHTAGS} hashtags` };
  return { hashtags, problem: null };
}
