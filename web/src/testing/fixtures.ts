import { ActorKind, Sector, SpaceLevel, type ActorDto, type ActorTypeDto, type SpaceTreeNode } from '@/api'

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
