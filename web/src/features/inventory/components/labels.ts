import { useTranslation } from 'react-i18next'
import type { TermRef } from '@/api'

/** A term's name in the UI language (German when English is missing). */
export function useTermName() {
  const { i18n } = useTranslation()
  return (term: Pick<TermRef, 'code' | 'nameDe' | 'nameEn'>) =>
    (i18n.language === 'en' ? term.nameEn || term.nameDe : term.nameDe) || term.code
}

/** The terms' names, joined ("Kita, Hort"). */
export function useTermNames() {
  const name = useTermName()
  return (terms: readonly TermRef[]) => terms.map(name).join(', ')
}
