import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { ListNetworksSort } from '@/api'
import { FilterSelect, ListPage, SortHeader } from '@/components/ui/list-page'
import { useCanWrite } from '@/lib/auth'
import { oneOf, textParam, useListFilters, useListSort } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { NETWORK_KINDS, NETWORK_STATUSES } from '../network-schema'
import { useNetworkList, type NetworkFilters } from '../api/networks'
import { StatusBadge } from '../components/status-badge'

const EXCERPT = 160

function filtersFrom(params: URLSearchParams): NetworkFilters {
  return {
    q: textParam(params, 'q'),
    kind: oneOf(params, 'kind', NETWORK_KINDS),
    status: oneOf(params, 'status', NETWORK_STATUSES),
    spaceId: textParam(params, 'spaceId'),
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1).trimEnd()}…` : flat
}

export function NetworksPage() {
  const { t } = useTranslation()
  usePageTitle(t('networks.title'))
  const filters = useListFilters(filtersFrom)
  const { filters: f, setFilter } = filters
  const sort = useListSort(filters, Object.values(ListNetworksSort), ListNetworksSort.Name)
  const list = useNetworkList({ ...f, sort: sort.sort })
  const { spaces } = useFlatSpaces()
  const canWrite = useCanWrite()

  return (
    <ListPage
      title={t('networks.title')}
      intro={t('networks.intro')}
      action={
        canWrite ? (
          <Link to="/networks/new" className="button button--primary">
            {t('networks.create')}
          </Link>
        ) : null
      }
      filterLabel={t('networks.filters.label')}
      searchLabel={t('networks.filters.q')}
      filters={filters}
      fields={
        <>
          <FilterSelect label={t('networks.fields.kind')} allLabel={t('networks.filters.allKinds')} value={f.kind}
            onChange={(v) => setFilter('kind', v)}>
            {NETWORK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`terms.networkKinds.${kind}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={t('networks.fields.status')} allLabel={t('networks.filters.allStatuses')} value={f.status}
            onChange={(v) => setFilter('status', v)}>
            {NETWORK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`networks.statuses.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={t('list.space')} allLabel={t('list.allSpaces')} value={f.spaceId} onChange={(v) => setFilter('spaceId', v)}>
            <SpaceOptions spaces={spaces} />
          </FilterSelect>
        </>
      }
      query={list}
      texts={{
        loading: t('networks.loading'),
        count: (count, more) => t(more ? 'networks.countMore' : 'networks.count', { count }),
        empty: t('networks.empty'),
        emptyHint: t('networks.emptyHint'),
        emptyFiltered: t('networks.emptyFiltered'),
      }}
    >
      {(networks) => (
        <table className="table">
          <caption className="visually-hidden">{t('networks.tableCaption')}</caption>
          <thead>
            <tr>
              <SortHeader column="name" label={t('networks.list.nameAndMandate')} sort={sort} />
              <SortHeader column="kind" label={t('networks.fields.kind')} sort={sort} />
              <SortHeader column="status" label={t('networks.fields.status')} sort={sort} />
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
                <td>{t(`terms.networkKinds.${n.kind}`)}</td>
                <td>
                  <StatusBadge status={n.status} />
                </td>
                <td>{n.spaces.map((s) => s.name).join(', ') || t('common.none')}</td>
                <td className="num">{n.memberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListPage>
  )
}
