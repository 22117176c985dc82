import { queryOptions, useQueries, useQuery } from '@tanstack/react-query'
import type { SpaceDto } from '@/api'
import { MAX_PAGE_SIZE, listSpaces } from '@/api/requests'
import { spaceQuery } from '@/components/pickers/spaces'
import { queryKeys } from '@/lib/query-keys'


/** Direct children of a space (all of them: the API's maximum page size). */
export const spaceChildrenQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.spaces.children(id),
    queryFn: async () => (await listSpaces({ parentId: id, limit: MAX_PAGE_SIZE })).items,
  })

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
