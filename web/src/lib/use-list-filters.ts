import { useMemo } from 'react'
import { useSearchParams } from 'react-router'

/**
 * A page's filters kept in the URL's query string, so a filtered list can be bookmarked, shared and reached again
 * with the back button. `parse` turns the query string into the page's filter object (define it outside the
 * component: it is a dependency of the memo); changes replace the history entry instead of adding one per keystroke.
 */
export function useListFilters<F extends object>(parse: (params: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parse(params), [parse, params])

  /** Changes the query string through `change` (on a copy). */
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params)
    change(next)
    setParams(next, { replace: true })
  }

  /** Sets one parameter; an empty or missing value removes it. */
  const setFilter = (key: string, value: string | undefined) =>
    update((next) => {
      if (value) next.set(key, value)
      else next.delete(key)
    })

  return {
    filters,
    params,
    update,
    setFilter,
    /** Removes every parameter. */
    reset: () => setParams(new URLSearchParams(), { replace: true }),
    /** Whether any filter is set (any value of the parsed filters that is not undefined). */
    hasFilters: Object.values(filters).some((v) => v !== undefined),
  }
}

export type ListFilters<F extends object> = ReturnType<typeof useListFilters<F>>

/** A query parameter that must be one of `allowed` (an enum's values); anything else counts as not set. */
export function oneOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = params.get(key)
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

/** A text query parameter; empty counts as not set. */
export function textParam(params: URLSearchParams, key: string): string | undefined {
  return params.get(key) || undefined
}

/** A flag query parameter (`1`); true or not set. */
export function flagParam(params: URLSearchParams, key: string): true | undefined {
  return params.get(key) === '1' || undefined
}

/**
 * The sort of a list in the URL (`sort=name`, `sort=-updatedAt`, kept with the filters): the current value among the
 * list's `allowed` ones (anything else counts as the API's default) and `toggle`, which sorts by a column ascending, or
 * descending when it is already sorted ascending by it.
 */
export function useListSort<S extends string>(
  filters: Pick<ListFilters<object>, 'params' | 'setFilter'>,
  allowed: readonly S[],
  defaultSort: S,
) {
  const raw = filters.params.get('sort')
  const sort = raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as S) : undefined
  const current = sort ?? defaultSort
  const descending = current.startsWith('-')
  const column = descending ? current.slice(1) : current
  return {
    /** The sort to send (undefined: the API's default). */
    sort,
    column,
    descending,
    toggle: (name: string) => {
      const next = column === name && !descending ? `-${name}` : name
      filters.setFilter('sort', next === defaultSort ? undefined : next)
    },
  }
}

export type ListSort = Pick<ReturnType<typeof useListSort>, 'column' | 'descending' | 'toggle'>
