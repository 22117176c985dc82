import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { Sector } from '@/api'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useCanWrite } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'
import { SECTORS } from '../actor-schema'
import { useActorList, useActorTypes, type ActorFilters } from '../api/actors'
import { useActorTypeName } from '../components/actor-labels'

function filtersFrom(params: URLSearchParams): ActorFilters {
  const sector = params.get('sector')
  return {
    q: params.get('q') || undefined,
    type: params.get('type') || undefined,
    sector: sector && (SECTORS as string[]).includes(sector) ? (sector as Sector) : undefined,
    spaceId: params.get('spaceId') || undefined,
    includeArchived: params.get('archived') === '1' || undefined,
  }
}

export function ActorsPage() {
  const { t } = useTranslation()
  usePageTitle(t('actors.title'))
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => filtersFrom(params), [params])
  const list = useActorList(filters)
  const types = useActorTypes()
  const { spaces: flatSpaces } = useFlatSpaces()
  const typeName = useActorTypeName()
  const canWrite = useCanWrite()
  const ids = { q: useId(), type: useId(), sector: useId(), space: useId(), archived: useId(), results: useId() }

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }

  const actors = list.data?.pages.flatMap((p) => p.items) ?? []
  const hasFilters = Object.values(filters).some((v) => v !== undefined)

  return (
    <>
      <div className="page-header">
        <h1>{t('actors.title')}</h1>
        {canWrite ? (
          <Link to="/actors/new" className="button button--primary">
            {t('actors.create')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('actors.intro')}</p>

      <form
        role="search"
        aria-label={t('actors.filters.label')}
        className="card filters"
        onSubmit={(e) => {
          e.preventDefault()
          const q = new FormData(e.currentTarget).get('q')
          setFilter('q', typeof q === 'string' ? q.trim() || undefined : undefined)
        }}
      >
        <div className="filters__search">
          <div className="field">
            <label htmlFor={ids.q} className="field__label">
              {t('actors.filters.q')}
            </label>
            <div className="input-group">
              <input
                id={ids.q}
                key={filters.q ?? ''}
                name="q"
                type="search"
                className="input"
                defaultValue={filters.q ?? ''}
              />
              <button type="submit" className="button button--primary">
                {t('actors.filters.submit')}
              </button>
            </div>
          </div>
        </div>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.type} className="field__label">
              {t('actors.fields.type')}
            </label>
            <select id={ids.type} className="input" value={filters.type ?? ''} onChange={(e) => setFilter('type', e.target.value)}>
              <option value="">{t('actors.filters.allTypes')}</option>
              {(types.data ?? []).map((type) => (
                <option key={type.code} value={type.code}>
                  {typeName(type)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.sector} className="field__label">
              {t('actors.fields.sector')}
            </label>
            <select id={ids.sector} className="input" value={filters.sector ?? ''} onChange={(e) => setFilter('sector', e.target.value)}>
              <option value="">{t('actors.filters.allSectors')}</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {t(`actors.sectors.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.space} className="field__label">
              {t('actors.filters.space')}
            </label>
            <select id={ids.space} className="input" value={filters.spaceId ?? ''} onChange={(e) => setFilter('spaceId', e.target.value)}>
              <option value="">{t('actors.filters.allSpaces')}</option>
              <SpaceOptions spaces={flatSpaces} />
            </select>
          </div>
          <div className="field field--checkbox">
            <input
              id={ids.archived}
              type="checkbox"
              checked={filters.includeArchived ?? false}
              onChange={(e) => setFilter('archived', e.target.checked ? '1' : undefined)}
            />
            <label htmlFor={ids.archived}>{t('actors.filters.includeArchived')}</label>
          </div>
          {hasFilters ? (
            <button type="button" className="button button--link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('actors.filters.reset')}
            </button>
          ) : null}
        </div>
      </form>

      <section aria-labelledby={ids.results}>
        <h2 id={ids.results} className="visually-hidden">
          {t('actors.results')}
        </h2>
        {list.isPending ? (
          <Loading label={t('actors.loading')} />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <p role="status" className="result-count">
              {actors.length === 0
                ? ''
                : list.hasNextPage
                  ? t('actors.countMore', { count: actors.length })
                  : t('actors.count', { count: actors.length })}
            </p>
            {actors.length === 0 ? (
              <EmptyState title={hasFilters ? t('actors.emptyFiltered') : t('actors.empty')}>
                {hasFilters ? <p>{t('actors.emptyFilteredHint')}</p> : <p>{t('actors.emptyHint')}</p>}
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{t('actors.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('actors.fields.name')}</th>
                      <th scope="col">{t('actors.fields.type')}</th>
                      <th scope="col">{t('actors.fields.sector')}</th>
                      <th scope="col">{t('actors.fields.city')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {actors.map((a) => (
                      <tr key={a.id}>
                        <td>
                          <Link to={`/actors/${a.id}`}>{a.name}</Link>
                          {a.shortName ? <span className="muted"> ({a.shortName})</span> : null}
                          {a.archivedAt ? <span className="badge badge--muted">{t('actors.archived')}</span> : null}
                          <span className="muted small"> · {t(`actors.kinds.${a.kind}`)}</span>
                        </td>
                        <td>{typeName(types.data?.find((x) => x.code === a.type), a.typeName || a.type)}</td>
                        <td>{t(`actors.sectors.${a.sector}`)}</td>
                        <td>{a.city ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {list.hasNextPage ? (
              <p className="load-more">
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void list.fetchNextPage()}
                  disabled={list.isFetchingNextPage}
                >
                  {list.isFetchingNextPage ? t('common.loadingShort') : t('actors.loadMore')}
                </button>
              </p>
            ) : null}
          </>
        )}
      </section>
    </>
  )
}
