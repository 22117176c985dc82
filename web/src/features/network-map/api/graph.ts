import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { GraphNodeDto } from '@/api'
import { getNetworkGraph, type NetworkGraphParams } from '@/api/requests'
import { queryKeys } from '@/lib/query-keys'

/** The map's filters are exactly the operation's parameters (empty lists mean all). */
export type GraphFilters = NetworkGraphParams

export function useNetworkGraph(filters: GraphFilters) {
  return useQuery({
    queryKey: queryKeys.graph.graph(filters),
    queryFn: () => getNetworkGraph(filters),
    placeholderData: keepPreviousData,
  })
}

/** Share of the map's highest betweenness from which a node counts as a broker. */
export const BROKER_SHARE = 0.25

/**
 * Brokers of a map: nodes on many shortest paths between others, relative to this map (a whole
 * county has lower normalised values than one network): betweenness above zero and at least
 * {@link BROKER_SHARE} of the highest value shown.
 */
export function findBrokers(nodes: readonly Pick<GraphNodeDto, 'id' | 'normalizedBetweenness'>[]): Set<string> {
  const max = Math.max(0, ...nodes.map((n) => n.normalizedBetweenness))
  if (max <= 0) return new Set()
  return new Set(nodes.filter((n) => n.normalizedBetweenness > 0 && n.normalizedBetweenness >= BROKER_SHARE * max).map((n) => n.id))
}
