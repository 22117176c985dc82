import { localeFor } from './i18n'

/** Formats a `yyyy-MM-dd` date (or an ISO instant) for display, without time-zone shifts for plain dates. */
export function formatDate(value: string | null | undefined, lng: string): string {
  if (!value) return ''
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const date = plain ? new Date(Date.UTC(+plain[1], +plain[2] - 1, +plain[3])) : new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(localeFor(lng), {
    dateStyle: 'medium',
    ...(plain ? { timeZone: 'UTC' } : {}),
  }).format(date)
}

export function formatDateTime(value: string | null | undefined, lng: string): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(localeFor(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function formatNumber(value: number | null | undefined, lng: string): string {
  if (value === null || value === undefined) return ''
  return new Intl.NumberFormat(localeFor(lng)).format(value)
}

/** Today's date as `yyyy-MM-dd` in local time. */
export function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
