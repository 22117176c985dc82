import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Role } from '@/api'
import { queryKeys } from '@/lib/query-keys'

/** Every API key, revoked ones included (administrators only; never the keys themselves). */
export const apiKeysQuery = queryOptions({ queryKey: queryKeys.apiKeys, queryFn: () => api.listApiKeys() })

export function useApiKeys() {
  return useQuery(apiKeysQuery)
}

function useApiKeyMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }) })
}

/** A new key; the answer holds the key itself, shown this once. No limit: the configured default for keys. */
export function useCreateApiKey() {
  return useApiKeyMutation(({ name, role, rateLimitPerMinute }: { name: string; role: Role; rateLimitPerMinute?: number }) =>
    api.createApiKey({ name, role, rateLimitPerMinute }))
}

/** The key's own request limit per minute, or (undefined) the configured default for keys. */
export function useSetApiKeyRateLimit() {
  return useApiKeyMutation(({ id, rateLimitPerMinute }: { id: string; rateLimitPerMinute?: number }) =>
    api.setApiKeyRateLimit(id, { rateLimitPerMinute }))
}

export function useRevokeApiKey() {
  return useApiKeyMutation(({ id }: { id: string }) => api.revokeApiKey(id))
}
