import { queryOptions, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { api, type SpaceTreeNode } from '@/api'
import { queryKeys } from '@/lib/query-keys'

/** The space hierarchy (valid on a day, or today), for the tree and for every space select and checkbox list. */
export const spaceTreeQuery = (validOn?: string) =>
  queryOptions({
    queryKey: queryKeys.spaces.tree(validOn),
    queryFn: () => api.getSpaceTree(validOn || undefined),
    staleTime: 5 * 60_000,
  })

/** One space with its parent, predecessors and successors. */
export const spaceQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.spaces.detail(id),
    queryFn: () => api.getSpace(id),
  })

export function useSpaceTree(validOn?: string) {
  return useQuery(spaceTreeQuery(validOn))
}

export function useSpace(id: string) {
  return useQuery(spaceQuery(id))
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

/** Today's space tree as a depth-first list (empty while loading), with the query for its state. */
export function useFlatSpaces() {
  const tree = useSpaceTree()
  const spaces = useMemo(() => (tree.data ? flattenTree(tree.data) : []), [tree.data])
  return { spaces, tree }
}
