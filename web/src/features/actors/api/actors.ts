import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  api,
  etag,
  type ActorDto,
  type ActorKind,
  type CreateActorRelationRequest,
  type CreateActorRequest,
  type ListActorsSort,
  type Sector,
  type UpdateActorRequest,
} from '@/api'
import { listActorRelations, listActors } from '@/api/requests'
import { cursorPaging, firstPageCounts } from '@/lib/cursor-paging'
import { queryKeys } from '@/lib/query-keys'

export interface ActorFilters {
  q?: string
  type?: string
  sector?: Sector
  spaceId?: string
  kind?: ActorKind
  includeArchived?: boolean
  sort?: ListActorsSort
}

export const ACTORS_PAGE_SIZE = 50

export const actorTypesQuery = queryOptions({
  queryKey: queryKeys.actors.types,
  queryFn: () => api.listActorTypes(),
  staleTime: 60 * 60_000,
})

export const actorQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.actors.detail(id),
    queryFn: () => api.getActor(id),
  })

export const RELATIONS_PAGE_SIZE = 100

export function useActorTypes() {
  return useQuery(actorTypesQuery)
}

export function useActor(id: string) {
  return useQuery(actorQuery(id))
}

/** Relations of one actor in both directions, page by page along the cursor. */
export function useActorRelations(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.actors.relations(id),
    queryFn: ({ pageParam }) => listActorRelations(id, { limit: RELATIONS_PAGE_SIZE, cursor: pageParam }),
    ...cursorPaging,
  })
}

/** The actor list, page by page along the API's opaque cursor ("weitere laden"). */
export function useActorList(filters: ActorFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.actors.list(filters),
    queryFn: ({ pageParam }) =>
      listActors({
        ...filters,
        includeArchived: filters.includeArchived || undefined,
        limit: ACTORS_PAGE_SIZE,
        cursor: pageParam,
        includeTotal: firstPageCounts(pageParam),
      }),
    ...cursorPaging,
    placeholderData: keepPreviousData,
  })
}

function useActorCacheUpdate() {
  const queryClient = useQueryClient()
  return (actor: ActorDto) => {
    queryClient.setQueryData(queryKeys.actors.detail(actor.id), actor)
    void queryClient.invalidateQueries({ queryKey: queryKeys.actors.lists })
    void queryClient.invalidateQueries({ queryKey: queryKeys.actors.options })
  }
}

export function useCreateActor() {
  const update = useActorCacheUpdate()
  return useMutation({
    mutationFn: (body: CreateActorRequest) => api.createActor(body),
    onSuccess: update,
  })
}

export function useUpdateActor(id: string) {
  const update = useActorCacheUpdate()
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateActorRequest; version: number }) => api.updateActor(id, etag(version), body),
    onSuccess: update,
  })
}

/** Archives the actor (If-Match with the loaded version: 412 when someone changed it meanwhile). */
export function useArchiveActor(id: string) {
  const update = useActorCacheUpdate()
  return useMutation({
    mutationFn: (version: number) => api.archiveActor(id, etag(version)),
    onSuccess: update,
  })
}

/** Brings an archived actor back. */
export function useRestoreActor(id: string) {
  const update = useActorCacheUpdate()
  return useMutation({
    mutationFn: (version: number) => api.restoreActor(id, etag(version)),
    onSuccess: update,
  })
}

export function useCreateActorRelation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateActorRelationRequest) => api.createActorRelation(body),
    onSuccess: (_relation, body) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.actors.relations(body.sourceActorId) })
      void queryClient.invalidateQueries({ queryKey: queryKeys.actors.relations(body.targetActorId) })
    },
  })
}
