import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatTimeRange, fromDateTimeLocalKeeping, toDateTimeLocal } from './format'

/** The night the clocks go back in Berlin: 02:30 summer time (00:30 UTC) and, an hour later, 02:30 winter time (01:30 UTC). */
const SUMMER = '2026-10-25T00:30:00Z'
const WINTER = '2026-10-25T01:30:00Z'

describe('local times across a change of the clocks (Europe/Berlin)', () => {
  beforeEach(() => { vi.stubEnv('TZ', 'Europe/Berlin') })
  afterEach(() => { vi.unstubAllEnvs() })

  it('the two instants read the same local time, and a range names their zones', () => {
    expect(toDateTimeLocal(SUMMER)).toBe('2026-10-25T02:30')
    expect(toDateTimeLocal(WINTER)).toBe('2026-10-25T02:30')
    expect(formatTimeRange(SUMMER, WINTER, 'de')).toBe('02:30 MESZ–02:30 MEZ')
    expect(formatTimeRange('2026-10-26T13:30:00Z', '2026-10-26T15:30:00Z', 'de')).toBe('14:30–16:30')
  })

  it('a field left as the stored meeting shows it keeps the stored instant; a changed one is read anew', () => {
    expect(fromDateTimeLocalKeeping('2026-10-25T02:30', WINTER)).toBe(WINTER)
    expect(new Date(fromDateTimeLocalKeeping('2026-10-25T04:00', WINTER)).toISOString()).toBe('2026-10-25T03:00:00.000Z')
  })
})
