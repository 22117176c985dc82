import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { de } from '@/locales/de'

/** A locale file's type for another language: the same keys as `T`, every text a string. */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> }

type Sections = Record<string, object>

/**
 * Every feature's texts: `features/<x>/locales/de.ts` and `en.ts` export `de` and `en`, objects with the feature's own
 * top-level sections (actors: `actors`; networks: `networks` and `meetings`; …). They are found by that convention, so
 * shared code names no feature, and merged beside the shared texts of src/locales. A section belongs to one file only
 * (locales.test checks it, and that every feature uses only its own sections and the shared ones).
 *
 * Nothing of it is on the first paint but the shared German texts (the shell, the route guard, the error pages use only
 * those): the features' German texts come with the first page (the router waits for {@link loadFeatureTexts}), English
 * only when it is chosen.
 */
const germanFeatures = import.meta.glob<Sections>('../features/*/locales/de.ts', { import: 'de' })
const englishFeatures = import.meta.glob<Sections>('../features/*/locales/en.ts', { import: 'en' })

/** The shared texts of one language with every feature's sections beside them. */
export async function textsOf(lng: Language): Promise<Sections> {
  const [shared, ...features] = await Promise.all([
    lng === 'de' ? de : import('@/locales/en').then((m) => m.en),
    ...Object.values(lng === 'de' ? germanFeatures : englishFeatures).map((load) => load()),
  ])
  return Object.assign({}, shared, ...features)
}

let featureTexts: Promise<void> | undefined

/** Adds every feature's German texts (once; English is loaded whole when chosen). Pages wait for it, see app/router. */
export function loadFeatureTexts(): Promise<void> {
  featureTexts ??= Promise.all(Object.values(germanFeatures).map((load) => load())).then((sections) => {
    i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', Object.assign({}, ...sections), true, true)
  })
  return featureTexts
}

export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'de'
export const LANGUAGE_STORAGE_KEY = 'raumnetz.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(value) ? value : DEFAULT_LANGUAGE
  } catch {
    return DEFAULT_LANGUAGE
  }
}

function applyLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

/**
 * An i18next backend that reads a language's texts from the bundles above: German is already there, English is fetched
 * the first time it is chosen (`changeLanguage('en')` waits for it).
 */
const lazyTexts = {
  type: 'backend' as const,
  init() {},
  read(lng: string, _ns: string, callback: (err: unknown, data: Sections | null) => void) {
    if (!isLanguage(lng)) return callback(null, {})
    textsOf(lng).then((texts) => callback(null, texts), (err: unknown) => callback(err, null))
  },
}

/**
 * Placeholders that always hold a count: a number given for one is written as the app writes numbers in the UI language
 * ("5.000 Personen", "5,000 people"), as formatNumber does, so no text shows "5000" beside a table showing "5.000".
 * Text given for them (a value the caller formatted already) stays as it is.
 */
export const COUNT_PLACEHOLDERS = new Set([
  'count', 'rows', 'created', 'updated', 'unchanged', 'added', 'changed', 'closed', 'removed', 'shown', 'total', 'nodes', 'edges',
  'networks', 'actors', 'organisations', 'persons', 'present', 'recorded', 'min', 'max',
])

const countFormats = new Map<string, Intl.NumberFormat>()

/** i18next's formatter: counts as above; `{{x, number}}` for any other number. */
const countFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, format?: string, lng?: string, options?: { interpolationkey?: string }): string {
    const key = options?.interpolationkey ?? ''
    if (typeof value !== 'number' || !(format === 'number' || (!format && COUNT_PLACEHOLDERS.has(key)))) return value as string
    const locale = localeFor(lng ?? DEFAULT_LANGUAGE)
    let numberFormat = countFormats.get(locale)
    if (!numberFormat) countFormats.set(locale, (numberFormat = new Intl.NumberFormat(locale)))
    return numberFormat.format(value)
  },
}

/** Resolves when the texts of the chosen language are there: main.tsx renders the app only then. */
export const i18nReady = i18n.use(lazyTexts).use(countFormatter).use(initReactI18next).init({
  resources: { de: { translation: { ...de } } },
  partialBundledLanguages: true,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // alwaysFormat: every placeholder passes the formatter, which writes counts the local way (see countFormatter)
  interpolation: { escapeValue: false, alwaysFormat: true },
  initAsync: false,
})

applyLanguage(i18n.language)
i18n.on('languageChanged', (lng) => {
  applyLanguage(lng)
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng)
  } catch {
    /* storage unavailable (private mode): the choice lasts for this page only */
  }
})

/** BCP 47 locale used for number and date formatting. */
export function localeFor(lng: string): string {
  return lng === 'en' ? 'en-GB' : 'de-DE'
}

export default i18n
