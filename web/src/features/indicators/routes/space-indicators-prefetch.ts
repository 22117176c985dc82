import type { QueryClient } from '@tanstack/react-query'
import { spaceQuery, spaceTreeQuery } from '@/components/pickers/spaces'
import { indicatorListQuery, indicatorSetsQuery } from '../api/indicators'

/** The reads a space's indicators page waits for before it shows anything (its route's loader starts them early). */
export function prefetchSpaceIndicators(client: QueryClient, spaceId: string) {
  return Promise.all([
    client.prefetchQuery(spaceQuery(spaceId)),
    client.prefetchQuery(indicatorSetsQuery()),
    client.prefetchQuery(indicatorListQuery({})),
    client.prefetchQuery(spaceTreeQuery()),
  ])
}
