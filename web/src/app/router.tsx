import type { RouteObject } from 'react-router'
import { AppShell } from '@/components/layout/app-shell'
import { RequireAuth } from '@/features/auth/components/require-auth'
import { indicatorRoutes } from '@/features/indicators/routes'
import { privacyRoutes } from '@/features/privacy/routes'
import { userRoutes } from '@/features/users/routes'
import { webhookRoutes } from '@/features/webhooks/routes'
import { inventoryRoutes } from '@/features/inventory/routes'
import { loadFeatureTexts } from '@/lib/i18n'
import { BlankUntilLoaded, NotFoundPage, RouteErrorPage } from './error-pages'

/** The routes with every page's download joined by the features' texts (not on the first paint, see lib/i18n). */
export function withFeatureTexts(list: RouteObject[]): RouteObject[] {
  return list.map((route) => {
    const children = route.children ? withFeatureTexts(route.children) : undefined
    const lazy = route.lazy
    const page = typeof lazy === 'function'
      ? { lazy: async () => (await Promise.all([lazy(), loadFeatureTexts()]))[0] }
      : {}
    return { ...route, ...(children ? { children } : {}), ...page } as RouteObject
  })
}

// Feature pages load on demand (one chunk per page) to keep the first download small. A page that shows more than one
// feature (the start page, a network with its agreements, a meeting with the agreements made in it) is put together in
// ./routes: features never import each other.
export const routes: RouteObject[] = withFeatureTexts([
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('@/features/auth/routes/login-page')).LoginPage }),
    errorElement: <RouteErrorPage />,
  },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    // Nothing is shown on the first load until the page's code is there (as without a loader); it only tells the router
    // that this is meant, now that a page's loader starts its reads early (features/indicators/routes).
    HydrateFallback: BlankUntilLoaded,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./routes/start-page')).StartPage }) },
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('@/features/auth/routes/account-page')).AccountPage }),
          },
          {
            path: 'spaces',
            lazy: async () => ({ Component: (await import('@/features/spaces/routes/spaces-page')).SpacesPage }),
          },
          {
            path: 'spaces/new',
            lazy: async () => ({ Component: (await import('@/features/spaces/routes/space-editor-pages')).SpaceCreatePage }),
          },
          {
            path: 'spaces/import',
            lazy: async () => ({ Component: (await import('@/features/spaces/routes/space-editor-pages')).SpaceImportPage }),
          },
          {
            path: 'spaces/:id/edit',
            lazy: async () => ({ Component: (await import('@/features/spaces/routes/space-editor-pages')).SpaceEditPage }),
          },
          {
            path: 'spaces/:id',
            lazy: async () => ({ Component: (await import('./routes/space-detail')).SpaceDetailRoute }),
          },
          {
            path: 'actors',
            lazy: async () => ({ Component: (await import('@/features/actors/routes/actors-page')).ActorsPage }),
          },
          {
            path: 'actors/new',
            lazy: async () => ({ Component: (await import('@/features/actors/routes/actor-create-page')).ActorCreatePage }),
          },
          {
            path: 'actors/:id',
            lazy: async () => ({ Component: (await import('./routes/actor-detail')).ActorDetailRoute }),
          },
          {
            path: 'actors/:id/edit',
            lazy: async () => ({ Component: (await import('@/features/actors/routes/actor-edit-page')).ActorEditPage }),
          },
          {
            path: 'networks',
            lazy: async () => ({ Component: (await import('@/features/networks/routes/networks-page')).NetworksPage }),
          },
          {
            path: 'networks/new',
            lazy: async () => ({ Component: (await import('@/features/networks/routes/network-create-page')).NetworkCreatePage }),
          },
          {
            path: 'networks/:id',
            lazy: async () => ({ Component: (await import('./routes/network-detail')).NetworkDetailRoute }),
          },
          {
            path: 'networks/:id/edit',
            lazy: async () => ({ Component: (await import('@/features/networks/routes/network-edit-page')).NetworkEditPage }),
          },
          {
            path: 'networks/:id/meetings/new',
            lazy: async () => ({ Component: (await import('@/features/networks/routes/meeting-create-page')).MeetingCreatePage }),
          },
          {
            path: 'meetings/:id',
            lazy: async () => ({ Component: (await import('./routes/meeting')).MeetingRoute }),
          },
          {
            path: 'meetings/:id/edit',
            lazy: async () => ({ Component: (await import('@/features/networks/routes/meeting-edit-page')).MeetingEditPage }),
          },
          {
            path: 'tasks',
            lazy: async () => ({ Component: (await import('@/features/tasks/routes/agreements-board-page')).AgreementsBoardPage }),
          },
          {
            // Cytoscape is only downloaded when the map is opened.
            path: 'network-map',
            lazy: async () => ({ Component: (await import('@/features/network-map/routes/network-map-page')).NetworkMapPage }),
          },
          ...indicatorRoutes,
          ...userRoutes,
          ...webhookRoutes,
          ...privacyRoutes,
          ...inventoryRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
])
