import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Sets `document.title` to "<title> – Raumnetz". */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = title ? t('app.documentTitle', { title }) : t('app.name')
  }, [title, t])
}
