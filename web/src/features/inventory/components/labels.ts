import { useTranslation } from 'react-i18next'
import type { TermRef } from '@/api'

/** A term's name in a language (German when English is missing, the code when both are). */
export function termName(term: Pick<TermRef, 'code' | 'nameDe' | 'nameEn'>, lng: string): string {
  return (lng === 'en' ? term.nameEn || term.nameDe : term.nameDe) || term.code
}

/** A term's name in the UI language (German when English is missing). */
export function useTermName() {
  const { i18n } = useTranslation()
  return (term: Pick<TermRef, 'code' | 'nameDe' | 'nameEn'>) => termName(term, i18n.language)
}

/** The terms' names, joined ("Kita, Hort"). */
export function useTermNames() {
  const name = useTermName()
  return (terms: readonly TermRef[]) => terms.map(name).join(', ')
}

/** A language's name in the UI language (the code when the browser does not know it). */
export function languageName(code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([lng], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
