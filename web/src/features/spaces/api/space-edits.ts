import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, etag, type CreateSpaceRequest, type ImportSpacesRequest } from '@/api'
import { queryKeys } from '@/lib/query-keys'

/** After any change to spaces: the tree, lists and details are stale. */
function useSpacesChanged() {
  const queryClient = useQueryClient()
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.spaces.all })
}

export function useCreateSpace() {
  const changed = useSpacesChanged()
  return useMutation({ mutationFn: (body: CreateSpaceRequest) => api.createSpace(body), onSuccess: changed })
}

export function useUpdateSpace(id: string) {
  const changed = useSpacesChanged()
  return useMutation({
    mutationFn: ({ body, version }: { body: CreateSpaceRequest; version: number }) => api.updateSpace(id, etag(version), body),
    onSuccess: changed,
  })
}

export function useEndSpace(id: string) {
  const changed = useSpacesChanged()
  return useMutation({
    mutationFn: ({ validTo, version }: { validTo: string; version: number }) => api.endSpace(id, etag(version), { validTo }),
    onSuccess: changed,
  })
}

export function useImportSpaces() {
  const changed = useSpacesChanged()
  return useMutation({
    mutationFn: ({ body, dryRun }: { body: ImportSpacesRequest; dryRun: boolean }) => api.importSpaces(body, dryRun),
    onSuccess: (result) => { if (!result.dryRun) changed() },
  })
}
