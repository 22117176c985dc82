import type { NetworkGraphDto } from '@/api'

/** How many nodes carry their name at any zoom: the most connected ones; the others' names appear when zoomed in. */
export const LABELLED_NODES = 12

/**
 * The nodes whose names are drawn at the default zoom: the `limit` most connected (degree, then brokerage, then name),
 * but none without a connection. The rest are named in the table and when zoomed in.
 */
export function nodesToLabel(nodes: readonly NetworkGraphDto['nodes'][number][], limit = LABELLED_NODES): Set<string> {
  return new Set(
    nodes
      .filter((n) => n.degree > 0)
      .toSorted((a, b) => b.degree - a.degree || b.normalizedBetweenness - a.normalizedBetweenness || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((n) => n.id),
  )
}
