import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, type ActorKind } from '@/api'
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

/** One actor by id (for showing a chosen actor's name); nothing while no id is given. */
export function useActor(id: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.actors.all, 'picked', id ?? null],
    queryFn: () => api.getActor(id ?? ''),
    enabled: !!id,
    staleTime: 60_000,
  })
}
