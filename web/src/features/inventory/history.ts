import type {
  AccessibilityInfo, AddressEntry, ClosureEntry, ContactEntry, InventoryRoundDto, LanguageEntry, LocationDto, OpeningHoursRule,
  PhoneEntry, RequiredDocumentEntry, RoundAssignmentDto, ServiceAtLocationDto, ServiceDto, TermRef,
} from '@/api'
import { historyOf, type HistoryField, type HistoryFormat, type HistoryValue } from '@/components/history/history-values'
import { languageName, termName } from './components/labels'
import { WEEKDAYS } from './components/opening-hours'

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])
const record = <T>(value: unknown): Partial<T> => (value !== null && typeof value === 'object' ? (value as Partial<T>) : {})

/** A list in words, one item by `item`, the items separated by "; ". */
const each = <T>(item: (x: T, f: HistoryFormat) => string | undefined) => ({
  format: (value: unknown, f: HistoryFormat) => f.join(list<T>(value).map((x) => item(x, f)), '; '),
})

/** Weekly hours as the facility's page says them: "Mo, Mi 09:00–12:00 Uhr (Sprechstunde)". */
const hours = each<OpeningHoursRule>((r, f) => {
  const days = WEEKDAYS.filter((d) => r.days?.includes(d)).map((d) => f.t(`inventory.weekdaysShort.${d}`)).join(', ')
  const times = r.opensAt && r.closesAt ? f.t('inventory.hours.interval', { from: r.opensAt, to: r.closesAt }) : undefined
  return f.join([f.join([days, times], ' '), r.description ? `(${r.description})` : undefined], ' ')
})

/** "Feiertag / Ferien: 24.12.2026 bis 31.12.2026 (Weihnachten)". */
const closures = each<ClosureEntry>((c, f) => {
  const from = f.date(c.startsOn)
  const range = c.endsOn ? f.t('inventory.hours.closureRange', { from, to: f.date(c.endsOn) }) : from
  return `${f.t(`inventory.closureKinds.${c.kind}`)}: ${range}${c.reason ? ` (${c.reason})` : ''}`
})

const address = each<AddressEntry>((a, f) => f.join([a.attention, a.address1, a.address2, f.join([a.postalCode, a.city], ' ')]))
const languages = each<LanguageEntry>((l, f) => f.join([l.name || languageName(l.code, f.lng), l.note ? `(${l.note})` : undefined], ' '))
const phone = (p: PhoneEntry, f: HistoryFormat) => f.join([p.number, p.description ? `(${p.description})` : undefined], ' ')
const phones = each<PhoneEntry>(phone)
const contacts = each<ContactEntry>((c, f) => f.join([c.name, c.title, c.department, c.email, ...(c.phones ?? []).map((p) => phone(p, f))]))
const terms = each<TermRef>((term, f) => termName(term, f.lng))

/** The checklist as the facility's page shows it: "Stufenloser Zugang: ja, Aufzug: nein; Hinweise". */
function accessibility(value: unknown, f: HistoryFormat): string | undefined {
  const a = record<AccessibilityInfo>(value)
  const checks = (['stepFreeAccess', 'accessibleToilet', 'lift', 'hearingLoop'] as const)
    .filter((k) => typeof a[k] === 'boolean')
    .map((k) => `${f.t(`inventory.access.${k}`)}: ${f.t(`inventory.access.${a[k] ? 'yes' : 'no'}`)}`)
  return f.join([f.join(checks), a.description, a.details, a.url], '; ')
}

const plain: HistoryValue = { format: (v, f) => f.plain(v) }

/** The fields a facility and a service share, with the same labels. */
const shared = {
  name: { label: 'inventory.fields.name' },
  alternateName: { label: 'inventory.history.alternateName' },
  description: { label: 'inventory.fields.description' },
  url: { label: 'inventory.history.url' },
  externalId: { label: 'inventory.history.externalId' },
  languages: { label: 'inventory.fields.languages', value: languages },
  contacts: { label: 'inventory.location.contact', value: contacts },
  phones: { label: 'inventory.history.phones', value: phones },
  openingHours: { label: 'inventory.hours.title', value: hours },
  closures: { label: 'inventory.hours.closures', value: closures },
  archivedAt: { label: 'inventory.history.archivedAt', value: 'instant' },
} satisfies Record<string, HistoryField>

/** A facility's "Verlauf": its fields with the labels of its page and form. */
export const locationHistory = historyOf<LocationDto>('location', {
  ...shared,
  kind: { label: 'inventory.history.kind', value: { enum: 'inventory.locationKinds' } },
  transportation: { label: 'inventory.fields.transportation' },
  latitude: { label: 'inventory.location.latitude', value: 'coordinate' },
  longitude: { label: 'inventory.location.longitude', value: 'coordinate' },
  spaceId: { label: 'inventory.fields.space', value: { nameIn: 'spaceName' } },
  // the space's code changes with the space, whose name is shown
  spaceCode: 'hidden',
  spaceName: { label: 'inventory.fields.space' },
  spaceSource: { label: 'inventory.history.spaceSource', value: { enum: 'inventory.spaceSource' } },
  ownerActorId: { label: 'inventory.fields.owner', value: { nameIn: 'ownerActorName' } },
  ownerActorName: { label: 'inventory.fields.owner' },
  externalIdentifier: { label: 'inventory.history.externalIdentifier' },
  externalIdentifierType: { label: 'inventory.history.externalIdentifierType' },
  accessibility: { label: 'inventory.access.title', value: { format: accessibility } },
  addresses: { label: 'inventory.fields.address', value: address },
  validFrom: { label: 'inventory.history.validFrom', value: 'date' },
  validTo: { label: 'inventory.history.validTo', value: 'date' },
})

/** A service's "Verlauf": its fields with the labels of its page and form. */
export const serviceHistory = historyOf<ServiceDto>('service', {
  ...shared,
  email: { label: 'inventory.history.email' },
  status: { label: 'inventory.fields.status', value: { enum: 'inventory.status' } },
  operatorId: { label: 'inventory.fields.operator', value: { nameIn: 'operatorName' } },
  operatorName: { label: 'inventory.fields.operator' },
  categories: { label: 'inventory.fields.categories', value: terms },
  targetGroups: { label: 'inventory.fields.targetGroups', value: terms },
  minimumAge: { label: 'inventory.service.minimumAge', value: 'number' },
  maximumAge: { label: 'inventory.service.maximumAge', value: 'number' },
  eligibilityDescription: { label: 'inventory.history.eligibilityDescription' },
  feesDescription: { label: 'inventory.fields.fees' },
  isFree: { label: 'inventory.service.isFree', value: 'boolean' },
  costOptions: { label: 'inventory.history.costOptions', value: plain },
  interpretationServices: { label: 'inventory.history.interpretationServices' },
  applicationProcess: { label: 'inventory.fields.applicationProcess' },
  waitTime: { label: 'inventory.history.waitTime' },
  accreditations: { label: 'inventory.history.accreditations' },
  licenses: { label: 'inventory.history.licenses' },
  alert: { label: 'inventory.history.alert' },
  program: { label: 'inventory.funding.programme', value: { format: (v, f) => f.join([record<{ name: string }>(v).name]) } },
  // the service form calls its networks by the navigation's word
  networkIds: { label: 'nav.networks', value: { records: 'networks' } },
  servedSpaceIds: { label: 'inventory.history.servedSpaceIds', value: { records: 'spaces' } },
  serviceAreas: { label: 'inventory.history.serviceAreas', value: plain },
  requiredDocuments: { label: 'inventory.history.requiredDocuments', value: each<RequiredDocumentEntry>((d) => d.document) },
  attributes: { label: 'inventory.history.attributes', value: plain },
  locations: { label: 'inventory.fields.locations', value: each<ServiceAtLocationDto>((l) => l.locationName) },
  verifiedOn: { label: 'inventory.fields.verified', value: 'date' },
  verifiedBy: { label: 'inventory.history.verifiedBy' },
  verificationIntervalMonths: { label: 'inventory.history.verificationIntervalMonths', value: 'number' },
  verificationDueOn: { label: 'inventory.history.verificationDueOn', value: 'date' },
})

/** An inventory round's "Verlauf": its fields with the labels of its page and form. */
export const roundHistory = historyOf<InventoryRoundDto>('inventoryRound', {
  name: { label: 'inventory.fields.name' },
  spaceId: { label: 'inventory.rounds.region', value: { nameIn: 'spaceName' } },
  spaceName: { label: 'inventory.rounds.region' },
  startsOn: { label: 'inventory.roundForm.startsOn', value: 'date' },
  endsOn: { label: 'inventory.roundForm.endsOn', value: 'date' },
  status: { label: 'inventory.fields.status', value: { enum: 'inventory.rounds.status' } },
  previousRoundId: { label: 'inventory.roundForm.previous', value: 'record' },
  note: { label: 'inventory.roundForm.note' },
  closedAt: { label: 'inventory.history.closedAt', value: 'instant' },
  assignments: {
    label: 'inventory.roundForm.assignments',
    // who checks which space or category: "Jugendamt (Prognoseraum Marzahn)", "Jugendamt (jugendclub)"
    value: each<RoundAssignmentDto>((a, f) => {
      const scope = a.spaceName ?? a.categoryCode
      return f.join([a.actorName, scope ? `(${scope})` : undefined], ' ')
    }),
  },
})
