import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { ListActorsSort } from '@/api'
import { FilterCheckbox, FilterSelect, ListPage, SortHeader } from '@/components/ui/list-page'
import { useCanWrite } from '@/lib/auth'
import { flagParam, oneOf, textParam, useListFilters, useListSort } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { SECTORS } from '../actor-schema'
import { useActorList, useActorTypes, type ActorFilters } from '../api/actors'
import { useActorTypeName } from '../components/actor-labels'

function filtersFrom(params: URLSearchParams): ActorFilters {
  return {
    q: textParam(params, 'q'),
    type: textParam(params, 'type'),
    sector: oneOf(params, 'sector', SECTORS),
    spaceId: textParam(params, 'spaceId'),
    includeArchived: flagParam(params, 'archived'),
  }
}

export function ActorsPage() {
  const { t } = useTranslation()
  usePageTitle(t('actors.title'))
  const filters = useListFilters(filtersFrom)
  const { filters: f, setFilter } = filters
  const sort = useListSort(filters, Object.values(ListActorsSort), ListActorsSort.Name)
  const list = useActorList({ ...f, sort: sort.sort })
  const types = useActorTypes()
  const { spaces } = useFlatSpaces()
  const typeName = useActorTypeName()
  const canWrite = useCanWrite()

  return (
    <ListPage
      title={t('actors.title')}
      intro={t('actors.intro')}
      action={
        canWrite ? (
          <Link to="/actors/new" className="button button--primary">
            {t('actors.create')}
          </Link>
        ) : null
      }
      filterLabel={t('actors.filters.label')}
      searchLabel={t('actors.filters.q')}
      filters={filters}
      fields={
        <>
          <FilterSelect
            label={t('actors.fields.type')}
            allLabel={t('actors.filters.allTypes')}
            value={f.type}
            onChange={(v) => setFilter('type', v)}
          >
            {(types.data ?? []).map((type) => (
              <option key={type.code} value={type.code}>
                {typeName(type)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            label={t('actors.fields.sector')}
            allLabel={t('actors.filters.allSectors')}
            value={f.sector}
            onChange={(v) => setFilter('sector', v)}
          >
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`terms.sectors.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect label={t('list.space')} allLabel={t('list.allSpaces')} value={f.spaceId} onChange={(v) => setFilter('spaceId', v)}>
            <SpaceOptions spaces={spaces} />
          </FilterSelect>
          <FilterCheckbox
            label={t('actors.filters.includeArchived')}
            checked={f.includeArchived ?? false}
            onChange={(checked) => setFilter('archived', checked ? '1' : undefined)}
          />
        </>
      }
      query={list}
      texts={{
        loading: t('actors.loading'),
        count: (count, more) => t(more ? 'actors.countMore' : 'actors.count', { count }),
        empty: t('actors.empty'),
        emptyHint: t('actors.emptyHint'),
        emptyFiltered: t('actors.emptyFiltered'),
      }}
    >
      {(actors) => (
        <table className="table">
          <caption className="visually-hidden">{t('actors.tableCaption')}</caption>
          <thead>
            <tr>
              <SortHeader column="name" label={t('actors.fields.name')} sort={sort} />
              <SortHeader column="type" label={t('actors.fields.type')} sort={sort} />
              <SortHeader column="sector" label={t('actors.fields.sector')} sort={sort} />
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
                  <span className="muted small"> · {t(`terms.actorKinds.${a.kind}`)}</span>
                </td>
                <td>{typeName(types.data?.find((x) => x.code === a.type), a.typeName || a.type)}</td>
                <td>{t(`terms.sectors.${a.sector}`)}</td>
                <td>{a.city ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListPage>
  )
}
