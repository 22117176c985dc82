import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ListVerificationQueueSort } from '@/api'
import { FilterForm, FilterCheckbox, FilterSelect, ListResults, SortHeader } from '@/components/ui/list-page'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { useCanWrite } from '@/lib/auth'
import { formatDate } from '@/lib/format'
import { flagParam, textParam, useListFilters, useListSort } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { serviceQuery, useVerificationQueue } from '../api/inventory'
import { InventoryNav } from '../components/inventory-nav'
import { VerifyButton } from '../components/verify-button'

function filtersFrom(params: URLSearchParams) {
  return { spaceId: textParam(params, 'spaceId'), includeDue: flagParam(params, 'due') }
}

/** The services overdue (and, on request, soon due) for verification, each with "Als geprüft markieren". */
export function VerificationPage() {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  usePageTitle(t('inventory.verification.title'))
  const filters = useListFilters(filtersFrom)
  const { filters: f, setFilter } = filters
  const sort = useListSort(filters, Object.values(ListVerificationQueueSort), ListVerificationQueueSort.DueOn)
  const queue = useVerificationQueue({ ...f, sort: sort.sort })
  const { spaces } = useFlatSpaces()
  const canWrite = useCanWrite()
  const [notice, setNotice] = useState('')
  return (
    <>
      <h1>{t('inventory.verification.title')}</h1>
      <InventoryNav />
      <p className="lead">{t('inventory.verification.intro')}</p>
      <FilterForm label={t('inventory.verification.title')} hasFilters={filters.hasFilters} onReset={filters.reset}>
        <FilterSelect label={t('list.space')} allLabel={t('list.allSpaces')} value={f.spaceId} onChange={(v) => setFilter('spaceId', v)}>
          <SpaceOptions spaces={spaces} />
        </FilterSelect>
        <FilterCheckbox label={t('inventory.verification.includeDue')} checked={f.includeDue ?? false}
          onChange={(checked) => setFilter('due', checked ? '1' : undefined)} />
      </FilterForm>
      <p role="status" className="notice-line">
        {notice}
      </p>
      <ListResults
        query={queue}
        filtered={filters.hasFilters}
        texts={{
          loading: t('inventory.verification.loading'),
          count: (count, more) => t(more ? 'inventory.verification.countMore' : 'inventory.verification.count', { count }),
          empty: t('inventory.verification.empty'),
          emptyHint: t('inventory.verification.emptyHint'),
          emptyFiltered: t('inventory.verification.emptyFiltered'),
        }}
      >
        {(items) => (
          <table className="table">
            <caption className="visually-hidden">{t('inventory.verification.caption')}</caption>
            <thead>
              <tr>
                <SortHeader column="name" label={t('inventory.fields.service')} sort={sort} />
                <SortHeader column="operator" label={t('inventory.fields.operator')} sort={sort} />
                <SortHeader column="verifiedOn" label={t('inventory.fields.verified')} sort={sort} />
                <SortHeader column="dueOn" label={t('inventory.fields.status')} sort={sort} />
                {canWrite ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.serviceId}>
                  <td>
                    <Link to={`/inventory/services/${item.serviceId}`}>{item.name}</Link>
                  </td>
                  <td>{item.operatorName ?? ''}</td>
                  <td>{item.verifiedOn ? formatDate(item.verifiedOn, lng) : t('inventory.service.neverVerified')}</td>
                  <td>
                    <span className={`badge badge--${item.state === 'overdue' ? 'warning' : 'muted'}`}>
                      {t(`inventory.verification.state.${item.state}`)}
                    </span>
                    {item.daysOverdue != null && item.daysOverdue > 0 ? (
                      <span className="muted small block">{t('inventory.verification.overdueBy', { count: item.daysOverdue })}</span>
                    ) : null}
                  </td>
                  {canWrite ? (
                    <td>
                      <VerifyRow serviceId={item.serviceId} name={item.name}
                        onVerified={() => setNotice(t('inventory.service.verified', { name: item.name }))} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  )
}

/** The queue has no versions: the button reads the service's current one first (so If-Match names what is on screen now). */
function VerifyRow({ serviceId, name, onVerified }: { serviceId: string; name: string; onVerified: () => void }) {
  const service = useServiceVersion(serviceId)
  if (service.data === undefined) return null
  return <VerifyButton serviceId={serviceId} version={service.data} name={name} onVerified={onVerified} />
}

function useServiceVersion(id: string) {
  return useQuery({ ...serviceQuery(id), select: (s) => s.version })
}
