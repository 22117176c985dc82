import { useTranslation } from 'react-i18next'
import type { ServiceStatus } from '@/api'

/** The status as a badge (active services show none). */
export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  const { t } = useTranslation()
  if (status === 'active') return null
  return <span className="badge badge--muted">{t(`inventory.status.${status}`)}</span>
}

