/**
 * The signed-in user for the whole app (as bulletproof-react's lib/auth): who it is, sign-in and sign-out, and whether
 * they may write. The login page and the route guard live in features/auth; everything else asks here.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CurrentUserDto, GrantScope, LoginRequest, Role, RoleGrantDto, SpaceTreeNode } from '@/api/client'
import { apiFetch } from '@/api/fetch'
import { queryKeys } from './query-keys'

/**
 * The generated client, loaded on first use: the shell and the route guard are on the first paint, the client (the
 * largest module of the app) comes with the session request and the first page instead.
 */
const client = () => import('@/api').then((m) => m.api)

// The enums' values, spelt out so that this module needs no value from the generated client.
const ROLE = { editor: 'editor' as Role, coordinator: 'coordinator' as Role, admin: 'admin' as Role }
const SCOPE = { network: 'network' as GrantScope, space: 'space' as GrantScope }

/** The signed-in user, or null when the API answers 401 (or 404: the account no longer exists). */
export const currentUserQuery = queryOptions<CurrentUserDto | null>({
  queryKey: queryKeys.currentUser,
  // A plain request rather than the generated client's: the session is asked for while the client and the page are still
  // being downloaded, so that the page's own requests need not wait for it (Lighthouse, issue 14).
  queryFn: async () => {
    const response = await apiFetch('/api/v1/auth/me', { headers: { Accept: 'application/json' } })
    if (response.status === 401 || response.status === 404) return null
    if (response.ok) return (await response.json()) as CurrentUserDto
    // the problem details as the generated client would throw them (toProblem reads either)
    const body: unknown = await response.json().catch(() => undefined)
    throw typeof body === 'object' && body !== null
      ? { ...body, status: response.status }
      : { status: response.status, title: response.statusText }
  },
  staleTime: 5 * 60_000,
})

export function useCurrentUser() {
  return useQuery(currentUserQuery)
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (body: LoginRequest) => (await client()).login(body),
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
    mutationFn: async () => {
      const api = await client()
      return everywhere ? api.logoutEverywhere() : api.logout()
    },
    onSettled: () => {
      queryClient.clear()
      queryClient.setQueryData(queryKeys.currentUser, null)
    },
  })
}

const WRITER_ROLES: ReadonlySet<string> = new Set([ROLE.editor, ROLE.coordinator, ROLE.admin])

/** What a write would touch: a network (with its members, meetings, agreements) or a space (and so its subtree's records). */
export interface WriteTarget {
  networkId?: string
  spaceId?: string
  /** Several spaces that must all be covered (a service: its locations' and served spaces); an undefined entry covers none. */
  spaceIds?: readonly (string | undefined)[]
}

/**
 * Whether the signed-in user may write, and if not why: `readOnlyRole` (a reading role and no grant reaching here) or
 * `outsideScope` (grants for other networks or space subtrees). The API decides the same way for every write
 * (Application/Authorization); this only hides what would be refused.
 */
export interface WriteAccess {
  allowed: boolean
  denial: 'readOnlyRole' | 'outsideScope' | null
  role: Role | null
  grants: RoleGrantDto[]
}

/** The ids of a space and its ancestors, found in the space tree (empty when the space is not in it). */
export function ancestorsAndSelf(nodes: readonly SpaceTreeNode[], id: string, path: string[] = []): string[] {
  for (const node of nodes) {
    if (node.id === id) return [...path, node.id]
    const found = ancestorsAndSelf(node.children ?? [], id, [...path, node.id])
    if (found.length) return found
  }
  return []
}

/** The spaces a target names (a space or several), undefined for a place without a space. */
function targetSpaces(target: WriteTarget | undefined): (string | undefined)[] {
  return target?.spaceIds ? [...target.spaceIds] : target?.spaceId ? [target.spaceId] : []
}

/**
 * Pure decision (tested on its own): global writers everywhere; grants for their network, or space grants that cover
 * every space of the target (`ancestorsOf` gives a space and its ancestors).
 */
export function decideWriteAccess(user: CurrentUserDto | null | undefined, target: WriteTarget | undefined,
  ancestorsOf: (spaceId: string) => readonly string[]): WriteAccess {
  if (!user) return { allowed: false, denial: null, role: null, grants: [] }
  const grants = user.grants ?? []
  const base = { role: user.role, grants }
  if (WRITER_ROLES.has(user.role)) return { ...base, allowed: true, denial: null }
  const denied = { ...base, allowed: false, denial: grants.length ? 'outsideScope' as const : 'readOnlyRole' as const }
  if (!target || !grants.length) return denied
  if (target.networkId && grants.some((g) => g.scope === SCOPE.network && g.targetId === target.networkId))
    return { ...base, allowed: true, denial: null }
  const spaces = targetSpaces(target)
  const roots = grants.filter((g) => g.scope === SCOPE.space).map((g) => g.targetId)
  if (spaces.length && roots.length
    && spaces.every((id) => !!id && ancestorsOf(id).some((a) => roots.includes(a))))
    return { ...base, allowed: true, denial: null }
  return denied
}

/**
 * Write access of the signed-in user: without a target, for global records (actors, indicators, new networks); with a
 * network or a space, also through a grant for it. The space tree is read only when a space grant could decide.
 */
export function useWriteAccess(target?: WriteTarget): WriteAccess {
  const { data } = useCurrentUser()
  const needsTree = targetSpaces(target).length > 0 && !!data && !WRITER_ROLES.has(data.role)
    && (data.grants ?? []).some((g) => g.scope === SCOPE.space)
  const tree = useQuery({
    queryKey: queryKeys.spaces.tree(undefined),
    queryFn: async () => (await client()).getSpaceTree(undefined),
    staleTime: 5 * 60_000,
    enabled: needsTree,
  })
  const nodes = needsTree ? tree.data : undefined
  return decideWriteAccess(data, target, (id) => (nodes ? ancestorsAndSelf(nodes, id) : []))
}

/** Whether the signed-in user may create and change records (editor, coordinator, admin; or a grant for the target). */
export function useCanWrite(target?: WriteTarget): boolean {
  return useWriteAccess(target).allowed
}
