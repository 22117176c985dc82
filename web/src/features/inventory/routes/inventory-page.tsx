import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { listSpaces, MAX_PAGE_SIZE } from '@/api/requests'
import { useActorOptions } from '@/components/pickers/actors'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { ListLocationsSort } from '@/api'
import { FilterForm, FilterSelect, ListResults, SortHeader } from '@/components/ui/list-page'
import { useCanWrite } from '@/lib/auth'
import { today } from '@/lib/format'
import { queryKeys } from '@/lib/query-keys'
import { textParam, useListFilters, useListSort } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { EXPORT_FORMATS, inventoryExportUrl, useLocationList, useLocationMap, useTerms, type InventoryFilters } from '../api/inventory'
import { FacilityMap } from '../components/facility-map'
import { InventoryNav } from '../components/inventory-nav'
import { useTermName } from '../components/labels'

function filtersFrom(params: URLSearchParams): InventoryFilters {
  return {
    q: textParam(params, 'q'),
    spaceId: textParam(params, 'spaceId'),
    category: textParam(params, 'category'),
    targetGroup: textParam(params, 'targetGroup'),
    operatorId: textParam(params, 'operatorId'),
  }
}

/** Today's spaces that have a geometry, to draw under the markers. */
function useMapSpaces() {
  return useQuery({
    queryKey: [...queryKeys.spaces.all, 'with-geometry', today()],
    queryFn: async () => (await listSpaces({ validOn: today(), limit: MAX_PAGE_SIZE })).items.filter((s) => s.geometry),
    staleTime: 5 * 60_000,
  })
}

/** The inventory: facilities as a list and on a map side by side, filtered by space, category, target group and operator. */
export function InventoryPage() {
  const { t } = useTranslation()
  usePageTitle(t('inventory.title'))
  const filters = useListFilters(filtersFrom)
  const { filters: f, setFilter } = filters
  const sort = useListSort(filters, Object.values(ListLocationsSort), ListLocationsSort.Name)
  const list = useLocationList({ ...f, sort: sort.sort })
  const map = useLocationMap({ spaceId: f.spaceId, category: f.category, targetGroup: f.targetGroup, operatorId: f.operatorId, q: f.q })
  const spacesWithGeometry = useMapSpaces()
  const terms = useTerms()
  const termName = useTermName()
  const { spaces } = useFlatSpaces()
  const actors = useActorOptions()
  const canWrite = useCanWrite()
  const listHeading = useId()
  const mapHeading = useId()
  const exportHeading = useId()

  return (
    <>
      <div className="page-header">
        <h1>{t('inventory.title')}</h1>
        {canWrite ? (
          <div className="button-row">
            <Link to="/inventory/locations/new" className="button button--primary">
              {t('inventory.createLocation')}
            </Link>
            <Link to="/inventory/services/new" className="button button--secondary">
              {t('inventory.createService')}
            </Link>
            <Link to="/inventory/import" className="button button--secondary">
              {t('inventory.import.title')}
            </Link>
          </div>
        ) : null}
      </div>
      <InventoryNav />
      <p className="lead">{t('inventory.intro')}</p>
      <FilterForm
        label={t('inventory.filters.label')}
        search={{ label: t('inventory.filters.q'), value: f.q, onSearch: (q) => setFilter('q', q) }}
        hasFilters={filters.hasFilters}
        onReset={filters.reset}
      >
        <FilterSelect label={t('list.space')} allLabel={t('list.allSpaces')} value={f.spaceId} onChange={(v) => setFilter('spaceId', v)}>
          <SpaceOptions spaces={spaces} />
        </FilterSelect>
        <FilterSelect
          label={t('inventory.filters.category')}
          allLabel={t('inventory.filters.allCategories')}
          value={f.category}
          onChange={(v) => setFilter('category', v)}
        >
          {(terms.data?.categories ?? []).map((term) => (
            <option key={term.code} value={term.code}>
              {term.parentId ? '\u00a0\u00a0' : ''}
              {termName(term)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('inventory.filters.targetGroup')}
          allLabel={t('inventory.filters.allTargetGroups')}
          value={f.targetGroup}
          onChange={(v) => setFilter('targetGroup', v)}
        >
          {(terms.data?.targetGroups ?? []).map((term) => (
            <option key={term.code} value={term.code}>
              {termName(term)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('inventory.filters.operator')}
          allLabel={t('inventory.filters.allOperators')}
          value={f.operatorId}
          onChange={(v) => setFilter('operatorId', v)}
        >
          {(actors.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </FilterSelect>
      </FilterForm>
      <div className="export-links" role="group" aria-labelledby={exportHeading} aria-describedby={`${exportHeading}-hint`}>
        <span id={exportHeading} className="export-links__label">{t('inventory.export.label')}:</span>
        {EXPORT_FORMATS.map((format) => (
          <a key={format} className="button button--secondary button--small" href={inventoryExportUrl(format, f)} download>
            {t(`inventory.export.${format}`)}
          </a>
        ))}
        <span id={`${exportHeading}-hint`} className="muted small">{t('inventory.export.hint')}</span>
      </div>

      <div className="inventory-split">
        <section aria-labelledby={listHeading} className="inventory-split__list">
          <h2 id={listHeading}>{t('inventory.listTitle')}</h2>
          <ListResults
            query={list}
            filtered={filters.hasFilters}
            texts={{
              loading: t('inventory.loading'),
              count: (count, more) => t(more ? 'inventory.countMore' : 'inventory.count', { count }),
              empty: t('inventory.empty'),
              emptyHint: t('inventory.emptyHint'),
              emptyFiltered: t('inventory.emptyFiltered'),
            }}
          >
            {(locations) => (
              <table className="table">
                <caption className="visually-hidden">{t('inventory.tableCaption')}</caption>
                <thead>
                  <tr>
                    <SortHeader column="name" label={t('inventory.fields.name')} sort={sort} />
                    <th scope="col">{t('inventory.fields.space')}</th>
                  </tr>
                </thead>
                <tbody>
                  {locations.map((l) => (
                    <tr key={l.id}>
                      <td>
                        <Link to={`/inventory/locations/${l.id}`}>{l.name}</Link>
                        {l.archivedAt ? <span className="badge badge--muted">{t('inventory.archived')}</span> : null}
                        {l.addresses[0] ? (
                          <span className="muted small block">
                            {l.addresses[0].address1}, {l.addresses[0].postalCode} {l.addresses[0].city}
                          </span>
                        ) : null}
                        {l.ownerActorName ? <span className="muted small block">{l.ownerActorName}</span> : null}
                      </td>
                      <td>{l.spaceName ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListResults>
        </section>
        <section aria-labelledby={mapHeading} className="inventory-split__map">
          <h2 id={mapHeading}>{t('inventory.mapTitle')}</h2>
          {map.data && spacesWithGeometry.data ? (
            <FacilityMap key={JSON.stringify(f)} locations={map.data} spaces={spacesWithGeometry.data} labelledBy={mapHeading} />
          ) : (
            <Loading label={t('inventory.map.loading')} />
          )}
        </section>
      </div>
    </>
  )
}
