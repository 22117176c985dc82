import type { RouteObject } from 'react-router'
import { prefetchInto } from '@/lib/query-client'

// The indicators area, one lazily loaded chunk per page (spread into the app's route table).
export const indicatorRoutes: RouteObject[] = [
  { path: 'indicators', lazy: async () => ({ Component: (await import('./routes/indicators-page')).IndicatorsPage }) },
  { path: 'indicators/sets', lazy: async () => ({ Component: (await import('./routes/indicator-sets-page')).IndicatorSetsPage }) },
  { path: 'indicators/sets/new', lazy: async () => ({ Component: (await import('./routes/indicator-set-page')).IndicatorSetPage }) },
  { path: 'indicators/sets/:id', lazy: async () => ({ Component: (await import('./routes/indicator-set-page')).IndicatorSetPage }) },
  { path: 'indicators/import', lazy: async () => ({ Component: (await import('./routes/import-page')).ImportPage }) },
  { path: 'indicators/entry-grid', lazy: async () => ({ Component: (await import('./routes/entry-grid-page')).EntryGridPage }) },
  { path: 'indicators/entry', lazy: async () => ({ Component: (await import('./routes/data-entry-page')).DataEntryPage }) },
  { path: 'indicators/rating', lazy: async () => ({ Component: (await import('./routes/rating-page')).RatingPage }) },
  { path: 'indicators/map', lazy: async () => ({ Component: (await import('./routes/map-page')).MapPage }) },
  { path: 'indicators/new', lazy: async () => ({ Component: (await import('./routes/indicator-create-page')).IndicatorCreatePage }) },
  { path: 'indicators/:id', lazy: async () => ({ Component: (await import('./routes/indicator-detail-page')).IndicatorDetailPage }) },
  { path: 'indicators/:id/edit', lazy: async () => ({ Component: (await import('./routes/indicator-edit-page')).IndicatorEditPage }) },
  {
    path: 'spaces/:id/indicators',
    // the page's first reads start with its code, not after it (see prefetchInto)
    loader: ({ params }) => prefetchInto(async (client) =>
      (await import('./routes/space-indicators-prefetch')).prefetchSpaceIndicators(client, params.id ?? '')),
    // choosing a set, a reference or a period (the query string) needs no new first reads
    shouldRevalidate: ({ currentParams, nextParams }) => currentParams.id !== nextParams.id,
    lazy: async () => ({ Component: (await import('./routes/space-indicators-page')).SpaceIndicatorsPage }),
  },
]
