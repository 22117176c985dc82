import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { de } from '@/locales/de'
import { en } from '@/locales/en'

/** A locale file's type for another language: the same keys as `T`, every text a string. */
export type Translations<T> = { [K in keyof T]: T[K] extends string ? string : Translations<T[K]> }

/**
 * Every feature's texts: `features/<x>/locales/de.ts` and `en.ts` export `de` and `en`, objects with the feature's own
 * top-level sections (actors: `actors`; networks: `networks` and `meetings`; …). They are found by that convention, so
 * shared code names no feature, and merged beside the shared texts of src/locales. A section belongs to one file only
 * (locales.test checks it, and that every feature uses only its own sections and the shared ones).
 */
export const featureLocales = import.meta.glob<{ de?: Record<string, object>; en?: Record<string, object> }>('../features/*/locales/*.ts', {
  eager: true,
})

/** The shared texts of one language with every feature's sections beside them. */
export function textsOf(lng: Language): Record<string, object> {
  const shared = lng === 'de' ? de : en
  return Object.assign({}, shared, ...Object.values(featureLocales).map((module) => module[lng] ?? {}))
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

void i18n.use(initReactI18next).init({
  resources: { de: { translation: textsOf('de') }, en: { translation: textsOf('en') } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
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
