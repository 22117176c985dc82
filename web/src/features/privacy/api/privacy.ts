import { useMutation, useQuery } from '@tanstack/react-query'
import { ActorKind, api, etag } from '@/api'
import { listActors } from '@/api/requests'

/** Persons whose name contains the text (for the erasure and export tools). */
export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: ['privacy', 'persons', q] as const,
    queryFn: () => listActors({ kind: ActorKind.Person, q, includeArchived: true, limit: 20 }),
    enabled: q.trim().length >= 2,
  })
}

/** Every account (administrators only). */
export function useAccounts(enabled: boolean) {
  return useQuery({ queryKey: ['privacy', 'accounts'] as const, queryFn: () => api.listUsers(), enabled })
}

export type Subject = { kind: 'actor' | 'user'; id: string; name: string; version: number }

/** The Art. 15 document of a person or an account. */
export const exportOf = (s: Subject) => (s.kind === 'actor' ? api.exportActorData(s.id) : api.exportUserData(s.id))

/** Art. 17: anonymise the person or account (If-Match with the version shown, so nothing changed meanwhile is erased blindly). */
export function useErase() {
  return useMutation({
    mutationFn: (s: Subject) => (s.kind === 'actor' ? api.eraseActor(s.id, etag(s.version)) : api.eraseUser(s.id, etag(s.version))),
  })
}
