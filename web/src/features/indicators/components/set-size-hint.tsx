import { useTranslation } from 'react-i18next'
import { Alert } from '@/components/ui/feedback'

export const RECOMMENDED_MAX_INDICATORS = 7

/** "Lieber wenige aussagekräftige Indikatoren": shown as soon as a set holds more than seven. */
export function SetSizeHint({ count, max = RECOMMENDED_MAX_INDICATORS }: { count: number; max?: number }) {
  const { t } = useTranslation()
  if (count <= max) return null
  return (
    <Alert tone="warning" title={t('indicators.sets.tooMany')}>
      <p>{t('indicators.sets.tooManyCount', { count })}</p>
    </Alert>
  )
}
