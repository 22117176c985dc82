import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeetingDto } from '@/api'
import { makeMeetingSchema, toMeetingFormValues, toMeetingRequest } from './meeting-schema'

/** The night the clocks go back in Berlin: 02:30 summer time (00:30 UTC) and, an hour later, 02:30 winter time (01:30 UTC). */
const SUMMER = '2026-10-25T00:30:00Z'
const WINTER = '2026-10-25T01:30:00Z'
const t = ((key: string) => key) as unknown as Parameters<typeof makeMeetingSchema>[0]

describe('a meeting across the change of the clocks (Europe/Berlin)', () => {
  beforeEach(() => { vi.stubEnv('TZ', 'Europe/Berlin') })
  afterEach(() => { vi.unstubAllEnvs() })

  it('a meeting from 02:30 summer time to 02:30 winter time can be edited and saved with its times unchanged', () => {
    const meeting = { startsAt: SUMMER, endsAt: WINTER, title: 'Nachtsitzung', decisions: [], attendance: [], cancelled: false } as
      unknown as MeetingDto
    const values = { ...toMeetingFormValues(meeting), title: 'Nachtsitzung (verschoben?)' }
    expect(makeMeetingSchema(t, meeting).safeParse(values).success).toBe(true)
    expect(makeMeetingSchema(t).safeParse(values).success).toBe(false) // without the stored times: 02:30 to 02:30
    const request = toMeetingRequest(values, {}, meeting)
    expect([request.startsAt, request.endsAt]).toEqual([SUMMER, WINTER])
  })
})
