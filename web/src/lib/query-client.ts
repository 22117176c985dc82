import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { toProblem } from '@/api/problem'
import { queryKeys } from './query-keys'

/** Client errors (4xx) are answers, not hiccups: retry only network failures and 5xx. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const { status } = toProblem(error)
  if (status >= 400 && status < 500) return false
  return failureCount < 2
}

/**
 * One QueryClient per app (and per test). Any 401 from any query or mutation clears the
 * cached current user, which makes the route guard send the person to the login page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  })
  function onUnauthorized(error: unknown) {
    if (toProblem(error).status === 401) client.setQueryData(queryKeys.currentUser, null)
  }
  return client
}

let appClient: QueryClient | undefined

/** The app's one client (app.tsx); tests make their own with createQueryClient and leave this unset. */
export function createAppQueryClient(): QueryClient {
  appClient = createQueryClient()
  return appClient
}

/**
 * For a route's loader: starts the page's first reads into the app's client while the page's code is still downloading
 * and the session is being asked for, instead of after both (one round trip less before the page shows; Lighthouse,
 * issue 14). Never waits and never fails the navigation: the page asks again for whatever did not arrive. Does nothing
 * without the app's client (tests).
 */
export function prefetchInto(load: (client: QueryClient) => Promise<unknown>): null {
  if (appClient) void load(appClient).catch(() => undefined)
  return null
}
