import type { TFunction } from 'i18next'
import { isNumberText, numberOf } from '@/lib/numbers'
import { z } from '@/lib/zod'
import { CapacityUnit, type CapacityEntryDto, type RecordCapacityRequest } from '@/api'

/** Limits mirrored from the contract (RecordCapacityRequest). */
export const CAPACITY_LIMITS = { maximum: 1_000_000_000, note: 1000 } as const
export const CAPACITY_UNITS = Object.values(CapacityUnit) as CapacityUnit[]

export interface CapacityFormValues {
  locationId: string
  unit: string
  maximum: string
  available: string
  asOf: string
  note: string
}

export const CAPACITY_FORM_FIELDS = ['locationId', 'unit', 'maximum', 'available', 'asOf', 'note'] as const

// numbers as the UI language writes them (lib/numbers): German 1.500 is fifteen hundred
const isNumber = (v: string) => isNumberText(v)
const toNumber = (v: string) => numberOf(v) ?? Number.NaN

export function makeCapacitySchema(t: TFunction) {
  return z
    .object({
      locationId: z.string().min(1, t('inventory.capacity.locationRequired')),
      unit: z.string().refine((v) => (CAPACITY_UNITS as string[]).includes(v), t('validation.required')),
      maximum: z.string().refine((v) => v.trim() === '' || isNumber(v), t('validation.number'))
        .refine((v) => isNumber(v) ? toNumber(v) >= 0 && toNumber(v) <= CAPACITY_LIMITS.maximum : v.trim() !== '',
          t('inventory.capacity.maximumRange')),
      available: z.string().refine((v) => v.trim() === '' || isNumber(v), t('validation.number'))
        .refine((v) => !isNumber(v) || toNumber(v) >= 0, t('inventory.capacity.availableRange')),
      asOf: z.string().min(1, t('validation.required')),
      note: z.string().max(CAPACITY_LIMITS.note, t('validation.maxLength', { max: CAPACITY_LIMITS.note })),
    })
    .refine((v) => !isNumber(v.available) || !isNumber(v.maximum) || toNumber(v.available) <= toNumber(v.maximum), {
      message: t('inventory.capacity.availableAboveMaximum'),
      path: ['available'],
    }) satisfies z.ZodType<CapacityFormValues>
}

export function toCapacityRequest(v: CapacityFormValues): RecordCapacityRequest {
  return {
    locationId: v.locationId,
    unit: v.unit as CapacityUnit,
    maximum: toNumber(v.maximum),
    available: numberOf(v.available),
    asOf: v.asOf,
    note: v.note.trim() || undefined,
  }
}

/** Share of the maximum in use (0–100), when the entry says what is available. */
export function utilisation(e: Pick<CapacityEntryDto, 'maximum' | 'available'>): number | undefined {
  if (e.available == null || e.maximum <= 0) return undefined
  return Math.round(((e.maximum - e.available) / e.maximum) * 1000) / 10
}

export interface CapacitySeries {
  key: string
  locationId: string
  unit: CapacityUnit
  entries: CapacityEntryDto[]
}

/** The history per location and unit, oldest first (one line of the chart each). */
export function capacitySeries(entries: readonly CapacityEntryDto[]): CapacitySeries[] {
  const map = new Map<string, CapacitySeries>()
  for (const e of [...entries].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
    const key = `${e.locationId}|${e.unit}`
    const series = map.get(key) ?? { key, locationId: e.locationId, unit: e.unit, entries: [] }
    series.entries.push(e)
    map.set(key, series)
  }
  return [...map.values()]
}
