import { NetworkDetailPage } from '@/features/networks/routes/network-detail-page'
import { NetworkAgreements } from '@/features/tasks/components/agreements-sections'

/** A network's page (networks feature) with its agreements (tasks feature). */
export function NetworkDetailRoute() {
  return <NetworkDetailPage agreements={NetworkAgreements} />
}
