/**
 * The signed-in user's preferences, kept on the server (GET/PUT /api/v1/auth/me/preferences): which indicator sets the
 * start page shows, for which area and level, which indicator colours the map, and which actor "my agreements" are for.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, etag, type DashboardPreferences, type UserPreferencesDto } from '@/api'
import { queryKeys } from './query-keys'

export function useMyPreferences() {
  return useQuery({ queryKey: queryKeys.myPreferences, queryFn: () => api.getMyPreferences(), staleTime: 60_000 })
}

/** Saves a change to the dashboard preferences on top of the last version read (the cache follows at once). */
export function useSaveDashboardPreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (change: Partial<DashboardPreferences>) => {
      const current = queryClient.getQueryData<UserPreferencesDto>(queryKeys.myPreferences) ?? await api.getMyPreferences()
      const dashboard = { ...current.dashboard, ...change }
      // the defaults have no version: the first save replaces whatever is current (If-Match: *)
      return api.saveMyPreferences(current.version > 0 ? etag(current.version) : '*', { dashboard })
    },
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.myPreferences, saved),
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.myPreferences }),
  })
}
