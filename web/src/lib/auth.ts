/**
 * The signed-in user for the whole app (as bulletproof-react's lib/auth): who it is, sign-in and sign-out, and whether
 * they may write. The login page and the route guard live in features/auth; everything else asks here.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, Role, type CurrentUserDto, type LoginRequest } from '@/api'
import { toProblem } from '@/api/problem'
import { queryKeys } from './query-keys'

/** The signed-in user, or null when the API answers 401 (or 404: the account no longer exists). */
export const currentUserQuery = queryOptions<CurrentUserDto | null>({
  queryKey: queryKeys.currentUser,
  queryFn: async () => {
    try {
      return await api.getCurrentUser()
    } catch (err) {
      const { status } = toProblem(err)
      if (status === 401 || status === 404) return null
      throw err
    }
  },
  staleTime: 5 * 60_000,
})

export function useCurrentUser() {
  return useQuery(currentUserQuery)
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: LoginRequest) => api.login(body),
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.currentUser[0] })
      queryClient.setQueryData(queryKeys.currentUser, user)
    },
  })
}

/** Signs out: this session (default) or, with `everywhere`, every session of the user on every device. */
export function useLogout({ everywhere = false }: { everywhere?: boolean } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => (everywhere ? api.logoutEverywhere() : api.logout()),
    onSettled: () => {
      queryClient.clear()
      queryClient.setQueryData(queryKeys.currentUser, null)
    },
  })
}

const WRITER_ROLES: ReadonlySet<string> = new Set([Role.Editor, Role.Coordinator, Role.Admin])

/** Whether the signed-in user may create and change records (editor, coordinator, admin). */
export function useCanWrite(): boolean {
  const { data } = useCurrentUser()
  return !!data && WRITER_ROLES.has(data.role)
}
