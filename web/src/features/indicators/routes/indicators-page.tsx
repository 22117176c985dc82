import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ListIndicatorsSort } from '@/api'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { SortHeader } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { oneOf, textParam, useListFilters, useListSort } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { useIndicatorCatalogue } from '../api/indicators'
import { ExportDialog } from '../components/export-dialog'
import { IndicatorsNav } from '../components/indicators-nav'
import { INDICATOR_KINDS } from '../indicator-schema'

const filtersFrom = (params: URLSearchParams) => ({ q: textParam(params, 'q'), kind: oneOf(params, 'kind', INDICATOR_KINDS) })

/** The indicator catalogue: search, filter by kind, open, create, export. */
export function IndicatorsPage() {
  const { t } = useTranslation()
  usePageTitle(t('indicators.title'))
  const notice = useNavigationNotice()
  const filters = useListFilters(filtersFrom)
  const {
    filters: { q, kind },
    setFilter,
  } = filters
  const sort = useListSort(filters, Object.values(ListIndicatorsSort), ListIndicatorsSort.Name)
  const list = useIndicatorCatalogue({ q: q || undefined, kind, sort: sort.sort })
  const [exporting, setExporting] = useState(false)
  const ids = { q: useId(), kind: useId(), results: useId() }

  return (
    <>
      <div className="page-header">
        <h1>{t('indicators.title')}</h1>
        <div className="page-header__actions">
          <button type="button" className="button button--secondary" onClick={() => setExporting(true)}>
            {t('indicators.export.open')}
          </button>
          <Link to="/indicators/new" className="button button--primary">
            {t('indicators.new')}
          </Link>
        </div>
      </div>
      <IndicatorsNav />
      <p className="lead">{t('indicators.lead')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <form className="filters card" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.q} className="field__label">{t('indicators.search')}</label>
            <input id={ids.q} className="input" type="search" value={q ?? ''} onChange={(e) => setFilter('q', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.kind} className="field__label">{t('indicators.fields.kind')}</label>
            <select id={ids.kind} className="input" value={kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
              <option value="">{t('indicators.allKinds')}</option>
              {INDICATOR_KINDS.map((k) => (
                <option key={k} value={k}>{t(`indicators.kinds.${k}`)}</option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <section aria-labelledby={ids.results}>
        <h2 id={ids.results} className="visually-hidden">{t('indicators.tableCaption')}</h2>
        {list.isPending ? (
          <Loading label={t('indicators.loading')} />
        ) : list.isError ? (
          <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState title={t('indicators.empty')}>
            <p>{t('indicators.emptyHint')}</p>
          </EmptyState>
        ) : (
          <>
            <p role="status" className="result-count">
              {list.data.total != null && list.data.total > list.data.items.length
                ? t('list.countOfTotal', { shown: list.data.items.length, total: list.data.total })
                : t('indicators.count', { count: list.data.items.length })}
            </p>
            <Table
              caption={t('indicators.tableCaption')}
              head={
                <>
                  <SortHeader column="name" label={t('indicators.fields.name')} sort={sort} />
                  <SortHeader column="code" label={t('indicators.fields.code')} sort={sort} />
                  <SortHeader column="kind" label={t('indicators.fields.kind')} sort={sort} />
                  <th scope="col">{t('indicators.fields.unit')}</th>
                  <th scope="col">{t('indicators.fields.direction')}</th>
                  <SortHeader column="topic" label={t('indicators.fields.topic')} sort={sort} />
                </>
              }
            >
              {list.data.items.map((i) => (
                <tr key={i.id}>
                  <td><Link to={`/indicators/${i.id}`}>{i.name}</Link></td>
                  <td><code>{i.code}</code></td>
                  <td>{t(`indicators.kinds.${i.kind}`)}</td>
                  <td>{i.unit ?? ''}</td>
                  <td>{t(`indicators.directions.${i.direction}`)}</td>
                  <td>{i.topic ?? ''}</td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>
      {exporting ? <ExportDialog onClose={() => setExporting(false)} /> : null}
    </>
  )
}
