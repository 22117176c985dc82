import { Weekday, type ClosureEntry, type OpeningHoursRule } from '@/api'
import { today } from '@/lib/format'

export const WEEKDAYS = [
  Weekday.Monday,
  Weekday.Tuesday,
  Weekday.Wednesday,
  Weekday.Thursday,
  Weekday.Friday,
  Weekday.Saturday,
  Weekday.Sunday,
] as const

export interface Interval {
  opensAt: string
  closesAt: string
  description?: string
}

/** Minutes since midnight of "HH:mm" (24:00 allowed as the end of the day). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h || 0) * 60 + (m || 0)
}

/**
 * The weekly rules valid on `on` as intervals per weekday, sorted by start; rules without days, times or of another
 * frequency are left out (the list below the week names them).
 */
export function weekOf(rules: readonly OpeningHoursRule[], on = today()): Map<Weekday, Interval[]> {
  const week = new Map<Weekday, Interval[]>(WEEKDAYS.map((d) => [d, []]))
  for (const rule of rules) {
    if (rule.frequency && rule.frequency !== 'weekly') continue
    if (!rule.opensAt || !rule.closesAt) continue
    if (rule.validFrom && rule.validFrom > on) continue
    if (rule.validTo && rule.validTo < on) continue
    for (const day of rule.days ?? []) week.get(day)?.push({ opensAt: rule.opensAt, closesAt: rule.closesAt,
      description: rule.description })
  }
  for (const intervals of week.values()) intervals.sort((a, b) => minutesOf(a.opensAt) - minutesOf(b.opensAt))
  return week
}

/** Closures that have not ended yet, soonest first. */
export function upcomingClosures(closures: readonly ClosureEntry[], on = today()): ClosureEntry[] {
  return closures.filter((c) => (c.endsOn ?? c.startsOn) >= on).sort((a, b) => a.startsOn.localeCompare(b.startsOn))
}
