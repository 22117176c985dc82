import { localeFor } from '@/lib/i18n'

// One formatter per language and number of decimals: creating an Intl.NumberFormat costs far more than formatting, and a
// chart or a ranking formats hundreds of values.
const formatters = new Map<string, Intl.NumberFormat>()

/** Formats a measured value with the indicator's decimals (German: decimal comma). */
export function formatValue(value: number | null | undefined, decimals: number, lng: string): string {
  if (value === null || value === undefined) return ''
  const key = `${lng}|${decimals}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(localeFor(lng), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formatters.set(key, format)
  }
  return format.format(value)
}
