import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListFilters, ListSort } from '@/lib/use-list-filters'
import { EmptyState, Loading } from './feedback'
import { ProblemAlert } from './problem-alert'

/**
 * The scaffold of a list page (actors, networks, and what comes next): heading with the create action, lead text,
 * a search-and-filter form whose state lives in the URL (useListFilters), and the results of a cursor-paged query
 * with count, empty state and "Weitere laden". The parts are exported for pages that need only some of them.
 */

/**
 * What a cursor-paged list query (useInfiniteQuery over `{ items, nextCursor, total }` pages) gives the scaffold. The first
 * page is read with `includeTotal` (see `firstPageCounts`), so its `total` is the number of matching rows.
 */
export interface PagedListQuery<T> {
  data?: { pages: { items: T[]; total?: number | null }[] }
  isPending: boolean
  isError: boolean
  error: unknown
  refetch: () => unknown
  hasNextPage: boolean
  isFetchingNextPage: boolean
  fetchNextPage: () => unknown
}

/** The list's own texts; the scaffold brings the generic ones (search, reset, load more, results). */
export interface ListTexts {
  loading: string
  /** "3 Akteure angezeigt" / "… weitere vorhanden" */
  count: (count: number, more: boolean) => string
  empty: string
  emptyHint: string
  emptyFiltered: string
}

export function ListPage<T>({
  title,
  intro,
  action,
  filterLabel,
  searchLabel,
  filters,
  fields,
  query,
  texts,
  children,
}: {
  title: string
  intro: string
  /** E.g. the "new …" link, for those who may write. */
  action?: ReactNode
  /** Accessible name of the filter form. */
  filterLabel: string
  /** Label of the search box (the `q` parameter). */
  searchLabel: string
  /** The page's useListFilters (its filters have the search text as `q`). */
  filters: Pick<ListFilters<{ q?: string }>, 'filters' | 'setFilter' | 'hasFilters' | 'reset'>
  /** The filter fields beside the search box (FilterSelect, FilterCheckbox). */
  fields: ReactNode
  query: PagedListQuery<T>
  texts: ListTexts
  /** The table of the loaded items. */
  children: (items: T[]) => ReactNode
}) {
  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
        {action}
      </div>
      <p className="lead">{intro}</p>
      <FilterForm
        label={filterLabel}
        search={{ label: searchLabel, value: filters.filters.q, onSearch: (q) => filters.setFilter('q', q) }}
        hasFilters={filters.hasFilters}
        onReset={filters.reset}
      >
        {fields}
      </FilterForm>
      <ListResults query={query} texts={texts} filtered={filters.hasFilters}>
        {children}
      </ListResults>
    </>
  )
}

/**
 * A list's filter form: an optional search box (submitted with its button or Enter; makes the form a search
 * landmark), the filter fields, and "Filter zurücksetzen" while any filter is set.
 */
export function FilterForm({
  label,
  search,
  hasFilters,
  onReset,
  children,
}: {
  label: string
  search?: { label: string; value: string | undefined; onSearch: (q: string | undefined) => void }
  hasFilters: boolean
  onReset: () => void
  children: ReactNode
}) {
  const { t } = useTranslation()
  const searchId = useId()
  return (
    <form
      role={search ? 'search' : undefined}
      aria-label={label}
      className="card filters"
      onSubmit={(e) => {
        e.preventDefault()
        if (!search) return
        const q = new FormData(e.currentTarget).get('q')
        search.onSearch(typeof q === 'string' ? q.trim() || undefined : undefined)
      }}
    >
      {search ? (
        <div className="filters__search">
          <div className="field">
            <label htmlFor={searchId} className="field__label">
              {search.label}
            </label>
            <div className="input-group">
              <input id={searchId} key={search.value ?? ''} name="q" type="search" className="input" defaultValue={search.value ?? ''} />
              <button type="submit" className="button button--primary">
                {t('list.search')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <div className="filters__row">
        {children}
        {hasFilters ? <ResetFiltersButton onReset={onReset} /> : null}
      </div>
    </form>
  )
}

export function ResetFiltersButton({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="button button--link" onClick={onReset}>
      {t('list.resetFilters')}
    </button>
  )
}

/** A select that filters a list: its label, "all" (no filter) first, then the options. */
export function FilterSelect({
  label,
  allLabel,
  value,
  onChange,
  hint,
  children,
}: {
  label: string
  allLabel: string
  value: string | undefined
  onChange: (value: string) => void
  hint?: string
  children: ReactNode
}) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        aria-describedby={hint ? `${id}-hint` : undefined}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{allLabel}</option>
        {children}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

/** A yes/no filter (set: `1`, not set: no parameter). */
export function FilterCheckbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useId()
  return (
    <div className="field field--checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}

/** The results of a cursor-paged list: a heading for screen readers, loading, problem, count, empty state, the items, more. */
export function ListResults<T>({
  query,
  texts,
  filtered,
  children,
}: {
  query: PagedListQuery<T>
  texts: ListTexts
  /** Whether filters are set (the empty state then suggests changing them). */
  filtered: boolean
  children: (items: T[]) => ReactNode
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const items = query.data?.pages.flatMap((p) => p.items) ?? []
  const total = query.data?.pages[0]?.total
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('list.results')}
      </h2>
      {query.isPending ? (
        <Loading label={texts.loading} />
      ) : query.isError ? (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p role="status" className="result-count">
            {items.length === 0
              ? ''
              : total != null && total > items.length
                ? t('list.countOfTotal', { shown: items.length, total })
                : texts.count(items.length, query.hasNextPage)}
          </p>
          {items.length === 0 ? (
            <EmptyState title={filtered ? texts.emptyFiltered : texts.empty}>
              <p>{filtered ? t('list.emptyFilteredHint') : texts.emptyHint}</p>
            </EmptyState>
          ) : (
            <div className="table-wrap" tabIndex={0}>{children(items)}</div>
          )}
          <LoadMore query={query} />
        </>
      )}
    </section>
  )
}

/** "Weitere laden" under a cursor-paged list, while the API has more (`small`: a small button without its paragraph, for columns). */
export function LoadMore({
  query,
  label,
  small = false,
}: {
  query: Pick<PagedListQuery<unknown>, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'>
  label?: string
  small?: boolean
}) {
  const { t } = useTranslation()
  if (!query.hasNextPage) return null
  const button = (
    <button
      type="button"
      className={small ? 'button button--secondary button--small' : 'button button--secondary'}
      onClick={() => void query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
    >
      {query.isFetchingNextPage ? t('common.loadingShort') : (label ?? t('list.loadMore'))}
    </button>
  )
  return small ? button : <p className="load-more">{button}</p>
}


/**
 * A column header that sorts the list: a button in the `th` (keyboard: Tab and Enter or Space), `aria-sort` on the header
 * for screen readers, and an arrow for the eye. Clicking the sorted column again reverses the order.
 */
export function SortHeader({ column, label, sort, className }: { column: string; label: string; sort: ListSort; className?: string }) {
  const { t } = useTranslation()
  const active = sort.column === column
  const state = active ? (sort.descending ? 'descending' : 'ascending') : 'none'
  return (
    <th scope="col" className={className} aria-sort={state}>
      <button
        type="button"
        className="sort-button"
        onClick={() => sort.toggle(column)}
        title={t(active && !sort.descending ? 'list.sortDescending' : 'list.sortAscending', { column: label })}
      >
        {label}
        <span aria-hidden="true" className="sort-button__arrow">
          {active ? (sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  )
}
