import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { api, type GraphEdgeKind, type GraphNodeDto, type RelationType } from '@/api'

export interface GraphFilters {
  spaceId?: string
  networkId?: string
  on?: string
  relationTypes?: RelationType[]
  edgeKinds?: GraphEdgeKind[]
}

export const graphKeys = {
  all: ['graph'] as const,
  graph: (f: GraphFilters) => ['graph', f] as const,
}

export function useNetworkGraph(filters: GraphFilters) {
  return useQuery({
    queryKey: graphKeys.graph(filters),
    queryFn: () =>
      api.getNetworkGraph(
        filters.spaceId || undefined,
        filters.networkId || undefined,
        filters.on || undefined,
        filters.relationTypes?.length ? filters.relationTypes : undefined,
        filters.edgeKinds?.length ? filters.edgeKinds : undefined,
      ),
    placeholderData: keepPreviousData,
  })
}

/** A broker lies on at least this share of the shortest paths between other nodes (normalised betweenness). */
export const BROKER_THRESHOLD = 0.1

export function isBroker(node: Pick<GraphNodeDto, 'normalizedBetweenness'>): boolean {
  return node.normalizedBetweenness >= BROKER_THRESHOLD
}
