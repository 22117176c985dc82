import type { FundingDto } from '@/api'
import { today } from '@/lib/format'

const DAY = 86_400_000
const time = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** Days from `on` to `date` (negative: in the past). */
export function daysUntil(date: string, on = today()): number {
  return Math.round((time(date) - time(on)) / DAY)
}

/** Whether a funding ends within `days` from today (and has not ended). */
export function endsSoon(f: Pick<FundingDto, 'endsOn'>, days = 183): boolean {
  if (!f.endsOn) return false
  const left = daysUntil(f.endsOn)
  return left >= 0 && left <= days
}
