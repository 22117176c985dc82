import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ListInventoryRoundsSort } from '@/api'
import { ListResults, SortHeader } from '@/components/ui/list-page'
import { useCanWrite } from '@/lib/auth'
import { useDateRangeText } from '@/lib/period'
import { useListFilters, useListSort } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { useRoundProgress, useRounds } from '../api/inventory'
import { InventoryNav } from '../components/inventory-nav'

/** The rounds list has no filters; its sort lives in the URL all the same. */
const noFilters = () => ({})

/** The inventory rounds with their progress. */
export function RoundsPage() {
  const { t } = useTranslation()
  usePageTitle(t('inventory.rounds.title'))
  const sort = useListSort(useListFilters(noFilters), Object.values(ListInventoryRoundsSort), ListInventoryRoundsSort.Name)
  const rounds = useRounds(sort.sort)
  const dateRange = useDateRangeText()
  const canWrite = useCanWrite()
  return (
    <>
      <div className="page-header">
        <h1>{t('inventory.rounds.title')}</h1>
        {canWrite ? (
          <Link to="/inventory/rounds/new" className="button button--primary">
            {t('inventory.roundForm.title')}
          </Link>
        ) : null}
      </div>
      <InventoryNav />
      <p className="lead">{t('inventory.rounds.intro')}</p>
      <ListResults
        query={rounds}
        filtered={false}
        texts={{
          loading: t('inventory.rounds.loading'),
          count: () => '',
          empty: t('inventory.rounds.empty'),
          emptyHint: '',
          emptyFiltered: t('inventory.rounds.empty'),
        }}
      >
        {(items) => (
          <table className="table">
            <caption className="visually-hidden">{t('inventory.rounds.caption')}</caption>
            <thead>
              <tr>
                <SortHeader column="name" label={t('inventory.fields.name')} sort={sort} />
                <th scope="col">{t('inventory.rounds.region')}</th>
                <SortHeader column="startsOn" label={t('inventory.rounds.period')} sort={sort} />
                <th scope="col">{t('inventory.rounds.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/inventory/rounds/${r.id}`}>{r.name}</Link>{' '}
                    <span className="badge badge--muted">{t(`inventory.rounds.status.${r.status}`)}</span>
                  </td>
                  <td>{r.spaceName}</td>
                  <td>{dateRange(r.startsOn, r.endsOn)}</td>
                  <td>
                    <RoundProgressBar id={r.id} name={r.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  )
}

/** A round's share of work done as a progress bar with its text. */
export function RoundProgressBar({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation()
  const progress = useRoundProgress(id)
  if (!progress.data) return <span className="muted">{t('common.loadingShort')}</span>
  const percent = progress.data.counts.percentDone
  return (
    <span className="round-progress">
      <progress max={100} value={percent} aria-label={t('inventory.rounds.progressLabel', { name })} />{' '}
      {t('inventory.rounds.percentDone', { percent: Math.round(percent) })}
    </span>
  )
}
