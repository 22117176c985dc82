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

const pad2 = (n: number) => String(n).padStart(2, '0')

/** An ISO instant → the value of an `<input type="datetime-local">` in local time (`yyyy-MM-ddTHH:mm`). */
export function toDateTimeLocal(value: string | null | undefined): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`
}

/** The value of an `<input type="datetime-local">` (local time) → ISO instant in UTC; '' when empty or invalid. */
export function fromDateTimeLocal(value: string): string {
  if (!value) return ''
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? '' : d.toISOString()
}

/**
 * The instant an `<input type="datetime-local">` means, keeping `original` when the field still shows
 * it: local time cannot say which of the two 02:30 of the night the clocks go back is meant (a meeting from 02:30 summer
 * time to 02:30 winter time shows the same text twice), so a field left as it was keeps its instant exactly.
 */
export function fromDateTimeLocalKeeping(value: string, original: string | null | undefined): string {
  return original && toDateTimeLocal(original) === value ? original : fromDateTimeLocal(value)
}

/** Share 0..1 as a whole percentage in the UI language ("83 %"). */
export function formatPercent(share: number | null | undefined, lng: string): string {
  if (share === null || share === undefined) return ''
  return new Intl.NumberFormat(localeFor(lng), { style: 'percent', maximumFractionDigits: 0 }).format(share)
}

/**
 * From one time to another ("14:30–16:30"); across a change of the clocks each time names its zone
 * ("02:30 MESZ–02:30 MEZ"), as the same local time can then stand for two instants.
 */
export function formatTimeRange(start: string, end: string, lng: string): string {
  const [from, to] = [new Date(start), new Date(end)]
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from.getTimezoneOffset() === to.getTimezoneOffset())
    return `${formatTime(start, lng)}–${formatTime(end, lng)}`
  const zoned = new Intl.DateTimeFormat(localeFor(lng), { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
  return `${zoned.format(from)}–${zoned.format(to)}`
}

/** Time only ("14:30"). */
export function formatTime(value: string | null | undefined, lng: string): string {
  if (!value) return ''
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(localeFor(lng), { timeStyle: 'short' }).format(date)
}
