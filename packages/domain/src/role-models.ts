/**
 * Which of a pupil's interests (hashtags) a role model's public profile speaks to, in the pupil's own
 * order (docs/domain-rules.md, "Role models"). A hashtag matches a word of the profile (job, route,
 * what they say about themselves, their sectors' names) that starts with the hashtag's first six
 * letters, or with the whole hashtag when it is shorter: #engineering finds "engineer", #vet finds
 * "veterinary". Digits, - and _ are ignored in the hashtag.
 */
export function roleModelInterests(hashtags: readonly string[], texts: readonly string[]): string[] {
  const words = texts
    .join(' ')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return hashtags.filter((tag) => {
    const letters = tag.toLowerCase().replace(/[^a-z]/g, '');
    if (letters.length < 2) return false;
    const stem = letters.slice(0, 6);
    return words.some((word) => word.startsWith(stem));
  });
}
