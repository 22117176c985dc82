import { localeFor } from '@/lib/i18n'

/** Formats a measured value with the indicator's decimals (German: decimal comma). */
export function formatValue(value: number | null | undefined, decimals: number, lng: string): string {
  if (value === null || value === undefined) return ''
  return new Intl.NumberFormat(localeFor(lng), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value)
}
