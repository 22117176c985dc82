import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, LANGUAGES } from '@/lib/i18n'

/** Language choice; i18n persists it in localStorage and sets <html lang>. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'de'
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} value={current} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`shell.languages.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
