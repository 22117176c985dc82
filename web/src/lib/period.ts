import { useTranslation } from 'react-i18next'
import { formatDate } from './format'

/**
 * Reporting periods as the API writes them: a year `2024`, a half `2024-H1`, a quarter `2024-Q2` or a month `2024-05`.
 * The one pattern the app checks them with (the API's own rule lives in Domain/Indicators/Period).
 */
export const PERIOD_PATTERN = /^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/

/** Whether `value` is a period the API accepts (no surrounding spaces). */
export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value)
}

/**
 * A validity period in words, in the UI language: "01.01.2024 bis 31.12.2025", "seit 01.01.2024", "bis 31.12.2025",
 * or `none` when neither end is known (membership, relation, network, space). Dates are `yyyy-MM-dd`.
 */
export function useDateRangeText() {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  return (from: string | null | undefined, to: string | null | undefined, none: string = t('common.notSpecified')): string => {
    if (from && to) return t('common.fromTo', { from: formatDate(from, lng), to: formatDate(to, lng) })
    if (from) return t('common.since', { from: formatDate(from, lng) })
    if (to) return t('common.until', { to: formatDate(to, lng) })
    return none
  }
}

/** The periods from `a` to `b`: every year between two years (at most 12, the latest), otherwise the two periods. */
export function periodRange(a: string, b: string): string[] {
  if (/^\d{4}$/.test(a) && /^\d{4}$/.test(b)) {
    const [from, to] = [Number(a), Number(b)].sort((x, y) => x - y)
    return Array.from({ length: to - from + 1 }, (_, i) => String(from + i)).slice(-12)
  }
  return a === b ? [a] : [a, b].sort()
}
