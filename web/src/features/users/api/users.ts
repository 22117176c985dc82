import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Role, type RoleGrantInput } from '@/api'
import { queryKeys } from '@/lib/query-keys'

/** Every account (administrators only). */
export const usersQuery = queryOptions({ queryKey: queryKeys.users.all, queryFn: () => api.listUsers() })

export function useUsers() {
  return useQuery(usersQuery)
}

function useUserMutation<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }) })
}

/**
 * New name, role and (when given) grants for networks and space subtrees (If-Match with the version the list showed: a
 * change made meanwhile gives 412). Leaving `grants` out keeps the account's grants.
 */
export function useUpdateUser() {
  return useUserMutation(({ id, version, displayName, role, grants }: { id: string; version: number; displayName: string; role: Role;
    grants?: RoleGrantInput[] }) => api.updateUser(id, `"${version}"`, { displayName, role, grants }))
}

export function useSetActive() {
  return useUserMutation(({ id, active }: { id: string; active: boolean }) => (active ? api.reactivateUser(id) : api.deactivateUser(id)))
}

/** A one-time password: the account's sessions end and the user must choose a new one at the next sign-in. */
export function useSetOneTimePassword() {
  return useUserMutation(({ id, password }: { id: string; password: string }) => api.setUserPassword(id, { password }))
}
