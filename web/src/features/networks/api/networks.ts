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
  type NetworkStatus,
  type UpdateMeetingRequest,
  type UpdateNetworkMemberRequest,
  type UpdateNetworkRequest,
} from '@/api'
import type { ListNetworksSort } from '@/api'
import { listNetworks, listNetworksNeedingAttention } from '@/api/requests'
import { cursorPaging, firstPageCounts } from '@/lib/cursor-paging'
import { queryKeys } from '@/lib/query-keys'

export interface NetworkFilters {
  q?: string
  kind?: NetworkKind
  status?: NetworkStatus
  spaceId?: string
  sort?: ListNetworksSort
}

export const NETWORKS_PAGE_SIZE = 50

export const networkQuery = (id: string) => queryOptions({ queryKey: queryKeys.networks.detail(id), queryFn: () => api.getNetwork(id) })

export function useNetwork(id: string) {
  return useQuery(networkQuery(id))
}

export function useNetworkHealth(id: string) {
  return useQuery({ queryKey: queryKeys.networks.health(id), queryFn: () => api.getNetworkHealth(id) })
}

export function useNetworkComposition(id: string) {
  return useQuery({ queryKey: queryKeys.networks.composition(id), queryFn: () => api.getNetworkComposition(id) })
}

/** Networks needing attention (missing mandate, meeting overdue, overdue agreements, low attendance). */
export function useNetworksNeedingAttention(spaceId?: string) {
  return useQuery({ queryKey: queryKeys.networks.attention(spaceId), queryFn: () => listNetworksNeedingAttention({ spaceId }) })
}

/** The network list, page by page along the API's opaque cursor. */
export function useNetworkList(filters: NetworkFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.networks.list(filters),
    queryFn: ({ pageParam }) =>
      listNetworks({ ...filters, limit: NETWORKS_PAGE_SIZE, cursor: pageParam, includeTotal: firstPageCounts(pageParam) }),
    ...cursorPaging,
    placeholderData: keepPreviousData,
  })
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: queryKeys.meetings.detail(id), queryFn: () => api.getMeeting(id) })
}

/**
 * The calendar subscription of a network. The API creates the token on the first request,
 * so it is only asked for when someone opens the subscription panel (`enabled`).
 */
export function useNetworkCalendarToken(id: string, enabled: boolean) {
  return useQuery(
    { queryKey: queryKeys.networks.calendarToken(id), queryFn: () => api.getNetworkCalendarToken(id), enabled, staleTime: Infinity })
}

/** After a change: the network itself is set, everything derived from networks (lists, health, map, board) is refetched. */
function useNetworkCacheUpdate() {
  const queryClient = useQueryClient()
  return (network?: NetworkDto | null) => {
    if (network) queryClient.setQueryData(queryKeys.networks.detail(network.id), network)
    void queryClient.invalidateQueries({ queryKey: queryKeys.networks.all })
    void queryClient.invalidateQueries({ queryKey: queryKeys.graph.all })
    void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all })
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
    mutationFn: ({ memberId, version }: { memberId: string; version: number }) =>
      api.removeNetworkMember(networkId, memberId, etag(version)),
    onSuccess: () => update(),
  })
}

function useMeetingCacheUpdate() {
  const queryClient = useQueryClient()
  const update = useNetworkCacheUpdate()
  return (meeting?: MeetingDto | null) => {
    if (meeting) queryClient.setQueryData(queryKeys.meetings.detail(meeting.id), meeting)
    void queryClient.invalidateQueries({ queryKey: queryKeys.meetings.all })
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
      queryClient.removeQueries({ queryKey: queryKeys.meetings.detail(id) })
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
