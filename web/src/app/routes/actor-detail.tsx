import { ActorDetailPage } from '@/features/actors/routes/actor-detail-page'
import { ActorInventory } from '@/features/inventory/components/inventory-sections'

/** An actor's page (actors feature) with the services it runs and funds (inventory). */
export function ActorDetailRoute() {
  return <ActorDetailPage inventory={ActorInventory} />
}
