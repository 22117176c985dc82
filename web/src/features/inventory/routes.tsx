import type { RouteObject } from 'react-router'

// The inventory (Bestandsaufnahme), one lazily loaded chunk per page (spread into the app's route table).
export const inventoryRoutes: RouteObject[] = [
  { path: 'inventory', lazy: async () => ({ Component: (await import('./routes/inventory-page')).InventoryPage }) },
  { path: 'inventory/locations/new',
    lazy: async () => ({ Component: (await import('./routes/location-create-page')).LocationCreatePage }) },
  { path: 'inventory/locations/:id/edit',
    lazy: async () => ({ Component: (await import('./routes/location-edit-page')).LocationEditPage }) },
  { path: 'inventory/import', lazy: async () => ({ Component: (await import('./routes/import-page')).InventoryImportPage }) },
  { path: 'inventory/rounds/new', lazy: async () => ({ Component: (await import('./routes/round-create-page')).RoundCreatePage }) },
  { path: 'inventory/locations/:id', lazy: async () => ({ Component: (await import('./routes/location-page')).LocationPage }) },
  { path: 'inventory/services/new', lazy: async () => ({ Component: (await import('./routes/service-create-page')).ServiceCreatePage }) },
  { path: 'inventory/services/:id', lazy: async () => ({ Component: (await import('./routes/service-page')).ServicePage }) },
  { path: 'inventory/services/:id/edit', lazy: async () => ({ Component: (await import('./routes/service-edit-page')).ServiceEditPage }) },
  { path: 'inventory/verification', lazy: async () => ({ Component: (await import('./routes/verification-page')).VerificationPage }) },
  { path: 'inventory/rounds', lazy: async () => ({ Component: (await import('./routes/rounds-page')).RoundsPage }) },
  { path: 'inventory/rounds/:id', lazy: async () => ({ Component: (await import('./routes/round-page')).RoundPage }) },
  { path: 'inventory/funding-ending', lazy: async () => ({ Component: (await import('./routes/funding-ending-page')).FundingEndingPage }) },
  { path: 'inventory/coverage', lazy: async () => ({ Component: (await import('./routes/coverage-page')).CoveragePage }) },
]
