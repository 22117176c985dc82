import {
  ActorKind,
  AgreementStatus,
  MemberRole,
  MembershipState,
  NetworkKind,
  NetworkStatus,
  Sector,
  SpaceLevel,
  type ActorDto,
  type ActorTypeDto,
  type NetworkDto,
  type NetworkHealthDto,
  type NetworkMemberDto,
  type SpaceTreeNode,
  type TaskDto,
} from '@/api'

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }

export const actorTypes: ActorTypeDto[] = [
  { code: 'jobCentre', nameDe: 'Jobcenter', nameEn: 'Job centre', ...stamp },
  { code: 'youthOffice', nameDe: 'Jugendamt', nameEn: 'Youth office', ...stamp },
  { code: 'welfareAssociation', nameDe: 'Wohlfahrtsverband', nameEn: 'Welfare association', ...stamp },
]

export const spaceTree: SpaceTreeNode[] = [
  {
    id: 's-city',
    code: '09162',
    name: 'München',
    level: SpaceLevel.Municipality,
    validFrom: '2020-01-01',
    children: [
      { id: 's-nord', code: '09162-N', name: 'Nord', level: SpaceLevel.District, validFrom: '2020-01-01', children: [] },
      { id: 's-sued', code: '09162-S', name: 'Süd', level: SpaceLevel.District, validFrom: '2020-01-01', children: [] },
    ],
  },
]

let n = 0
export function actor(overrides: Partial<ActorDto> = {}): ActorDto {
  n += 1
  return {
    id: `a-${n}`,
    kind: ActorKind.Organisation,
    name: `Akteur ${n}`,
    type: 'youthOffice',
    typeName: 'Jugendamt',
    sector: Sector.Public,
    spaceIds: [],
    tags: [],
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  }
}

let m = 0
export function network(overrides: Partial<NetworkDto> = {}): NetworkDto {
  m += 1
  return {
    id: `n-${m}`,
    name: `Netzwerk ${m}`,
    kind: NetworkKind.FocusGroup,
    status: NetworkStatus.Active,
    mandate: 'Bildungsangebote im Quartier abstimmen.',
    functions: [],
    goals: [],
    spaces: [],
    links: [],
    incomingLinks: [],
    memberCount: 0,
    ...stamp,
    ...overrides,
  }
}

export function networkMember(overrides: Partial<NetworkMemberDto> = {}): NetworkMemberDto {
  m += 1
  return {
    id: `m-${m}`,
    networkId: 'n-1',
    actorId: `a-m${m}`,
    actorName: `Mitglied ${m}`,
    actorKind: ActorKind.Organisation,
    sector: Sector.Public,
    typeCode: 'youthOffice',
    role: MemberRole.Member,
    validFrom: '2024-01-01',
    state: MembershipState.Current,
    ...stamp,
    ...overrides,
  }
}

export function task(overrides: Partial<TaskDto> = {}): TaskDto {
  m += 1
  return {
    id: `t-${m}`,
    networkId: 'n-1',
    networkName: 'Fokusgruppe Bildung',
    title: `Verabredung ${m}`,
    responsibles: [{ actorId: 'a-1', name: 'Jugendamt' }],
    status: AgreementStatus.Open,
    isOverdue: false,
    ...stamp,
    ...overrides,
  }
}

export function health(overrides: Partial<NetworkHealthDto> = {}): NetworkHealthDto {
  return {
    networkId: 'n-1',
    networkName: 'Fokusgruppe Bildung',
    kind: NetworkKind.FocusGroup,
    status: NetworkStatus.Active,
    meetingsConsidered: 0,
    openAgreements: 0,
    overdueAgreements: 0,
    mandateMissing: false,
    meetingOverdue: false,
    needsAttention: false,
    reasons: [],
    ...overrides,
  }
}
