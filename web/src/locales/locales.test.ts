import { describe, expect, it } from 'vitest'
import i18n, { textsOf } from '@/lib/i18n'
import { de } from './de'
import { en } from './en'

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}

/** Every feature's locale files, both languages (the app bundles German only and loads English when chosen). */
const featureLocales = import.meta.glob<{ de?: Record<string, object>; en?: Record<string, object> }>('../features/*/locales/*.ts', {
  eager: true,
})

/** features/<name>/locales/de.ts → name */
const featureOf = (path: string) => /features\/([^/]+)\//.exec(path)?.[1] ?? path

/** The top-level sections each feature's locale files bring, by feature. */
const sectionsByFeature = new Map<string, Set<string>>()
for (const [path, module] of Object.entries(featureLocales)) {
  const sections = sectionsByFeature.get(featureOf(path)) ?? new Set<string>()
  for (const name of Object.keys({ ...module.de, ...module.en })) sections.add(name)
  sectionsByFeature.set(featureOf(path), sections)
}
const sharedSections = new Set(Object.keys(de))

/** The app's sources as text (tests and locale files left out), by path relative to src/. */
const sources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/locales/**', '!../api/client.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.replace(/^\.\.\//, ''), text]),
)

/** The sections of the text keys a source names ('actors.fields.name', `networks.kinds.${k}`). */
function sectionsUsed(text: string, known: Set<string>): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')
  const used = new Set<string>()
  for (const match of code.matchAll(/['`]([a-zA-Z]+)\.[a-zA-Z$]/g)) if (known.has(match[1])) used.add(match[1])
  return [...used]
}

describe('locales', () => {
  it('German and English have the same keys, shared and in every feature', async () => {
    expect(keys(en).sort()).toEqual(keys(de).sort())
    expect(keys(await textsOf('en')).sort()).toEqual(keys(await textsOf('de')).sort())
    const byFeature = new Map<string, { de: object; en: object }>()
    for (const [path, module] of Object.entries(featureLocales)) {
      const texts = byFeature.get(featureOf(path)) ?? { de: {}, en: {} }
      byFeature.set(featureOf(path), { de: { ...texts.de, ...module.de }, en: { ...texts.en, ...module.en } })
    }
    for (const [feature, texts] of byFeature) expect(keys(texts.en).sort(), feature).toEqual(keys(texts.de).sort())
  })

  it('no text is empty', async () => {
    for (const lng of ['de', 'en'] as const) {
      const res = await textsOf(lng)
      const empty = keys(res).filter((k) => {
        const value = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], res)
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty, lng).toEqual([])
    }
  })

  it('every section lives in one place: the shared texts or one feature', () => {
    const owners = new Map<string, string[]>()
    for (const name of sharedSections) owners.set(name, ['src/locales'])
    for (const [feature, sections] of sectionsByFeature) for (const name of sections) owners.set(name,
      [...(owners.get(name) ?? []), feature])
    expect([...owners].filter(([, where]) => where.length > 1)).toEqual([])
  })

  it('a feature uses only its own texts and the shared ones; shared code only the shared ones', () => {
    const known = new Set([...sharedSections, ...[...sectionsByFeature.values()].flatMap((s) => [...s])])
    const foreign: string[] = []
    for (const [path, text] of Object.entries(sources)) {
      const feature = /^features\/([^/]+)\//.exec(path)?.[1]
      if (!feature && path.startsWith('app/')) continue // the app puts features together and may name any text
      const allowed = new Set([...sharedSections, ...(feature ? (sectionsByFeature.get(feature) ?? []) : [])])
      for (const section of sectionsUsed(text, known)) if (!allowed.has(section)) foreign.push(`${path}: ${section}`)
    }
    expect(foreign).toEqual([])
  })
})

describe('loading the languages', () => {
  it('bundles German only; English is loaded when it is chosen', async () => {
    expect(i18n.hasResourceBundle('de', 'translation')).toBe(true)
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false)
    await i18n.changeLanguage('en')
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true)
    expect(i18n.t('shell.role')).toBe(en.shell.role)
    await i18n.changeLanguage('de')
    expect(i18n.t('shell.role')).toBe(de.shell.role)
  })
})
