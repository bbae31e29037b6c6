import { formatDay } from '@waymark/domain';

const numberFormat = new Intl.NumberFormat('en-GB');

/** A day or an instant as the day it is in England, e.g. "04/03/2026"; unreadable input is returned as is. */
export function formatDate(value: string | Date | null | undefined): string {
  return formatDay(value);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
