import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { MAX_PAGE_SIZE, listNetworkMeetings, listNetworkMembers, listNetworks, readAllPages } from '@/api/requests'
import { cursorPaging } from '@/lib/cursor-paging'
import { queryKeys } from '@/lib/query-keys'

/**
 * What other features pick from a network: the networks themselves (link targets, "delegated from", board and map
 * filters), a network's members (attendance, responsibles of an agreement) and its meetings (where an agreement was
 * made). The networks feature shows the same queries, so one change refreshes every picker.
 */

export const MEETINGS_PAGE_SIZE = 20

/** Every network (up to 500). */
export const networkOptionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.networks.options,
    queryFn: async () => (await listNetworks({ limit: MAX_PAGE_SIZE })).items,
    staleTime: 60_000,
  })

/** All memberships of a network (current, past and future), following the cursor to the end. */
export const networkMembersQuery = (networkId: string) =>
  queryOptions({
    queryKey: queryKeys.networks.members(networkId),
    queryFn: () => readAllPages((cursor) => listNetworkMembers(networkId, { limit: MAX_PAGE_SIZE, cursor })),
  })

/** Meetings of a network, newest first, page by page. */
export const networkMeetingsQuery = (networkId: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.networks.meetings(networkId),
    queryFn: ({ pageParam }) => listNetworkMeetings(networkId, { limit: MEETINGS_PAGE_SIZE, cursor: pageParam }),
    ...cursorPaging,
  })

export function useNetworkOptions() {
  return useQuery(networkOptionsQuery())
}

export function useNetworkMembers(networkId: string) {
  return useQuery(networkMembersQuery(networkId))
}

export function useNetworkMeetings(networkId: string) {
  return useInfiniteQuery(networkMeetingsQuery(networkId))
}
