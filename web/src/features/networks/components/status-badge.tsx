import { useTranslation } from 'react-i18next'
import type { NetworkStatus } from '@/api'

/** Network status as a word in a pill (the word carries the meaning, the colour only supports it). */
export function StatusBadge({ status }: { status: NetworkStatus }) {
  const { t } = useTranslation()
  return <span className={`pill pill--${status}`}>{t(`networks.statuses.${status}`)}</span>
}
