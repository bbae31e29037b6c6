/**
 * Design tokens. Every text/background pair used by the stylesheet is listed in `TEXT_PAIRS` and
 * checked against WCAG 2.2 AA (4.5:1) by the tests, so a colour change cannot silently fail contrast.
 */
export const colors = {
  text: '#1b1f24',
  textMuted: '#4a5461',
  background: '#f4f6f9',
  surface: '#ffffff',
  surfaceAlt: '#eef2f6',
  border: '#c5ccd6',
  borderStrong: '#6b7684',
  brand: '#0b4f71',
  brandDark: '#083a54',
  brandTint: '#e3eff6',
  onBrand: '#ffffff',
  header: '#14213d',
  onHeader: '#ffffff',
  headerFocus: '#ffd166',
  focus: '#14213d',
  link: '#0b4f71',
  error: '#a4271d',
  errorTint: '#fbeceb',
  success: '#1d6b38',
  successTint: '#e8f4ec',
  bar: '#0b4f71',
  /** The second series of a stacked bar (e.g. "in progress"), drawn striped so it never relies on colour alone. */
  barAlt: '#c26a00',
  barTrack: '#dfe5ec',
} as const;

export const space = {
  xs: '0.25rem',
  sm: '0.5rem',
  md: '1rem',
  lg: '1.5rem',
  xl: '2.5rem',
} as const;

export const radius = '6px';
export const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

export type ColorName = keyof typeof colors;

/** Text colour on background colour, for every combination the stylesheet uses. */
export const TEXT_PAIRS: readonly [ColorName, ColorName][] = [
  ['text', 'background'],
  ['text', 'surface'],
  ['text', 'surfaceAlt'],
  ['text', 'brandTint'],
  ['textMuted', 'background'],
  ['textMuted', 'surface'],
  ['textMuted', 'surfaceAlt'],
  ['onBrand', 'brand'],
  ['onBrand', 'brandDark'],
  ['onHeader', 'header'],
  ['brand', 'surface'],
  ['brand', 'brandTint'],
  ['link', 'surface'],
  ['link', 'background'],
  ['error', 'surface'],
  ['error', 'errorTint'],
  ['text', 'errorTint'],
  ['success', 'successTint'],
  ['text', 'successTint'],
];

/** Focus rings and bars are non-text UI: they need 3:1 against what surrounds them. */
export const NON_TEXT_PAIRS: readonly [ColorName, ColorName][] = [
  ['focus', 'surface'],
  ['focus', 'background'],
  ['headerFocus', 'header'],
  ['bar', 'surface'],
  ['barAlt', 'surface'],
  ['barAlt', 'barTrack'],
  ['borderStrong', 'surface'],
];

function channel(hex: string, offset: number): number {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** The WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(foreground: string, background: string): number {
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
