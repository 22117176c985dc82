import type { TFunction } from 'i18next'
import { z } from 'zod'
import { AddressType, LocationKind, ScheduleFrequency, type CreateLocationRequest, type Weekday } from '@/api'
import { minutesOf } from './components/opening-hours'

export const LOCATION_LIMITS = { name: 200, street: 200, postalCode: 20, city: 100, text: 4000 } as const

export interface HoursRow {
  days: string[]
  opensAt: string
  closesAt: string
}

export interface LocationFormValues {
  name: string
  street: string
  postalCode: string
  city: string
  latitude: string
  longitude: string
  spaceId: string
  ownerActorId: string
  stepFreeAccess: boolean
  accessibleToilet: boolean
  lift: boolean
  hearingLoop: boolean
  accessibilityDescription: string
  transportation: string
  hours: HoursRow[]
}

export const LOCATION_FORM_FIELDS = [
  'name', 'street', 'postalCode', 'city', 'latitude', 'longitude', 'spaceId', 'ownerActorId', 'accessibilityDescription', 'transportation',
  'hours',
] as const

export const emptyLocationForm: LocationFormValues = {
  name: '', street: '', postalCode: '', city: '', latitude: '', longitude: '', spaceId: '', ownerActorId: '', stepFreeAccess: false,
  accessibleToilet: false, lift: false, hearingLoop: false, accessibilityDescription: '', transportation: '',
  hours: [{ days: [], opensAt: '', closesAt: '' }],
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
const num = (v: string) => Number(v.trim().replace(',', '.'))

export function makeLocationSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  const coordinate = (limit: number, message: string) =>
    z.string().refine((v) => v.trim() === '' || (Number.isFinite(num(v)) && Math.abs(num(v)) <= limit), message)
  const hours = z
    .object({
      days: z.array(z.string()),
      opensAt: z.string().refine((v) => v === '' || TIME.test(v), t('inventory.form.time')),
      closesAt: z.string().refine((v) => v === '' || TIME.test(v), t('inventory.form.time')),
    })
    .superRefine((row, ctx) => {
      const empty = row.days.length === 0 && !row.opensAt && !row.closesAt
      if (empty) return
      if (row.days.length === 0) ctx.addIssue({ code: 'custom', message: t('inventory.form.daysRequired'), path: ['days'] })
      if (!row.opensAt) ctx.addIssue({ code: 'custom', message: t('validation.required'), path: ['opensAt'] })
      if (!row.closesAt) ctx.addIssue({ code: 'custom', message: t('validation.required'), path: ['closesAt'] })
      if (TIME.test(row.opensAt) && TIME.test(row.closesAt) && minutesOf(row.closesAt) <= minutesOf(row.opensAt))
        ctx.addIssue({ code: 'custom', message: t('inventory.form.timeOrder'), path: ['closesAt'] })
    })
  return z
    .object({
      name: z.string().trim().min(1, t('validation.required')).max(LOCATION_LIMITS.name, max(LOCATION_LIMITS.name)),
      street: z.string().trim().max(LOCATION_LIMITS.street, max(LOCATION_LIMITS.street)),
      postalCode: z.string().trim().max(LOCATION_LIMITS.postalCode, max(LOCATION_LIMITS.postalCode)),
      city: z.string().trim().max(LOCATION_LIMITS.city, max(LOCATION_LIMITS.city)),
      latitude: coordinate(90, t('inventory.form.latitude')),
      longitude: coordinate(180, t('inventory.form.longitude')),
      spaceId: z.string(),
      ownerActorId: z.string(),
      stepFreeAccess: z.boolean(),
      accessibleToilet: z.boolean(),
      lift: z.boolean(),
      hearingLoop: z.boolean(),
      accessibilityDescription: z.string().max(LOCATION_LIMITS.text, max(LOCATION_LIMITS.text)),
      transportation: z.string().max(LOCATION_LIMITS.text, max(LOCATION_LIMITS.text)),
      hours: z.array(hours),
    })
    .refine((v) => (v.latitude.trim() === '') === (v.longitude.trim() === ''), { message: t('inventory.form.bothCoordinates'),
      path: ['longitude'] })
    .refine((v) => (v.street.trim() === '' && v.city.trim() === '' && v.postalCode.trim() === '') || (v.street.trim() !== ''
      && v.city.trim() !== ''
      && v.postalCode.trim() !== ''), { message: t('validation.required'), path: ['city'] }) satisfies z.ZodType<LocationFormValues>
}

const orUndefined = (v: string) => (v.trim() === '' ? undefined : v.trim())

export function toLocationRequest(v: LocationFormValues): CreateLocationRequest {
  return {
    name: v.name.trim(),
    kind: LocationKind.Physical,
    latitude: v.latitude.trim() ? num(v.latitude) : undefined,
    longitude: v.longitude.trim() ? num(v.longitude) : undefined,
    spaceId: orUndefined(v.spaceId),
    ownerActorId: orUndefined(v.ownerActorId),
    transportation: orUndefined(v.transportation),
    accessibility: {
      stepFreeAccess: v.stepFreeAccess, accessibleToilet: v.accessibleToilet, lift: v.lift, hearingLoop: v.hearingLoop,
      description: orUndefined(v.accessibilityDescription),
    },
    addresses: v.street.trim()
      ? [{ type: AddressType.Physical, address1: v.street.trim(), postalCode: v.postalCode.trim(), city: v.city.trim() }]
      : [],
    openingHours: v.hours
      .filter((h) => h.days.length > 0)
      .map((h) => ({ frequency: ScheduleFrequency.Weekly, days: h.days as Weekday[], opensAt: h.opensAt, closesAt: h.closesAt })),
  }
}
