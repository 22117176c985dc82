/**
 * The paging options of an infinite query along the API's opaque cursor ("Weitere laden"): spread them into
 * `useInfiniteQuery` / `infiniteQueryOptions` next to a `queryFn` that reads the page at `pageParam`.
 */
export const cursorPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { nextCursor?: string | null }) => last.nextCursor ?? undefined,
}

/** Read the total with the first page only (`includeTotal`): the later pages of the same list do not count again. */
export const firstPageCounts = (pageParam: string | undefined) => pageParam === undefined
