import { describe, expect, it } from 'vitest'
import { textsOf } from '@/lib/i18n'
import type { HistoryDescription, HistoryValue } from './history-values'

/**
 * The "Verlauf" must never show a field by its API name. The server's own sources say which entities it audits and what
 * it records of them: AuditRegistrations.cs names every audited entity type and the read class whose DTO is its state,
 * the read class's LoadAsync names that DTO, the generated client lists the DTO's properties (the audit records them by
 * their JSON names) and AuditLog.cs the fields it never records. Each feature describes its entities in
 * `features/<area>/history.ts` (found by that convention, like the locales); this test fails for a recorded field
 * without a description, a label missing in German or English, or a code of an enum without words.
 */

const raw = (files: Record<string, string>) => Object.entries(files).map(([path, text]) => ({ path, text }))

const apiSources = raw(import.meta.glob<string>([
  '../../../../api/Raumnetz.Application/Audit/AuditRegistrations.cs',
  '../../../../api/Raumnetz.Application/Audit/AuditLog.cs',
  '../../../../api/Raumnetz.Application/**/*Reads.cs',
], { query: '?raw', import: 'default', eager: true }))
const client = Object.values(import.meta.glob<string>('../../api/client.ts', { query: '?raw', import: 'default', eager: true }))[0]
const pages = raw(import.meta.glob<string>('../../features/*/routes/*.tsx', { query: '?raw', import: 'default', eager: true }))
const featureHistories = import.meta.glob<Record<string, unknown>>('../../features/*/history.ts', { eager: true })

const source = (name: string) => {
  const file = apiSources.find((f) => f.path.endsWith(`/${name}`))
  if (!file) throw new Error(`${name} not found`)
  return file.text
}

/** Every entity type the server audits, with the read class whose DTO is its state (Dto entities only). */
function auditedEntities(): Map<string, string | undefined> {
  const entities = new Map<string, string | undefined>()
  const text = source('AuditRegistrations.cs')
  for (const m of text.matchAll(/AuditEntity\.Dto<(\w+)>\("(\w+)"/g)) entities.set(m[2], m[1])
  for (const m of text.matchAll(/AuditEntity\.Row\("(\w+)"/g)) entities.set(m[1], undefined)
  for (const m of text.matchAll(/AuditEntity \w+ = new\("(\w+)"/g)) if (!entities.has(m[1])) entities.set(m[1], undefined)
  return entities
}

/** The DTO a read class loads (`Task<SpaceDto?> LoadAsync(`). */
function dtoOf(reads: string): string {
  const file = apiSources.find((f) => new RegExp(`\\bclass ${reads}\\b`).test(f.text))
  const dto = file && /Task<(\w+)\?>\s+LoadAsync\(/.exec(file.text)?.[1]
  if (!dto) throw new Error(`no LoadAsync in ${reads}`)
  return dto
}

/** A DTO's properties in the generated client, with their types ("SpaceLevel", "NetworkFunction[]", …). */
function propertiesOf(dto: string): Map<string, string> {
  const body = new RegExp(`export interface ${dto} \\{\\n([\\s\\S]*?)\\n\\}`).exec(client)?.[1]
  if (!body) throw new Error(`${dto} not in the client`)
  return new Map([...body.matchAll(/^ {4}(\w+)\??: ([^;]+);/gm)].map((m) => [m[1], m[2].replace(' | undefined', '')]))
}

/** The codes of an enum of the client (empty for a type that is none). */
function enumValues(type: string): string[] {
  const body = new RegExp(`export enum ${type.replace('[]', '')} \\{([\\s\\S]*?)\\}`).exec(client)?.[1] ?? ''
  return [...body.matchAll(/= "(\w+)"/g)].map((m) => m[1])
}

/** Whether the server records a field at all (AuditLog: ignored fields and anything that may hold a secret never are). */
function recorded(field: string): boolean {
  const text = source('AuditLog.cs')
  const ignored = [...(/Ignored = new\(StringComparer\.OrdinalIgnoreCase\)\s*\{([^}]*)\}/.exec(text)?.[1] ?? '').matchAll(/"(\w+)"/g)]
    .map((m) => m[1].toLowerCase())
  const secret = [...(/SecretParts = \[([^\]]*)\]/.exec(text)?.[1] ?? '').matchAll(/"(\w+)"/g)].map((m) => m[1])
  if (ignored.length < 4 || secret.length < 3) throw new Error('AuditLog.cs: Ignored or SecretParts not found')
  const lower = field.toLowerCase()
  return !ignored.includes(lower) && !secret.some((s) => lower.includes(s)) && lower !== 'key' && lower !== 'keyprefix'
}

const descriptions = Object.entries(featureHistories).flatMap(([path, module]) => Object.entries(module)
  .filter(([, value]) => typeof value === 'object' && value !== null && 'entityType' in value && 'fields' in value)
  .map(([name, value]) => ({ path, name, description: value as HistoryDescription })))

/**
 * Audited entities whose records have no page with a "Verlauf" in the app (the trail itself is read through the API): an
 * entity that gets one needs a description, and this list loses it.
 */
const WITHOUT_HISTORY_SECTION = [
  'actorType', 'actorRelation', 'networkMember', 'task', 'indicatorSet', 'observation', 'assessment', 'taxonomy', 'taxonomyTerm',
  'funding', 'capacityEntry', 'serviceVerification', 'inventory', 'user', 'apiKey', 'userPreferences', 'webhookSubscription',
]

function lookup(texts: object, key: string): unknown {
  return key.split('.').reduce<unknown>(
    (o, part) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined), texts)
}

const enumPrefix = (value: HistoryValue | undefined) =>
  typeof value === 'object' ? ('enum' in value ? value.enum : 'enums' in value ? value.enums : undefined) : undefined

describe('the fields of the "Verlauf"', () => {
  it('knows every entity type the server audits: described, or without a history section', () => {
    const audited = auditedEntities()
    expect(audited.size).toBeGreaterThan(20)
    const described = new Set(descriptions.map((d) => d.description.entityType))
    expect(described).toEqual(new Set(['space', 'actor', 'network', 'meeting', 'indicator', 'location', 'service', 'inventoryRound']))
    expect([...audited.keys()].filter((type) => !described.has(type) && !WITHOUT_HISTORY_SECTION.includes(type))).toEqual([])
    expect(WITHOUT_HISTORY_SECTION.filter((type) => described.has(type) || !audited.has(type))).toEqual([])
  })

  it('every description is shown by a page, and every page shows its history with one', () => {
    for (const { name } of descriptions) expect(pages.some((p) => p.text.includes(`entity={${name}}`)), name).toBe(true)
    const bare = pages.filter((p) => /<EntityHistory(?![^>]*\bentity=)/.test(p.text)).map((p) => p.path)
    expect(bare).toEqual([])
  })

  it('every field the server records has a label in German and English, every code of an enum its words', async () => {
    const [de, en] = await Promise.all([textsOf('de'), textsOf('en')])
    const audited = auditedEntities()
    const problems: string[] = []
    for (const { name, description } of descriptions) {
      const reads = audited.get(description.entityType)
      if (!reads) {
        problems.push(`${name}: ${description.entityType} is no entity the server audits through a DTO`)
        continue
      }
      const properties = propertiesOf(dtoOf(reads))
      const fields = [...properties.keys()].filter(recorded)
      expect(fields.length, name).toBeGreaterThan(5)
      for (const field of fields) if (!(field in description.fields)) problems.push(`${name}: ${field} has no label`)
      for (const [field, spec] of Object.entries(description.fields)) {
        if (!properties.has(field)) problems.push(`${name}: ${field} is no field of the entity (any more)`)
        if (spec === 'hidden') continue
        for (const [lng, texts] of [['de', de], ['en', en]] as const) {
          if (typeof lookup(texts, spec.label) !== 'string') problems.push(`${name}.${field}: no ${lng} text ${spec.label}`)
          const prefix = enumPrefix(spec.value)
          const codes = prefix ? enumValues(properties.get(field) ?? '') : []
          if (prefix && codes.length === 0) problems.push(`${name}.${field}: ${properties.get(field)} is no enum`)
          for (const code of codes) if (typeof lookup(texts, `${prefix}.${code}`) !== 'string') {
            problems.push(`${name}.${field}: no ${lng} text ${prefix}.${code}`)
          }
        }
        const value = spec.value
        if (typeof value === 'object' && 'nameIn' in value && !properties.has(value.nameIn)) {
          problems.push(`${name}.${field}: the name field ${value.nameIn} does not exist`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})
