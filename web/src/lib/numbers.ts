import i18n from './i18n'

/** A number field's text read: the number, `undefined` when the field is empty, `'invalid'` when it is no number. */
export type ParsedNumber = number | undefined | 'invalid'

const SIGN = '[+\\-\\u2212]?'
const SPACES = '[ \\u00a0\\u202f]'

/** Per language: thousands grouped by its group mark (or spaces), then its decimal mark and the fraction. */
function numberPattern(group: string, decimal: string): RegExp {
  const grouped = (mark: string) => `[1-9]\\d{0,2}(?:${mark}\\d{3})+`
  const whole = `(?:${grouped(group)}|${grouped(SPACES)}|\\d+)`
  return new RegExp(`^${SIGN}(?:${whole}(?:${decimal}\\d+)?|${decimal}\\d+)$`)
}

const GERMAN = numberPattern('\\.', ',')
const ENGLISH = numberPattern(',', '\\.')

/**
 * Reads a number as a person types or pastes it into any number field of the app, the way the UI language writes
 * numbers (the language, not the browser, decides; the app displays numbers the same way):
 *
 * - German (de): '.' groups thousands, ',' is the decimal mark: "1.234,5" = 1234.5, "1.234" = 1234, "12,5" = 12.5.
 * - English (en): ',' groups thousands, '.' is the decimal mark: "1,234.5" = 1234.5, "1,234" = 1234, "12.5" = 12.5.
 *
 * A group mark must stand between groups of exactly three digits after a first group of one to three ("1.234.567");
 * anything else is no number rather than a guess: "1.23" or "0.123" in German (nor 1.23 neither 123), "1,23" in English.
 * Spaces may group thousands as well ("10 000"); a leading sign is allowed, surrounding spaces are ignored.
 */
export function parseNumber(text: string, lng: string = i18n.language): ParsedNumber {
  const s = text.trim()
  if (s === '') return undefined
  const english = lng === 'en'
  if (!(english ? ENGLISH : GERMAN).test(s)) return 'invalid'
  const plain = s
    .replace(/[ \u00a0\u202f]/g, '')
    .replace(english ? /,/g : /\./g, '')
    .replace(',', '.')
    .replace('\u2212', '-')
  return Number(plain)
}

const COORDINATE = /^[+\-\u2212]?\d{1,3}(?:[.,]\d+)?$/

/**
 * Reads a coordinate (degrees of latitude or longitude). A coordinate never reaches 1.000, so a single '.' or ',' is its
 * decimal mark in either language: "52,3978" typed the German way and "52.3978" copied from a map both read 52.3978,
 * as the spreadsheet import reads them.
 */
export function parseCoordinate(text: string): ParsedNumber {
  const s = text.trim()
  if (s === '') return undefined
  return COORDINATE.test(s) ? Number(s.replace(',', '.').replace('\u2212', '-')) : 'invalid'
}

/** True when the text is a number in the UI language (see {@link parseNumber}); false when it is empty or no number. */
export function isNumberText(text: string, lng?: string): boolean {
  return typeof parseNumber(text, lng) === 'number'
}

/** The number a field holds, undefined when it is empty or holds no number (for form values checked before). */
export function numberOf(text: string, lng?: string): number | undefined {
  const n = parseNumber(text, lng)
  return typeof n === 'number' ? n : undefined
}

/**
 * A number as the text of an input field, written the way {@link parseNumber} reads it back in the UI language:
 * the language's decimal mark, no thousands grouping, every digit kept ("1250.5" → "1250,5" in German).
 */
export function numberForInput(value: number | null | undefined, lng: string = i18n.language): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  const text = plainDigits(value)
  return lng === 'en' ? text : text.replace('.', ',')
}

/** The shortest digits that read back as the value, without an exponent (1e-7 → "0.0000001"). */
function plainDigits(value: number): string {
  const text = String(value)
  if (!/e/i.test(text)) return text
  return new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 20 }).format(value)
}
