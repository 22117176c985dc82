import { queryOptions, useQuery } from '@tanstack/react-query'
import type { ActorKind } from '@/api'
import { MAX_PAGE_SIZE, listActors } from '@/api/requests'
import { queryKeys } from '@/lib/query-keys'

/** Up to 500 non-archived actors (of one kind, or all) for pickers: parent organisation, relation partner, members, responsibles. */
export const actorOptionsQuery = (kind?: ActorKind) =>
  queryOptions({
    queryKey: queryKeys.actors.optionsOf(kind),
    queryFn: async () => (await listActors({ kind, includeArchived: false, limit: MAX_PAGE_SIZE })).items,
    staleTime: 60_000,
  })

export function useActorOptions(kind?: ActorKind) {
  return useQuery(actorOptionsQuery(kind))
}
