import { useTranslation } from 'react-i18next'
import type { ServiceDto } from '@/api'

/** "3 bis 12 Jahre", "ab 18 Jahren", or nothing without ages. */
export function useAgeText() {
  const { t } = useTranslation()
  return (s: Pick<ServiceDto, 'minimumAge' | 'maximumAge'>) =>
    s.minimumAge != null && s.maximumAge != null ? t('inventory.ages.range', { min: s.minimumAge, max: s.maximumAge })
    : s.minimumAge != null ? t('inventory.ages.from', { min: s.minimumAge })
    : s.maximumAge != null ? t('inventory.ages.to', { max: s.maximumAge })
    : ''
}
