import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { NetworkKind, NetworkStatus } from '@/api'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useCanWrite } from '@/lib/auth'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { SpaceOptions } from '@/components/pickers/space-options'
import { usePageTitle } from '@/lib/use-page-title'
import { NETWORK_KINDS, NETWORK_STATUSES } from '../network-schema'
import { useNetworkList, type NetworkFilters } from '../api/networks'
import { StatusBadge } from '../components/status-badge'

const EXCERPT = 160

function filtersFrom(params: URLSearchParams): NetworkFilters {
  const kind = params.get('kind')
  const status = params.get('status')
  return {
    q: params.get('q') || undefined,
    kind: kind && (NETWORK_KINDS as string[]).includes(kind) ? (kind as NetworkKind) : undefined,
    status: status && (NETWORK_STATUSES as string[]).includes(status) ? (status as NetworkStatus) : undefined,
    spaceId: params.get('spaceId') || undefined,
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat
}

export function NetworksPage() {
  const { t } = useTranslation()
  usePageTitle(t('networks.title'))
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => filtersFrom(params), [params])
  const list = useNetworkList(filters)
  const { spaces: flatSpaces } = useFlatSpaces()
  const canWrite = useCanWrite()
  const ids = { q: useId(), kind: useId(), status: useId(), space: useId(), results: useId() }

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }

  const networks = list.data?.pages.flatMap((p) => p.items) ?? []
  const hasFilters = Object.values(filters).some((v) => v !== undefined)

  return (
    <>
      <div className="page-header">
        <h1>{t('networks.title')}</h1>
        {canWrite ? (
          <Link to="/networks/new" className="button button--primary">
            {t('networks.create')}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t('networks.intro')}</p>

      <form
        role="search"
        aria-label={t('networks.filters.label')}
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
              {t('networks.filters.q')}
            </label>
            <div className="input-group">
              <input id={ids.q} key={filters.q ?? ''} name="q" type="search" className="input" defaultValue={filters.q ?? ''} />
              <button type="submit" className="button button--primary">
                {t('actors.filters.submit')}
              </button>
            </div>
          </div>
        </div>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.kind} className="field__label">
              {t('networks.fields.kind')}
            </label>
            <select id={ids.kind} className="input" value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
              <option value="">{t('networks.filters.allKinds')}</option>
              {NETWORK_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`networks.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.status} className="field__label">
              {t('networks.fields.status')}
            </label>
            <select id={ids.status} className="input" value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">{t('networks.filters.allStatuses')}</option>
              {NETWORK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`networks.statuses.${s}`)}
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
          <Loading label={t('networks.loading')} />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <p role="status" className="result-count">
              {networks.length === 0
                ? ''
                : list.hasNextPage
                  ? t('networks.countMore', { count: networks.length })
                  : t('networks.count', { count: networks.length })}
            </p>
            {networks.length === 0 ? (
              <EmptyState title={hasFilters ? t('networks.emptyFiltered') : t('networks.empty')}>
                {hasFilters ? <p>{t('actors.emptyFilteredHint')}</p> : <p>{t('networks.emptyHint')}</p>}
              </EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">{t('networks.tableCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('networks.list.nameAndMandate')}</th>
                      <th scope="col">{t('networks.fields.kind')}</th>
                      <th scope="col">{t('networks.fields.status')}</th>
                      <th scope="col">{t('networks.fields.spaces')}</th>
                      <th scope="col" className="num">
                        {t('networks.list.members')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {networks.map((n) => (
                      <tr key={n.id}>
                        <td>
                          <Link to={`/networks/${n.id}`} className="strong-link">
                            {n.name}
                          </Link>
                          {n.mandate ? (
                            <p className="small muted table-excerpt">{excerpt(n.mandate)}</p>
                          ) : (
                            <p className="small table-excerpt text-warning">⚠ {t('networks.attention.reasons.mandateMissing')}</p>
                          )}
                        </td>
                        <td>{t(`networks.kinds.${n.kind}`)}</td>
                        <td>
                          <StatusBadge status={n.status} />
                        </td>
                        <td>{n.spaces.map((s) => s.name).join(', ') || t('common.none')}</td>
                        <td className="num">{n.memberCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {list.hasNextPage ? (
              <p className="load-more">
                <button type="button" className="button button--secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
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
