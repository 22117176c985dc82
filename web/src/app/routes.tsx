import type { RouteObject } from 'react-router'
import { AppShell } from '@/components/layout/app-shell'
import { RequireAuth } from '@/features/auth/components/require-auth'
import { LoginPage } from '@/features/auth/routes/login-page'
import { StartPage } from '@/features/home/routes/start-page'
import { indicatorRoutes } from '@/features/indicators/routes'
import { NotFoundPage, RouteErrorPage } from './error-pages'

// Feature pages load on demand (one chunk per page) to keep the first download small.
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <StartPage /> },
          {
            path: 'spaces',
            lazy: async () => ({ Component: (await import('@/features/spaces/routes/spaces-page')).SpacesPage }),
          },
          {
            path: 'spaces/:id',
            lazy: async () => ({ Component: (await import('@/features/spaces/routes/space-detail-page')).SpaceDetailPage }),
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
            lazy: async () => ({ Component: (await import('@/features/actors/routes/actor-detail-page')).ActorDetailPage }),
          },
          {
            path: 'actors/:id/edit',
            lazy: async () => ({ Component: (await import('@/features/actors/routes/actor-edit-page')).ActorEditPage }),
          },
          ...indicatorRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]
