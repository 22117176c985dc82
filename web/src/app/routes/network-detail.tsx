import { useTranslation } from 'react-i18next'
import { NetworkServices } from '@/features/inventory/components/inventory-sections'
import { NetworkDetailPage } from '@/features/networks/routes/network-detail-page'
import { NetworkAgreements } from '@/features/tasks/components/agreements-sections'

/** A network's page (networks feature) with its agreements (tasks feature) and its services (inventory). */
export function NetworkDetailRoute() {
  const { t } = useTranslation()
  return (
    <NetworkDetailPage agreements={NetworkAgreements} services={NetworkServices} servicesLabel={t('inventory.sections.networkTitle')} />
  )
}
