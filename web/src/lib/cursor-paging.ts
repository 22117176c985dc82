/**
 * The paging options of an infinite query along the API's opaque cursor ("Weitere laden"): spread them into
 * `useInfiniteQuery` / `infiniteQueryOptions` next to a `queryFn` that reads the page at `pageParam`.
 */
export const cursorPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor?: string | null }) => last.nextCursor ?? undefined,
}
