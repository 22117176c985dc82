import {
  AddressType,
  LocationKind,
  RenewalStatus,
  ServiceStatus,
  SpaceLevel,
  TaxonomyKind,
  Weekday,
  type FundingDto,
  type LocationDto,
  type ServiceDto,
  type SpaceDto,
  type TaxonomyDto,
  type TaxonomyTermDto,
} from '@/api'

/** Test data of the inventory's component tests (not shipped: only the tests import it). */
const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }

export const taxonomies: TaxonomyDto[] = [
  { id: 'tax-cat', code: 'soziale-infrastruktur', kind: TaxonomyKind.ServiceCategory, name: 'Soziale Infrastruktur', termCount: 3,
    ...stamp },
  { id: 'tax-tg', code: 'zielgruppen', kind: TaxonomyKind.TargetGroup, name: 'Zielgruppen', termCount: 2, ...stamp },
]

function term(taxonomyId: string, code: string, nameDe: string, nameEn: string, sortOrder: number): TaxonomyTermDto {
  return { id: `term-${code}`, taxonomyId, taxonomyCode: taxonomyId, code, nameDe, nameEn, sortOrder, ...stamp }
}

export const categoryTerms = [
  term('tax-cat', 'kita', 'Kita (Kindertageseinrichtung)', 'Day-care centre', 1),
  term('tax-cat', 'jugendclub', 'Jugendclub / Jugendfreizeiteinrichtung', 'Youth club', 2),
  term('tax-cat', 'beratung-schulden', 'Schuldnerberatung', 'Debt counselling', 3),
]

export const targetGroupTerms = [
  term('tax-tg', 'zg-kinder', 'Kinder', 'Children', 1),
  term('tax-tg', 'zg-jugendliche', 'Jugendliche', 'Young people', 2),
]

export function location(overrides: Partial<LocationDto> = {}): LocationDto {
  return {
    id: 'loc-1',
    name: 'Kita Sonnenschein',
    kind: LocationKind.Physical,
    latitude: 52.4031,
    longitude: 13.2702,
    spaceId: 's-nord',
    spaceName: 'Nord',
    spaceSource: undefined,
    ownerActorName: 'Kita Sonnenschein Teltow',
    ownerActorId: 'a-kita',
    accessibility: { stepFreeAccess: true, accessibleToilet: false },
    addresses: [{ type: AddressType.Physical, address1: 'Lindenstraße 12', postalCode: '14513', city: 'Teltow' }],
    languages: [],
    contacts: [],
    phones: [],
    openingHours: [{ days: [Weekday.Monday], opensAt: '08:00', closesAt: '16:00' }],
    closures: [],
    ...stamp,
    ...overrides,
  }
}

export function service(overrides: Partial<ServiceDto> = {}): ServiceDto {
  return {
    id: 'svc-1',
    name: 'Offener Jugendtreff',
    status: ServiceStatus.Active,
    operatorId: 'a-op',
    operatorName: 'Jugendclub e.V.',
    categories: [{ code: 'jugendclub', nameDe: 'Jugendclub / Jugendfreizeiteinrichtung', nameEn: 'Youth club' }],
    targetGroups: [],
    costOptions: [],
    languages: [],
    networkIds: [],
    servedSpaceIds: [],
    serviceAreas: [],
    requiredDocuments: [],
    attributes: [],
    contacts: [],
    phones: [],
    openingHours: [],
    closures: [],
    locations: [],
    verificationIntervalMonths: 12,
    ...stamp,
    ...overrides,
  }
}

export function funding(overrides: Partial<FundingDto> = {}): FundingDto {
  return {
    id: 'f-1',
    serviceId: 'svc-1',
    serviceName: 'Offener Jugendtreff',
    funderActorId: 'a-fund',
    funderName: 'Jugendamt',
    renewalStatus: RenewalStatus.Open,
    ...stamp,
    ...overrides,
  }
}

export const mapSpaces: SpaceDto[] = [
  {
    id: 's-nord',
    code: '09162-N',
    name: 'Nord',
    level: SpaceLevel.District,
    validFrom: '2020-01-01',
    geometry: { type: 'Polygon', coordinates: [[[13.24, 52.38], [13.31, 52.38], [13.31, 52.41], [13.24, 52.41], [13.24, 52.38]]] },
    predecessorIds: [],
    successorIds: [],
    childCount: 0,
    ...stamp,
  },
]
