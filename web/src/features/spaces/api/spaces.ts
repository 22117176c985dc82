import { queryOptions, useQueries, useQuery } from '@tanstack/react-query'
import { api, type SpaceDto, type SpaceTreeNode } from '@/api'

export const spaceKeys = {
  all: ['spaces'] as const,
  tree: (validOn?: string) => ['spaces', 'tree', validOn ?? null] as const,
  detail: (id: string) => ['spaces', 'detail', id] as const,
  children: (id: string) => ['spaces', 'children', id] as const,
}

export const spaceTreeQuery = (validOn?: string) =>
  queryOptions({
    queryKey: spaceKeys.tree(validOn),
    queryFn: () => api.getSpaceTree(validOn || undefined),
    staleTime: 5 * 60_000,
  })

export const spaceQuery = (id: string) =>
  queryOptions({
    queryKey: spaceKeys.detail(id),
    queryFn: () => api.getSpace(id),
  })

/** Direct children of a space (all of them: the API's maximum page size). */
export const spaceChildrenQuery = (id: string) =>
  queryOptions({
    queryKey: spaceKeys.children(id),
    queryFn: async () => (await api.listSpaces(undefined, id, undefined, undefined, 500)).items,
  })

export function useSpaceTree(validOn?: string) {
  return useQuery(spaceTreeQuery(validOn))
}

export function useSpace(id: string) {
  return useQuery(spaceQuery(id))
}

export function useSpaceChildren(id: string, enabled = true) {
  return useQuery({ ...spaceChildrenQuery(id), enabled })
}

/** Loads several spaces by id (e.g. predecessors); failed ones are simply missing. */
export function useSpacesById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => spaceQuery(id)),
    combine: (results) => ({
      spaces: results.map((r) => r.data).filter((s): s is SpaceDto => s !== undefined),
      isPending: results.some((r) => r.isPending),
    }),
  })
}

export interface FlatSpace {
  id: string
  name: string
  code: string
  level: SpaceTreeNode['level']
  depth: number
}

/** Depth-first list of a space tree (for selects and id → name look-ups). */
export function flattenTree(nodes: readonly SpaceTreeNode[], depth = 0, out: FlatSpace[] = []): FlatSpace[] {
  for (const node of nodes) {
    out.push({ id: node.id, name: node.name, code: node.code, level: node.level, depth })
    flattenTree(node.children ?? [], depth + 1, out)
  }
  return out
}
