import type { TFunction } from 'i18next'
import { z } from '@/lib/zod'
import type { Attendance, CreateMeetingRequest, MeetingDto } from '@/api'
import { fromDateTimeLocal, toDateTimeLocal } from '@/lib/format'

/** Limits mirrored from the API contract (CreateMeetingRequest / UpdateMeetingRequest). */
export const MEETING_LIMITS = {
  title: 200,
  location: 500,
  agenda: 10_000,
  minutes: 100_000,
  decisions: 50,
  decision: 2000,
} as const

export interface MeetingFormValues {
  title: string
  startsAt: string
  endsAt: string
  location: string
  cancelled: boolean
  agenda: string
  minutes: string
  decisions: { text: string }[]
}

/** Form fields server errors can land on (decision rows included). */
export function meetingFormFields(decisionCount: number): string[] {
  return [
    'title',
    'startsAt',
    'endsAt',
    'location',
    'cancelled',
    'agenda',
    'minutes',
    'decisions',
    ...Array.from({ length: decisionCount }, (_, i) => `decisions.${i}.text`),
  ]
}

export function makeMeetingSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  return z
    .object({
      title: z.string().trim().max(MEETING_LIMITS.title, max(MEETING_LIMITS.title)),
      startsAt: z.string().min(1, t('validation.required')),
      endsAt: z.string().min(1, t('validation.required')),
      location: z.string().trim().max(MEETING_LIMITS.location, max(MEETING_LIMITS.location)),
      cancelled: z.boolean(),
      agenda: z.string().max(MEETING_LIMITS.agenda, max(MEETING_LIMITS.agenda)),
      minutes: z.string().max(MEETING_LIMITS.minutes, max(MEETING_LIMITS.minutes)),
      decisions: z
        .array(z.object({ text: z.string().max(MEETING_LIMITS.decision, max(MEETING_LIMITS.decision)) }))
        .max(MEETING_LIMITS.decisions, t('meetings.form.tooManyDecisions', { max: MEETING_LIMITS.decisions })),
    })
    .refine((v) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt,
      { path: ['endsAt'], message: t('meetings.form.endAfterStart') }) satisfies z.ZodType<MeetingFormValues>
}

export type AttendanceChoice = Attendance | ''

export function toMeetingRequest(v: MeetingFormValues, attendance: Record<string, AttendanceChoice>): CreateMeetingRequest {
  const orUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim())
  return {
    title: orUndefined(v.title),
    startsAt: fromDateTimeLocal(v.startsAt),
    endsAt: fromDateTimeLocal(v.endsAt),
    location: orUndefined(v.location),
    cancelled: v.cancelled,
    agenda: v.agenda.trim() ? v.agenda : undefined,
    minutes: v.minutes.trim() ? v.minutes : undefined,
    decisions: v.decisions.map((d) => d.text.trim()).filter(Boolean),
    attendance: Object.entries(attendance)
      .filter(([, a]) => a !== '')
      .map(([memberId, a]) => ({ memberId, attendance: a as Attendance })),
  }
}

export function toMeetingFormValues(m: MeetingDto): MeetingFormValues {
  return {
    title: m.title ?? '',
    startsAt: toDateTimeLocal(m.startsAt),
    endsAt: toDateTimeLocal(m.endsAt),
    location: m.location ?? '',
    cancelled: m.cancelled,
    agenda: m.agenda ?? '',
    minutes: m.minutes ?? '',
    decisions: m.decisions.map((text) => ({ text })),
  }
}
