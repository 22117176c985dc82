/**
 * Periods as the API writes them: a year `2024`, a half `2024-H1`, a quarter `2024-Q2` or a month `2024-05`.
 * The one pattern the app checks them with (the API's own rule lives in Domain/Indicators/Period).
 */
export const PERIOD_PATTERN = /^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/

/** Whether `value` is a period the API accepts (no surrounding spaces). */
export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value)
}
