import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import type { CurrentUserDto } from '@/api'
import { Role } from '@/api'
import { AppProvider } from '@/app/provider'
import { routes as appRoutes } from '@/app/router'
import { createQueryClient } from '@/lib/query-client'
import { queryKeys } from '@/lib/query-keys'

export const testUser: CurrentUserDto = {
  id: '0190c5a0-0000-7000-8000-000000000001',
  email: 'koordination@example.org',
  displayName: 'Kim Koordination',
  role: Role.Coordinator,
  mustChangePassword: false,
  grants: [],
}

interface Options {
  route?: string
  /** Signed-in user put into the cache (null = signed out, 'ask' = ask the API via /auth/me). */
  user?: CurrentUserDto | null | 'ask'
  routes?: RouteObject[]
}

/** Renders the real route table (or given routes) in a memory router with fresh providers. */
export function renderApp({ route = '/', user = testUser, routes = appRoutes }: Options = {}) {
  const queryClient = createQueryClient()
  if (user !== 'ask') queryClient.setQueryData(queryKeys.currentUser, user)
  const router = createMemoryRouter(routes, { initialEntries: [route] })
  const utils = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { ...utils, router, queryClient }
}

/** Renders one element inside the providers and a memory router at `route`. */
export function renderWithProviders(element: ReactElement, { route = '/', user = testUser }: Omit<Options, 'routes'> = {}) {
  return renderApp({ route, user, routes: [{ path: '*', element }] })
}
