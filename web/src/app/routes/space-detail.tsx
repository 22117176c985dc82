import { SpaceInventory } from '@/features/inventory/components/inventory-sections'
import { SpaceCoverage } from '@/features/inventory/components/space-coverage'
import { SpaceDetailPage } from '@/features/spaces/routes/space-detail-page'

/** A space's page (spaces feature) with its facilities and services and its coverage per category (inventory). */
export function SpaceDetailRoute() {
  return <SpaceDetailPage inventory={SpaceInventory} coverage={SpaceCoverage} />
}
