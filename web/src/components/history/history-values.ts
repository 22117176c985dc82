import type { TFunction } from 'i18next'
import type { AuditEntryDto } from '@/api'
import { formatDate, formatDateTime, formatNumber } from '@/lib/format'
import { localeFor } from '@/lib/i18n'

/**
 * How the "Verlauf" reads an entity's audit entries. The server records each changed field by its API name (camelCase,
 * as the entity's GET answers it) with the old and the new value as text: strings as they are, anything else as JSON
 * (numbers, true/false, lists, objects). Each feature describes its entity's fields with {@link historyOf}: the label its
 * own form or page uses (a text key of the feature or of the shared `terms`) and how the value reads (a date, a level, a
 * list of names …). history-fields.test.ts reads the server's list of audited entities and fails for a field of a
 * described entity without a label in German and English.
 */

/** Fields the server never records (AuditLog.Ignored in the API): the id, the version and the time stamps. */
export type NotRecorded = 'id' | 'version' | 'createdAt' | 'updatedAt'

/** Kinds of record whose names the history looks up in lists the app keeps anyway (the space tree, the networks). */
export type RecordKind = 'spaces' | 'networks'

/** What a field's own formatter gets besides the value. */
export interface HistoryFormat {
  t: TFunction
  lng: string
  date(value: unknown): string | undefined
  instant(value: unknown): string | undefined
  number(value: unknown): string | undefined
  yesNo(value: unknown): string | undefined
  /** Any value by its plain parts, ids left out: "Lindenstraße 12, Teltow". */
  plain(value: unknown): string | undefined
  /** Parts that are there, joined ("a, b"); undefined when none is. */
  join(parts: readonly (string | null | undefined | false)[], separator?: string): string | undefined
}

/**
 * How a value reads (text as it is when not given):
 * - `date` (2016-01-01 → 01.01.2016), `instant` (with the time), `number`, `coordinate` (up to six decimals),
 *   `boolean` (ja/nein), `texts` (a list of texts), `presence` (large data such as a shape: "vorhanden"),
 *   `record` (the id of a record whose name the entry does not carry: "(Datensatz)");
 * - `{ enum: 'terms.spaceLevels' }`: a code, in the words under that text key; `{ enums }` a list of them;
 * - `{ nameIn: 'parentName' }`: the id of a related record whose name the entry carries in that field. When both
 *   changed, the name is shown and the id left out; an id alone reads "(Datensatz)";
 * - `{ records: 'spaces' }`: a list of ids, by the names the app has;
 * - `{ format }`: the parsed JSON value in the feature's own words (opening hours, addresses, attendance …).
 */
export type HistoryValue =
  | 'text' | 'date' | 'instant' | 'number' | 'coordinate' | 'boolean' | 'texts' | 'presence' | 'record'
  | { enum: string }
  | { enums: string }
  | { nameIn: string }
  | { records: RecordKind }
  | { format: (value: unknown, f: HistoryFormat) => string | undefined }

/** A field's label (a text key) and how its values read. */
export interface HistoryField {
  label: string
  value?: HistoryValue
}

/** `hidden`: a field the server records that means nothing to a planner (a computed count); left out of the history. */
export type HistoryFieldSpec = HistoryField | 'hidden'

/** An audited entity type ('space', 'network', … as the API names it) and how the history shows its fields. */
export interface HistoryDescription {
  entityType: string
  fields: Readonly<Record<string, HistoryFieldSpec>>
}

/**
 * The history of an entity whose recorded state is the DTO `T`: every field of `T` the server records must be named
 * (the compiler says which one a regenerated client added).
 */
export function historyOf<T>(entityType: string, fields: { [K in Exclude<keyof T, NotRecorded> & string]-?: HistoryFieldSpec }):
  HistoryDescription {
  return { entityType, fields }
}

/** What the history knows beyond the entry: the texts, the language and names of records by kind and id. */
export interface HistoryContext {
  t: TFunction
  lng: string
  names: Partial<Record<RecordKind, ReadonlyMap<string, string>>>
}

/** One changed field as shown: its label and its old and new value in words (undefined: there was none). */
export interface ShownChange {
  field: string
  label: string
  old?: string
  new?: string
  /** Something changed that the words do not show (an id inside a list): `new` says so, without an old value. */
  detailOnly?: boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

/** A field the app does not describe yet, in words: "cadenceInterval" → "Cadence interval". */
export function fieldWords(field: string): string {
  const words = field.replace(/_/g, ' ').replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The kinds of record whose names an entry needs (its fields with `{ records }` values). */
export function recordKindsOf(entries: readonly AuditEntryDto[], description: HistoryDescription): Set<RecordKind> {
  const kinds = new Set<RecordKind>()
  for (const e of entries) {
    if (e.entityType !== description.entityType) continue
    for (const c of e.changes) {
      const spec = description.fields[c.field]
      if (spec && spec !== 'hidden' && typeof spec.value === 'object' && 'records' in spec.value) kinds.add(spec.value.records)
    }
  }
  return kinds
}

/** An entry's changes as the history shows them (hidden fields and ids whose name is beside them left out). */
export function showChanges(entry: AuditEntryDto, description: HistoryDescription | undefined, ctx: HistoryContext): ShownChange[] {
  const fields = description && description.entityType === entry.entityType ? description.fields : {}
  const changed = new Set(entry.changes.map((c) => c.field))
  const shown: ShownChange[] = []
  for (const c of entry.changes) {
    const spec = Object.hasOwn(fields, c.field) ? fields[c.field] : undefined
    if (spec === 'hidden') continue
    const value = spec?.value
    if (typeof value === 'object' && 'nameIn' in value && changed.has(value.nameIn)) continue
    const old = showValue(c.old, value, ctx)
    const now = showValue(c.new, value, ctx)
    const label = spec ? ctx.t(spec.label) : fieldWords(c.field)
    shown.push(old !== undefined && old === now
      ? { field: c.field, label, new: ctx.t('history.detailsChanged'), detailOnly: true }
      : { field: c.field, label, old, new: now })
  }
  return shown
}

/** One recorded value in words; undefined when there was none (or an empty list). */
export function showValue(raw: string | null | undefined, kind: HistoryValue | undefined, ctx: HistoryContext): string | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined
  const f = formatFor(ctx)
  if (kind === undefined) return f.plain(parse(raw, false))
  if (typeof kind === 'object') {
    if ('enum' in kind) return enumText(kind.enum, raw, ctx.t)
    if ('enums' in kind) return f.join(asList(parse(raw)).map((code) => enumText(kind.enums, String(code), ctx.t)))
    if ('nameIn' in kind) return isUuid(raw) ? ctx.t('history.record') : raw
    if ('records' in kind) return recordNames(asList(parse(raw)), ctx.names[kind.records], ctx.t)
    return kind.format(parse(raw), f)
  }
  switch (kind) {
    case 'text': return raw
    case 'date': return f.date(raw)
    case 'instant': return f.instant(raw)
    case 'number': return f.number(raw)
    case 'coordinate': {
      const n = Number(raw)
      return Number.isFinite(n) ? new Intl.NumberFormat(localeFor(ctx.lng), { maximumFractionDigits: 6 }).format(n) : raw
    }
    case 'boolean': return f.yesNo(raw === 'true' ? true : raw === 'false' ? false : raw)
    case 'texts': return f.join(asList(parse(raw)).map((x) => f.plain(x)), '; ')
    case 'presence': return ctx.t('history.present')
    case 'record': return isUuid(raw) ? ctx.t('history.record') : raw
  }
}

/** The helpers a formatter gets, for one language. */
export function formatFor({ t, lng }: Pick<HistoryContext, 't' | 'lng'>): HistoryFormat {
  const join = (parts: readonly (string | null | undefined | false)[], separator = ', ') =>
    parts.filter((p): p is string => typeof p === 'string' && p !== '').join(separator) || undefined
  const yesNo = (v: unknown) => (v === true ? t('common.yes') : v === false ? t('common.no') : scalar(v))
  const scalar = (v: unknown): string | undefined => {
    if (v === null || v === undefined || v === '') return undefined
    if (typeof v === 'boolean') return yesNo(v)
    if (typeof v === 'number') return formatNumber(v, lng)
    if (typeof v !== 'string') return undefined
    if (isUuid(v)) return t('history.record')
    if (DATE.test(v)) return formatDate(v, lng)
    if (INSTANT.test(v)) return formatDateTime(v, lng)
    return v
  }
  /** Parts of an object or list: ids are left out (a list of nothing but ids says how many records). */
  const plain = (v: unknown, depth = 0): string | undefined => {
    if (Array.isArray(v)) {
      const ids = v.filter(isUuid).length
      if (ids > 0 && ids === v.length) return t('history.records', { count: ids })
      return join(v.filter((x) => !isUuid(x)).map((x) => plain(x, depth + 1)), depth === 0 ? '; ' : ', ')
    }
    if (v !== null && typeof v === 'object') return join(Object.values(v).filter((x) => !isUuid(x)).map((x) => plain(x, depth + 1)))
    return scalar(v)
  }
  return {
    t, lng, join, yesNo, plain: (v) => plain(v),
    date: (v) => (typeof v === 'string' && v ? formatDate(v, lng) : undefined),
    instant: (v) => (typeof v === 'string' && v ? formatDateTime(v, lng) : undefined),
    number: (v) => {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
      return Number.isFinite(n) ? formatNumber(n, lng) : scalar(v)
    },
  }
}

/**
 * A JSON value as the server wrote it; text that is no JSON stays text. Without `numbers`, digits stay text: a field the
 * app does not know may be a postal code or a year, which a number format would spoil.
 */
function parse(raw: string, numbers = true): unknown {
  const text = raw.trim()
  if (!(numbers ? /^[[{]|^-?\d|^(true|false|null)$/ : /^[[{]|^(true|false)$/).test(text)) return raw
  try {
    return JSON.parse(text)
  } catch {
    return raw
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value])

function enumText(prefix: string, code: string, t: TFunction): string {
  return t(`${prefix}.${code}`, { defaultValue: fieldWords(code) })
}

function recordNames(ids: unknown[], names: ReadonlyMap<string, string> | undefined, t: TFunction): string | undefined {
  if (ids.length === 0) return undefined
  const known = ids.map((id) => (typeof id === 'string' ? names?.get(id) : undefined)).filter((n): n is string => !!n)
  const unknown = ids.length - known.length
  if (known.length === 0) return t('history.records', { count: unknown })
  return unknown > 0 ? `${known.join(', ')} ${t('history.moreRecords', { count: unknown })}` : known.join(', ')
}
