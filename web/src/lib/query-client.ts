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
