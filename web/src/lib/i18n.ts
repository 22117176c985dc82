import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { de } from '@/locales/de'
import { en } from '@/locales/en'

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
  resources: { de: { translation: de }, en: { translation: en } },
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
