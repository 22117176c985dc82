import { SpaceActors } from '@/features/actors/components/space-actors'
import { SpaceFigures } from '@/features/indicators/components/space-figures'
import { SpaceInventory } from '@/features/inventory/components/inventory-sections'
import { SpaceNetworks } from '@/features/networks/components/space-networks'
import { SpaceDetailPage } from '@/features/spaces/routes/space-detail-page'

/** A space's page (spaces feature) with its figures, actors, networks, facilities and services (from their features). */
export function SpaceDetailRoute() {
  return <SpaceDetailPage inventory={SpaceInventory} actors={SpaceActors} networks={SpaceNetworks} figures={SpaceFigures} />
}
