import type { TFunction } from 'i18next'
import { z } from '@/lib/zod'
import type { Attendance, CreateMeetingRequest, MeetingDto } from '@/api'
import { fromDateTimeLocalKeeping, toDateTimeLocal } from '@/lib/format'

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

/** The meeting's times as instants: a field left as the stored meeting shows it keeps the stored instant. */
function instants(v: Pick<MeetingFormValues, 'startsAt' | 'endsAt'>, stored?: Pick<MeetingDto, 'startsAt' | 'endsAt'>) {
  return { startsAt: fromDateTimeLocalKeeping(v.startsAt, stored?.startsAt), endsAt: fromDateTimeLocalKeeping(v.endsAt, stored?.endsAt) }
}

/** The form's rules; `stored`: the meeting being edited, whose times may repeat as local text (DST). */
export function makeMeetingSchema(t: TFunction, stored?: Pick<MeetingDto, 'startsAt' | 'endsAt'>) {
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
    .refine((v) => {
      if (!v.startsAt || !v.endsAt) return true
      const { startsAt, endsAt } = instants(v, stored)
      return !startsAt || !endsAt || new Date(endsAt).getTime() > new Date(startsAt).getTime()
    }, { path: ['endsAt'], message: t('meetings.form.endAfterStart') }) satisfies z.ZodType<MeetingFormValues>
}

export type AttendanceChoice = Attendance | ''

export function toMeetingRequest(v: MeetingFormValues, attendance: Record<string, AttendanceChoice>,
  stored?: Pick<MeetingDto, 'startsAt' | 'endsAt'>): CreateMeetingRequest {
  const orUndefined = (s: string) => (s.trim() === '' ? undefined : s.trim())
  return {
    title: orUndefined(v.title),
    ...instants(v, stored),
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
