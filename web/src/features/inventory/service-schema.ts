import type { TFunction } from 'i18next'
import { isNumberText, numberForInput, numberOf } from '@/lib/numbers'
import { z } from '@/lib/zod'
import {
  RenewalStatus,
  ServiceStatus,
  type CreateFundingRequest,
  type CreateServiceRequest,
  type ServiceDto,
  type UpdateServiceRequest,
} from '@/api'

/** Limits mirrored from the contract (CreateServiceRequest, CreateFundingRequest). */
export const SERVICE_LIMITS = { name: 200, description: 4000, text: 2000, programme: 200, age: 150 } as const

export const SERVICE_STATUSES = Object.values(ServiceStatus) as ServiceStatus[]
export const RENEWAL_STATUSES = Object.values(RenewalStatus) as RenewalStatus[]

/** A funding row of the editor (new fundings only; recorded ones are listed beside it). */
export interface FundingRow {
  funderActorId: string
  programme: string
  sharePercent: string
  amountPerYear: string
  startsOn: string
  endsOn: string
  renewalStatus: string
}

export interface ServiceFormValues {
  name: string
  description: string
  status: string
  operatorId: string
  categories: string[]
  targetGroups: string[]
  minimumAge: string
  maximumAge: string
  applicationProcess: string
  isFree: boolean
  locationIds: string[]
  networkIds: string[]
  fundings: FundingRow[]
}

export const SERVICE_FORM_FIELDS = [
  'name',
  'description',
  'status',
  'operatorId',
  'categories',
  'targetGroups',
  'minimumAge',
  'maximumAge',
  'applicationProcess',
  'locationIds',
  'networkIds',
] as const satisfies readonly (keyof ServiceFormValues)[]

export const emptyFundingRow: FundingRow = {
  funderActorId: '',
  programme: '',
  sharePercent: '',
  amountPerYear: '',
  startsOn: '',
  endsOn: '',
  renewalStatus: RenewalStatus.Open,
}

export const emptyServiceForm: ServiceFormValues = {
  name: '',
  description: '',
  status: ServiceStatus.Active,
  operatorId: '',
  categories: [],
  targetGroups: [],
  minimumAge: '',
  maximumAge: '',
  applicationProcess: '',
  isFree: false,
  locationIds: [],
  networkIds: [],
  fundings: [],
}

// numbers as the UI language writes them (lib/numbers): a text that is no number says how to write one, a number out of
// range says the range
const isNumber = (v: string) => isNumberText(v)
const toNumber = (v: string) => numberOf(v) ?? Number.NaN
const emptyOrNumber = (v: string) => v.trim() === '' || isNumber(v)
const inRange = (ok: (n: number) => boolean) => (v: string) => !isNumber(v) || ok(toNumber(v))

export function makeServiceSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  const age = z.string().refine(emptyOrNumber, t('validation.wholeNumber'))
    .refine(inRange((n) => Number.isInteger(n) && n >= 0 && n <= SERVICE_LIMITS.age),
      t('inventory.form.ageRange', { max: SERVICE_LIMITS.age }))
  const funding = z
    .object({
      funderActorId: z.string().min(1, t('inventory.form.funderRequired')),
      programme: z.string().trim().max(SERVICE_LIMITS.programme, max(SERVICE_LIMITS.programme)),
      sharePercent: z.string().refine(emptyOrNumber, t('validation.number'))
        .refine(inRange((n) => n > 0 && n <= 100), t('inventory.form.checkShare')),
      amountPerYear: z.string().refine(emptyOrNumber, t('validation.number'))
        .refine(inRange((n) => n >= 0), t('inventory.form.amountRange')),
      startsOn: z.string(),
      endsOn: z.string(),
      renewalStatus: z.string().refine((v) => (RENEWAL_STATUSES as string[]).includes(v), t('validation.required')),
    })
    .refine((f) => !f.startsOn || !f.endsOn || f.endsOn >= f.startsOn, { message: t('validation.endBeforeStart'), path: ['endsOn'] })
  return z
    .object({
      name: z.string().trim().min(1, t('validation.required')).max(SERVICE_LIMITS.name, max(SERVICE_LIMITS.name)),
      description: z.string().max(SERVICE_LIMITS.description, max(SERVICE_LIMITS.description)),
      status: z.string().refine((v) => (SERVICE_STATUSES as string[]).includes(v), t('validation.required')),
      operatorId: z.string().min(1, t('validation.required')),
      categories: z.array(z.string()).min(1, t('validation.required')),
      targetGroups: z.array(z.string()),
      minimumAge: age,
      maximumAge: age,
      applicationProcess: z.string().max(SERVICE_LIMITS.text, max(SERVICE_LIMITS.text)),
      isFree: z.boolean(),
      locationIds: z.array(z.string()).min(1, t('inventory.form.locationsRequired')),
      networkIds: z.array(z.string()),
      fundings: z.array(funding).superRefine((rows, ctx) => {
        const total = rows.reduce((sum, r) => sum + (isNumber(r.sharePercent) ? toNumber(r.sharePercent) : 0), 0)
        if (total > 100) ctx.addIssue({ code: 'custom', message: t('inventory.form.totalShare'), path: [rows.length - 1, 'sharePercent'] })
      }),
    })
    .refine((v) => !isNumber(v.minimumAge) || !isNumber(v.maximumAge) || toNumber(v.maximumAge) >= toNumber(v.minimumAge), {
      message: t('inventory.form.ageOrder'),
      path: ['maximumAge'],
    }) satisfies z.ZodType<ServiceFormValues>
}

const orUndefined = (v: string) => (v.trim() === '' ? undefined : v.trim())
const numberOrUndefined = (v: string) => numberOf(v)

/**
 * Form values → request body. On edit, `existing` keeps what the form does not show (contacts, costs, per-location hours,
 * …): the API replaces a service as a whole on PUT.
 */
export function toServiceRequest(v: ServiceFormValues, existing?: ServiceDto): CreateServiceRequest & UpdateServiceRequest {
  const kept = existing?.locations ?? []
  return {
    ...(existing ? keptFields(existing) : {}),
    name: v.name.trim(),
    description: orUndefined(v.description),
    status: v.status as ServiceStatus,
    operatorId: orUndefined(v.operatorId),
    categories: v.categories,
    targetGroups: v.targetGroups,
    minimumAge: numberOrUndefined(v.minimumAge),
    maximumAge: numberOrUndefined(v.maximumAge),
    applicationProcess: orUndefined(v.applicationProcess),
    isFree: v.isFree,
    networkIds: v.networkIds,
    locations: v.locationIds.map((locationId) => {
      const was = kept.find((x) => x.locationId === locationId)
      return was
        ? { locationId, description: was.description, externalId: was.externalId, contacts: was.contacts, phones: was.phones,
            openingHours: was.openingHours, closures: was.closures }
        : { locationId }
    }),
  }
}

/** What an edit keeps unchanged from the loaded service. */
function keptFields(s: ServiceDto): Partial<UpdateServiceRequest> {
  return {
    alternateName: s.alternateName, url: s.url, email: s.email, eligibilityDescription: s.eligibilityDescription,
    feesDescription: s.feesDescription, costOptions: s.costOptions, languages: s.languages,
      interpretationServices: s.interpretationServices,
    waitTime: s.waitTime, accreditations: s.accreditations, licenses: s.licenses, alert: s.alert, program: s.program,
    servedSpaceIds: s.servedSpaceIds, serviceAreas: s.serviceAreas, requiredDocuments: s.requiredDocuments, attributes: s.attributes,
    contacts: s.contacts, phones: s.phones, openingHours: s.openingHours, closures: s.closures, externalId: s.externalId,
    verificationIntervalMonths: s.verificationIntervalMonths,
  }
}

export function toFundingRequest(serviceId: string, f: FundingRow): CreateFundingRequest {
  return {
    serviceId,
    funderActorId: f.funderActorId,
    programme: orUndefined(f.programme),
    sharePercent: numberOrUndefined(f.sharePercent),
    amountPerYear: numberOrUndefined(f.amountPerYear),
    startsOn: orUndefined(f.startsOn),
    endsOn: orUndefined(f.endsOn),
    renewalStatus: f.renewalStatus as RenewalStatus,
  }
}

export function toServiceFormValues(s: ServiceDto): ServiceFormValues {
  return {
    name: s.name,
    description: s.description ?? '',
    status: s.status,
    operatorId: s.operatorId ?? '',
    categories: s.categories.map((c) => c.code),
    targetGroups: s.targetGroups.map((c) => c.code),
    minimumAge: numberForInput(s.minimumAge),
    maximumAge: numberForInput(s.maximumAge),
    applicationProcess: s.applicationProcess ?? '',
    isFree: s.isFree ?? false,
    locationIds: s.locations.map((l) => l.locationId),
    networkIds: [...s.networkIds],
    fundings: [],
  }
}
