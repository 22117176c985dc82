import type { TFunction } from 'i18next'
import { localeFor } from '@/lib/i18n'

/** Arguments that are numbers even when the server sends them as invariant text. */
const NUMBER_ARGS = new Set(['numerator', 'denominator', 'min', 'max', 'lowest', 'highest', 'computed', 'fields'])

/**
 * What is wrong with a value (an import row error, or a value rule the entry grid checks itself) in the UI's language,
 * from its code and arguments. Numbers are written the local way; what a user typed stays as typed. The fallback (the
 * server's English message) serves codes this version of the app does not know.
 */
export function rowErrorText(
  t: TFunction,
  language: string,
  code: string,
  args: Record<string, string | number> | undefined,
  column: string,
  fallback?: string,
): string {
  const number = new Intl.NumberFormat(localeFor(language))
  const local: Record<string, string> = {}
  for (const [name, value] of Object.entries(args ?? {})) {
    const n = Number(value)
    local[name] = typeof value === 'number' ? number.format(value) : NUMBER_ARGS.has(name) && value !== '' && Number.isFinite(n) ? number.format(n) : value
  }
  return t(`indicators.import.rowError.${code}`, {
    ...local,
    column,
    context: args?.decimalComma === 'True' ? 'comma' : undefined,
    defaultValue: fallback ?? code,
  })
}
