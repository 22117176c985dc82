import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  api,
  etag,
  type ActorDto,
  type ActorKind,
  type CreateActorRelationRequest,
  type CreateActorRequest,
  type Sector,
  type UpdateActorRequest,
} from '@/api'

export interface ActorFilters {
  q?: string
  type?: string
  sector?: Sector
  spaceId?: string
  kind?: ActorKind
  includeArchived?: boolean
}

export const ACTORS_PAGE_SIZE = 50

export const actorKeys = {
  all: ['actors'] as const,
  lists: () => ['actors', 'list'] as const,
  list: (filters: ActorFilters) => ['actors', 'list', filters] as const,
  options: (kind?: ActorKind) => ['actors', 'options', kind ?? null] as const,
  detail: (id: string) => ['actors', 'detail', id] as const,
  relations: (id: string) => ['actors', 'relations', id] as const,
  types: ['actor-types'] as const,
}

export const actorTypesQuery = queryOptions({
  queryKey: actorKeys.types,
  queryFn: () => api.listActorTypes(),
  staleTime: 60 * 60_000,
})

export const actorQuery = (id: string) =>
  queryOptions({
    queryKey: actorKeys.detail(id),
    queryFn: () => api.getActor(id),
  })

export const RELATIONS_PAGE_SIZE = 100

/** Up to 500 non-archived actors for pickers (parent organisation, relation partner). */
export const actorOptionsQuery = (kind?: ActorKind) =>
  queryOptions({
    queryKey: actorKeys.options(kind),
    queryFn: async () => (await api.listActors(kind, undefined, undefined, undefined, undefined, false, 500)).items,
    staleTime: 60_000,
  })

export function useActorTypes() {
  return useQuery(actorTypesQuery)
}

export function useActor(id: string) {
  return useQuery(actorQuery(id))
}

/** Relations of one actor in both directions, page by page along the cursor. */
export function useActorRelations(id: string) {
  return useInfiniteQuery({
    queryKey: actorKeys.relations(id),
    queryFn: ({ pageParam }) => api.listActorRelations(id, RELATIONS_PAGE_SIZE, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

export function useActorOptions(kind?: ActorKind) {
  return useQuery(actorOptionsQuery(kind))
}

/** The actor list, page by page along the API's opaque cursor ("weitere laden"). */
export function useActorList(filters: ActorFilters) {
  return useInfiniteQuery({
    queryKey: actorKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.listActors(
        filters.kind,
        filters.type || undefined,
        filters.sector,
        filters.spaceId || undefined,
        filters.q || undefined,
        filters.includeArchived || undefined,
        ACTORS_PAGE_SIZE,
        pageParam,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

function useActorCacheUpdate() {
  const queryClient = useQueryClient()
  return (actor: ActorDto) => {
    queryClient.setQueryData(actorKeys.detail(actor.id), actor)
    void queryClient.invalidateQueries({ queryKey: actorKeys.lists() })
    void queryClient.invalidateQueries({ queryKey: ['actors', 'options'] })
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
      void queryClient.invalidateQueries({ queryKey: actorKeys.relations(body.sourceActorId) })
      void queryClient.invalidateQueries({ queryKey: actorKeys.relations(body.targetActorId) })
    },
  })
}
