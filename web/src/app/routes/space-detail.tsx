import { SpaceInventory } from '@/features/inventory/components/inventory-sections'
import { SpaceDetailPage } from '@/features/spaces/routes/space-detail-page'

/** A space's page (spaces feature) with its facilities and services (inventory). */
export function SpaceDetailRoute() {
  return <SpaceDetailPage inventory={SpaceInventory} />
}
