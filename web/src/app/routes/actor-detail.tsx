import { ActorDetailPage } from '@/features/actors/routes/actor-detail-page'
import { ActorInventory } from '@/features/inventory/components/inventory-sections'
import { ActorNetworks } from '@/features/networks/components/actor-networks'
import { ActorAgreements } from '@/features/tasks/components/actor-agreements'

/** An actor's page (actors feature) with its networks and roles, its agreements and the services it runs and funds. */
export function ActorDetailRoute() {
  return <ActorDetailPage inventory={ActorInventory} networks={ActorNetworks} agreements={ActorAgreements} />
}
