import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type ChangePasswordRequest } from '@/api'
import { queryKeys } from '@/lib/query-keys'

/** The signed-in user's open sessions (newest first; `current` marks this browser's). */
export const ownSessionsQuery = queryOptions({
  queryKey: queryKeys.ownSessions,
  queryFn: () => api.listSessions(),
})

export function useOwnSessions(enabled = true) {
  return useQuery({ ...ownSessionsQuery, enabled })
}

/** Changes the own password; the server ends every other session, so the list and the user are read again. */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.changePassword(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.currentUser })
      await queryClient.invalidateQueries({ queryKey: queryKeys.ownSessions })
    },
  })
}

/** Ends one of the own sessions (another browser or device). */
export function useEndSession() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.endSession(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.ownSessions }),
  })
}
