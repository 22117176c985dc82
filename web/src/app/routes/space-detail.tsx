import { SpaceActors } from '@/features/actors/components/space-actors'
import { SpaceFigures } from '@/features/indicators/components/space-figures'
import { SpaceInventory } from '@/features/inventory/components/inventory-sections'
import { SpaceCoverage } from '@/features/inventory/components/space-coverage'
import { SpaceNetworks } from '@/features/networks/components/space-networks'
import { SpaceDetailPage } from '@/features/spaces/routes/space-detail-page'

/**
 * A space's page (spaces feature) with its figures, actors, networks, facilities and services and its coverage per category
 * (from their features).
 */
export function SpaceDetailRoute() {
  return (
    <SpaceDetailPage
      inventory={SpaceInventory}
      coverage={SpaceCoverage}
      actors={SpaceActors}
      networks={SpaceNetworks}
      figures={SpaceFigures}
    />
  )
}
