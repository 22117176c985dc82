import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  api,
  etag,
  type AddNetworkMemberRequest,
  type CreateMeetingRequest,
  type CreateNetworkRequest,
  type MeetingDto,
  type NetworkDto,
  type NetworkKind,
  type NetworkMemberDto,
  type NetworkStatus,
  type UpdateMeetingRequest,
  type UpdateNetworkMemberRequest,
  type UpdateNetworkRequest,
} from '@/api'

export interface NetworkFilters {
  q?: string
  kind?: NetworkKind
  status?: NetworkStatus
  spaceId?: string
}

export const NETWORKS_PAGE_SIZE = 50
export const MEETINGS_PAGE_SIZE = 20
/** The API's maximum page size: pickers and member lists load everything in pages of this size. */
const ALL = 500

export const networkKeys = {
  all: ['networks'] as const,
  lists: () => ['networks', 'list'] as const,
  list: (filters: NetworkFilters) => ['networks', 'list', filters] as const,
  options: () => ['networks', 'options'] as const,
  detail: (id: string) => ['networks', 'detail', id] as const,
  health: (id: string) => ['networks', 'health', id] as const,
  composition: (id: string) => ['networks', 'composition', id] as const,
  members: (id: string) => ['networks', 'members', id] as const,
  meetings: (id: string) => ['networks', 'meetings', id] as const,
  calendarToken: (id: string) => ['networks', 'calendar-token', id] as const,
  attention: (spaceId?: string) => ['networks', 'attention', spaceId ?? null] as const,
}

export const meetingKeys = {
  all: ['meetings'] as const,
  detail: (id: string) => ['meetings', 'detail', id] as const,
}

export const networkQuery = (id: string) => queryOptions({ queryKey: networkKeys.detail(id), queryFn: () => api.getNetwork(id) })

/** Every network (up to 500) for pickers: link targets, "delegated from", board and map filters. */
export const networkOptionsQuery = () =>
  queryOptions({
    queryKey: networkKeys.options(),
    queryFn: async () => (await api.listNetworks(undefined, undefined, undefined, undefined, undefined, ALL)).items,
    staleTime: 60_000,
  })

/** All memberships of a network (current, past and future), following the cursor to the end. */
export const networkMembersQuery = (id: string) =>
  queryOptions({
    queryKey: networkKeys.members(id),
    queryFn: async () => {
      const all: NetworkMemberDto[] = []
      let cursor: string | undefined
      do {
        const page = await api.listNetworkMembers(id, undefined, undefined, ALL, cursor)
        all.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return all
    },
  })

export function useNetwork(id: string) {
  return useQuery(networkQuery(id))
}

export function useNetworkOptions() {
  return useQuery(networkOptionsQuery())
}

export function useNetworkHealth(id: string) {
  return useQuery({ queryKey: networkKeys.health(id), queryFn: () => api.getNetworkHealth(id) })
}

export function useNetworkComposition(id: string) {
  return useQuery({ queryKey: networkKeys.composition(id), queryFn: () => api.getNetworkComposition(id) })
}

export function useNetworkMembers(id: string) {
  return useQuery(networkMembersQuery(id))
}

/** Networks needing attention (missing mandate, meeting overdue, overdue agreements, low attendance). */
export function useNetworksNeedingAttention(spaceId?: string) {
  return useQuery({ queryKey: networkKeys.attention(spaceId), queryFn: () => api.listNetworksNeedingAttention(spaceId || undefined) })
}

/** The network list, page by page along the API's opaque cursor. */
export function useNetworkList(filters: NetworkFilters) {
  return useInfiniteQuery({
    queryKey: networkKeys.list(filters),
    queryFn: ({ pageParam }) =>
      api.listNetworks(filters.spaceId || undefined, filters.kind, filters.status, undefined, filters.q || undefined, NETWORKS_PAGE_SIZE, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** Meetings of a network, newest first, page by page. */
export function useNetworkMeetings(id: string) {
  return useInfiniteQuery({
    queryKey: networkKeys.meetings(id),
    queryFn: ({ pageParam }) => api.listNetworkMeetings(id, undefined, undefined, MEETINGS_PAGE_SIZE, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => api.getMeeting(id) })
}

/**
 * The calendar subscription of a network. The API creates the token on the first request,
 * so it is only asked for when someone opens the subscription panel (`enabled`).
 */
export function useNetworkCalendarToken(id: string, enabled: boolean) {
  return useQuery({ queryKey: networkKeys.calendarToken(id), queryFn: () => api.getNetworkCalendarToken(id), enabled, staleTime: Infinity })
}

/** After a change: the network itself is set, everything derived from networks (lists, health, map, board) is refetched. */
function useNetworkCacheUpdate() {
  const queryClient = useQueryClient()
  return (network?: NetworkDto | null) => {
    if (network) queryClient.setQueryData(networkKeys.detail(network.id), network)
    void queryClient.invalidateQueries({ queryKey: networkKeys.all })
    void queryClient.invalidateQueries({ queryKey: ['graph'] })
    void queryClient.invalidateQueries({ queryKey: ['tasks'] })
  }
}

export function useCreateNetwork() {
  const update = useNetworkCacheUpdate()
  return useMutation({ mutationFn: (body: CreateNetworkRequest) => api.createNetwork(body), onSuccess: update })
}

export function useUpdateNetwork(id: string) {
  const update = useNetworkCacheUpdate()
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateNetworkRequest; version: number }) => api.updateNetwork(id, etag(version), body),
    onSuccess: update,
  })
}

export function useEndNetwork(id: string) {
  const update = useNetworkCacheUpdate()
  return useMutation({
    mutationFn: ({ endedOn, version }: { endedOn: string; version: number }) => api.endNetwork(id, etag(version), { endedOn }),
    onSuccess: update,
  })
}

export function useAddNetworkMember(networkId: string) {
  const update = useNetworkCacheUpdate()
  return useMutation({ mutationFn: (body: AddNetworkMemberRequest) => api.addNetworkMember(networkId, body), onSuccess: () => update() })
}

export function useUpdateNetworkMember(networkId: string) {
  const update = useNetworkCacheUpdate()
  return useMutation({
    mutationFn: ({ memberId, body, version }: { memberId: string; body: UpdateNetworkMemberRequest; version: number }) =>
      api.updateNetworkMember(networkId, memberId, etag(version), body),
    onSuccess: () => update(),
  })
}

export function useEndNetworkMember(networkId: string) {
  const update = useNetworkCacheUpdate()
  return useMutation({
    mutationFn: ({ memberId, validTo, version }: { memberId: string; validTo: string; version: number }) =>
      api.endNetworkMember(networkId, memberId, etag(version), { validTo }),
    onSuccess: () => update(),
  })
}

export function useRemoveNetworkMember(networkId: string) {
  const update = useNetworkCacheUpdate()
  return useMutation({
    mutationFn: ({ memberId, version }: { memberId: string; version: number }) => api.removeNetworkMember(networkId, memberId, etag(version)),
    onSuccess: () => update(),
  })
}

function useMeetingCacheUpdate() {
  const queryClient = useQueryClient()
  const update = useNetworkCacheUpdate()
  return (meeting?: MeetingDto | null) => {
    if (meeting) queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting)
    void queryClient.invalidateQueries({ queryKey: meetingKeys.all })
    update()
  }
}

export function useCreateMeeting(networkId: string) {
  const update = useMeetingCacheUpdate()
  return useMutation({ mutationFn: (body: CreateMeetingRequest) => api.createMeeting(networkId, body), onSuccess: update })
}

export function useUpdateMeeting(id: string) {
  const update = useMeetingCacheUpdate()
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateMeetingRequest; version: number }) => api.updateMeeting(id, etag(version), body),
    onSuccess: update,
  })
}

export function useDeleteMeeting(id: string) {
  const queryClient = useQueryClient()
  const update = useNetworkCacheUpdate()
  return useMutation({
    mutationFn: (version: number) => api.deleteMeeting(id, etag(version)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: meetingKeys.detail(id) })
      update()
    },
  })
}

/** File name for a meeting's .ics download, e.g. "sitzung-2026-03-12.ics". */
export function icsFileName(startsAt: string): string {
  return `sitzung-${startsAt.slice(0, 10)}.ics`
}

/** Address of a meeting's .ics file: a plain same-origin download (the generated client expects JSON, not text/calendar). */
export function meetingCalendarUrl(id: string): string {
  return `/api/v1/meetings/${encodeURIComponent(id)}/calendar.ics`
}
