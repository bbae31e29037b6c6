const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London' });
const numberFormat = new Intl.NumberFormat('en-GB');

/** A date (ISO string or Date) in en-GB form, e.g. "04/03/2026"; unparseable input is returned as is. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dateFormat.format(date);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
