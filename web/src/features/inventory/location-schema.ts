import type { TFunction } from 'i18next'
import { numberForInput, parseCoordinate } from '@/lib/numbers'
import { z } from '@/lib/zod'
import {
  AddressType,
  ClosureKind,
  LocationKind,
  ScheduleFrequency,
  type CreateLocationRequest,
  type LocationDto,
  type OpeningHoursRule,
  type UpdateLocationRequest,
  type Weekday,
} from '@/api'
import { minutesOf } from './components/opening-hours'

export const LOCATION_LIMITS = { name: 200, street: 200, postalCode: 20, city: 100, text: 4000, reason: 500 } as const

export interface HoursRow {
  days: string[]
  opensAt: string
  closesAt: string
  /** The rule as loaded (edit): what the form does not show (valid from/to, notes, RFC 5545 fields) is sent back unchanged. */
  kept?: OpeningHoursRule
}

/** A closure: a holiday or another day or range of days (inclusive) when the facility is closed. */
export interface ClosureRow {
  kind: string
  startsOn: string
  endsOn: string
  reason: string
}

export const CLOSURE_KINDS = Object.values(ClosureKind) as ClosureKind[]
export const emptyClosureRow: ClosureRow = { kind: ClosureKind.Holiday, startsOn: '', endsOn: '', reason: '' }

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
  closures: ClosureRow[]
}

export const LOCATION_FORM_FIELDS = [
  'name', 'street', 'postalCode', 'city', 'latitude', 'longitude', 'spaceId', 'ownerActorId', 'accessibilityDescription', 'transportation',
  'hours', 'closures',
] as const

export const emptyLocationForm: LocationFormValues = {
  name: '', street: '', postalCode: '', city: '', latitude: '', longitude: '', spaceId: '', ownerActorId: '', stepFreeAccess: false,
  accessibleToilet: false, lift: false, hearingLoop: false, accessibilityDescription: '', transportation: '',
  hours: [{ days: [], opensAt: '', closesAt: '' }],
  closures: [],
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
// coordinates with either decimal mark (lib/numbers): 50,05 typed the German way, 50.05 copied from a map
const num = (v: string) => { const n = parseCoordinate(v); return typeof n === 'number' ? n : Number.NaN }
const isCoordinate = (v: string) => typeof parseCoordinate(v) === 'number'

export function makeLocationSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  const coordinate = (limit: number, message: string) => z.string()
    .refine((v) => v.trim() === '' || isCoordinate(v), t('validation.number'))
    .refine((v) => !isCoordinate(v) || Math.abs(num(v)) <= limit, message)
  const hours = z
    .object({
      days: z.array(z.string()),
      opensAt: z.string().refine((v) => v === '' || TIME.test(v), t('inventory.form.time')),
      closesAt: z.string().refine((v) => v === '' || TIME.test(v), t('inventory.form.time')),
      kept: z.custom<OpeningHoursRule>().optional(),
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
  const closure = z
    .object({
      kind: z.string().refine((v) => (CLOSURE_KINDS as string[]).includes(v), t('validation.required')),
      startsOn: z.string().min(1, t('validation.required')),
      endsOn: z.string(),
      reason: z.string().max(LOCATION_LIMITS.reason, max(LOCATION_LIMITS.reason)),
    })
    .refine((c) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn, { message: t('validation.endBeforeStart'), path: ['endsOn'] })
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
      closures: z.array(closure),
    })
    .refine((v) => (v.latitude.trim() === '') === (v.longitude.trim() === ''), { message: t('inventory.form.bothCoordinates'),
      path: ['longitude'] })
    .refine((v) => (v.street.trim() === '' && v.city.trim() === '' && v.postalCode.trim() === '') || (v.street.trim() !== ''
      && v.city.trim() !== ''
      && v.postalCode.trim() !== ''), { message: t('validation.required'), path: ['city'] }) satisfies z.ZodType<LocationFormValues>
}

const orUndefined = (v: string) => (v.trim() === '' ? undefined : v.trim())

/**
 * Form values → request body. On edit, `existing` keeps what the form does not show (languages, contacts, further
 * addresses, validity, external ids, …): the API replaces a location as a whole on PUT.
 */
export function toLocationRequest(v: LocationFormValues, existing?: LocationDto): CreateLocationRequest & UpdateLocationRequest {
  const street = v.street.trim()
    ? [{ ...existing?.addresses[0], type: existing?.addresses[0]?.type ?? AddressType.Physical, address1: v.street.trim(),
        postalCode: v.postalCode.trim(), city: v.city.trim() }]
    : []
  return {
    ...(existing ? keptLocationFields(existing) : {}),
    name: v.name.trim(),
    kind: existing?.kind ?? LocationKind.Physical,
    latitude: v.latitude.trim() ? num(v.latitude) : undefined,
    longitude: v.longitude.trim() ? num(v.longitude) : undefined,
    spaceId: orUndefined(v.spaceId),
    ownerActorId: orUndefined(v.ownerActorId),
    transportation: orUndefined(v.transportation),
    accessibility: {
      ...existing?.accessibility,
      stepFreeAccess: v.stepFreeAccess, accessibleToilet: v.accessibleToilet, lift: v.lift, hearingLoop: v.hearingLoop,
      description: orUndefined(v.accessibilityDescription),
    },
    addresses: [...street, ...(existing?.addresses.slice(1) ?? [])],
    openingHours: v.hours
      .filter((h) => h.days.length > 0)
      .map((h) => ({ ...h.kept, frequency: h.kept?.frequency ?? ScheduleFrequency.Weekly, days: h.days as Weekday[], opensAt: h.opensAt,
        closesAt: h.closesAt })),
    closures: v.closures.map((c) => ({ kind: c.kind as ClosureKind, startsOn: c.startsOn, endsOn: orUndefined(c.endsOn),
      reason: orUndefined(c.reason) })),
  }
}

/** What an edit keeps unchanged from the loaded location. */
function keptLocationFields(l: LocationDto): Partial<UpdateLocationRequest> {
  return {
    alternateName: l.alternateName, description: l.description, url: l.url, externalIdentifier: l.externalIdentifier,
    externalIdentifierType: l.externalIdentifierType, externalId: l.externalId, languages: l.languages, contacts: l.contacts,
    phones: l.phones, validFrom: l.validFrom, validTo: l.validTo,
  }
}

/** A loaded location as form values; a space derived from the coordinates stays "derive" so new coordinates place it anew. */
export function toLocationFormValues(l: LocationDto): LocationFormValues {
  const address = l.addresses[0]
  const weekly = l.openingHours.map((rule) => ({ days: [...(rule.days ?? [])], opensAt: rule.opensAt ?? '', closesAt: rule.closesAt ?? '',
    kept: rule }))
  return {
    name: l.name,
    street: address?.address1 ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    latitude: numberForInput(l.latitude),
    longitude: numberForInput(l.longitude),
    spaceId: l.spaceSource === 'derived' ? '' : (l.spaceId ?? ''),
    ownerActorId: l.ownerActorId ?? '',
    stepFreeAccess: l.accessibility.stepFreeAccess ?? false,
    accessibleToilet: l.accessibility.accessibleToilet ?? false,
    lift: l.accessibility.lift ?? false,
    hearingLoop: l.accessibility.hearingLoop ?? false,
    accessibilityDescription: l.accessibility.description ?? '',
    transportation: l.transportation ?? '',
    hours: weekly.length > 0 ? weekly : [{ days: [], opensAt: '', closesAt: '' }],
    closures: l.closures.map((c) => ({ kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn ?? '', reason: c.reason ?? '' })),
  }
}
