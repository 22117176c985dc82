import { useTranslation } from 'react-i18next'
import { formatValue } from '../format-value'
import '../indicators.css'

/** A value, or "gesperrt (kleine Fallzahl)" when suppressed – never a number then. */
export function ValueText({ value, decimals, unit, suppressed }: { value?: number | null; decimals: number; unit?: string; suppressed?: boolean }) {
  const { t, i18n } = useTranslation()
  if (suppressed) return <span className="suppressed">{t('indicators.suppressed')}</span>
  if (value === null || value === undefined) return <span className="muted">–</span>
  return (
    <>
      {formatValue(value, decimals, i18n.language)}
      {unit ? `\u00a0${unit}` : ''}
    </>
  )
}
