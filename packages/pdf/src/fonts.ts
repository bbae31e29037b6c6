import arabicRanges from '@fontsource/noto-sans-arabic/unicode.json' with { type: 'json' };
import chineseRanges from '@fontsource/noto-sans-sc/unicode.json' with { type: 'json' };
import notoRanges from '@fontsource/noto-sans/unicode.json' with { type: 'json' };

/*
 * The fonts Waymark's PDFs (a pupil's record, the governors' report) are drawn in, so any pupil's or
 * school's name prints as written: Noto Sans (Latin, Greek, Cyrillic, Vietnamese, Devanagari), Noto Sans
 * Arabic and Noto Sans SC (Chinese), from the @fontsource packages (SIL Open Font License 1.1, which
 * allows embedding them in documents). Each package splits its font into files by Unicode range, as
 * browsers load them; a PDF loads only the files holding characters it draws, and only when it is made.
 * WOFF rather than WOFF2: fontkit cannot subset WOFF2 glyphs.
 */

export type Weight = 400 | 700;

/** One file of one font: the characters it may hold, and where it is. */
interface FontFile {
  /** e.g. `@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff` */
  path: string;
  weight: Weight;
  ranges: readonly (readonly [number, number])[];
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
  });
}

// Latin first, so spaces, digits and punctuation are drawn in Noto Sans whatever script is around them.
const NOTO_SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'devanagari'] as const;

function catalogue(weight: Weight): FontFile[] {
  const noto = notoRanges as Record<string, string>;
  const chinese = chineseRanges as Record<string, string>;
  return [
    ...NOTO_SUBSETS.map((subset) => ({
      path: `@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`,
      weight,
      ranges: parseRanges(noto[subset]),
    })),
    {
      path: `@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-${weight}-normal.woff`,
      weight,
      ranges: parseRanges((arabicRanges as Record<string, string>).arabic),
    },
    // The Chinese font comes in about a hundred numbered slices ("[0]" … "[119]") of a few thousand characters each.
    ...Object.keys(chinese)
      .filter((key) => /^\[\d+\]$/.test(key))
      .map((key) => ({
        path: `@fontsource/noto-sans-sc/files/noto-sans-sc-${key.slice(1, -1)}-${weight}-normal.woff`,
        weight,
        ranges: parseRanges(chinese[key]),
      })),
  ];
}

const FONT_FILES: Readonly<Record<Weight, readonly FontFile[]>> = { 400: catalogue(400), 700: catalogue(700) };

const covers = (file: FontFile, codePoint: number) => file.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

/** The files that may hold a character, best first. */
function filesFor(codePoint: number, weight: Weight): FontFile[] {
  return FONT_FILES[weight].filter((file) => covers(file, codePoint));
}

/** The files to load for some text: for each character, the first file whose range holds it. */
export function filesForText(texts: Iterable<string>, weight: Weight): FontFile[] {
  const needed = new Set<FontFile>([FONT_FILES[weight][0]]);
  const seen = new Set<number>();
  for (const text of texts) {
    for (const char of text.normalize('NFC')) {
      const codePoint = char.codePointAt(0)!;
      if (seen.has(codePoint)) continue;
      seen.add(codePoint);
      const [first] = filesFor(codePoint, weight);
      if (first) needed.add(first);
    }
  }
  return [...needed];
}

/*
 * Right-to-left text. A document's paragraphs run left to right (it is in English); a run of Arabic (or
 * Hebrew) inside one is shown right to left, with the spaces and punctuation between two right-to-left
 * letters joining the run, and digits inside it kept left to right. This is the part of the Unicode
 * bidirectional algorithm a name or a title needs (levels 0, 1 and 2 on a left-to-right line), not all
 * of it: explicit embeddings and isolates are not followed.
 */

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

/** For each character of a line, its level: 0 left to right, 1 right to left, 2 digits inside right-to-left text. */
export function bidiLevels(chars: readonly string[]): number[] {
  const strong = chars.map((char) => (RTL.test(char) ? 'R' : LETTER.test(char) ? 'L' : DIGIT.test(char) ? 'D' : 'N'));
  const levels: number[] = strong.map((type) => (type === 'R' ? 1 : 0));
  // A stretch of neutrals and digits takes the right-to-left level only between two right-to-left letters.
  let index = 0;
  while (index < chars.length) {
    if (strong[index] === 'R' || strong[index] === 'L') {
      index += 1;
      continue;
    }
    let end = index;
    while (end < chars.length && strong[end] !== 'R' && strong[end] !== 'L') end += 1;
    const before = index > 0 ? strong[index - 1] : null;
    const after = end < chars.length ? strong[end] : null;
    const inside = before === 'R' && after === 'R';
    for (let at = index; at < end; at += 1) levels[at] = inside ? (strong[at] === 'D' ? 2 : 1) : 0;
    index = end;
  }
  return levels;
}

interface Piece<Font> {
  text: string;
  font: Font;
  /** Right to left: the text is in logical order and must be drawn reversed (shaping does that for Arabic). */
  rtl: boolean;
}

/**
 * A line as pieces to draw from left to right, each in one font: characters are given the first font that
 * has them (`pick`), then runs are put in display order (rule L2 of the bidirectional algorithm over the
 * levels above). A right-to-left piece keeps its logical order so the font can shape it; for text the
 * font will not reverse itself (not Arabic script), `visualText` reverses it.
 */
export function linePieces<Font>(text: string, pick: (char: string) => Font): Piece<Font>[] {
  const chars = Array.from(text);
  const levels = bidiLevels(chars);
  const runs: { text: string; font: Font; level: number }[] = [];
  chars.forEach((char, index) => {
    const font = pick(char);
    const last = runs[runs.length - 1];
    if (last && last.font === font && last.level === levels[index]) last.text += char;
    else runs.push({ text: char, font, level: levels[index] });
  });
  const maxLevel = Math.max(0, ...runs.map((run) => run.level));
  for (let level = maxLevel; level >= 1; level -= 1) {
    let start = 0;
    while (start < runs.length) {
      if (runs[start].level < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end < runs.length && runs[end].level >= level) end += 1;
      runs.splice(start, end - start, ...runs.slice(start, end).reverse());
      start = end;
    }
  }
  return runs.map((run) => ({ text: run.text, font: run.font, rtl: run.level % 2 === 1 }));
}

/** What to hand the font for a piece: Arabic and Hebrew as written (the font shapes and reverses them), other right-to-left runs reversed and mirrored here. */
export function visualText(piece: Piece<unknown>): string {
  if (!piece.rtl || RTL.test(piece.text)) return piece.text;
  return Array.from(piece.text)
    .reverse()
    .map((char) => MIRRORED[char] ?? char)
    .join('');
}
