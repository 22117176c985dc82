import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { usePageTitle } from '@/lib/use-page-title'
import { useIndicatorSets } from '../api/indicators'
import { IndicatorsNav } from '../components/indicators-nav'
import { RECOMMENDED_MAX_INDICATORS } from '../components/set-size-hint'

export function IndicatorSetsPage() {
  const { t } = useTranslation()
  usePageTitle(t('indicators.sets.title'))
  const sets = useIndicatorSets()
  return (
    <>
      <div className="page-header">
        <h1>{t('indicators.sets.title')}</h1>
        <div className="page-header__actions">
          <Link to="/indicators/sets/new" className="button button--primary">{t('indicators.sets.new')}</Link>
        </div>
      </div>
      <IndicatorsNav />
      <p className="lead">{t('indicators.sets.lead')}</p>
      {sets.isPending ? (
        <Loading />
      ) : sets.isError ? (
        <ProblemAlert error={sets.error} onRetry={() => void sets.refetch()} />
      ) : sets.data.length === 0 ? (
        <EmptyState title={t('indicators.sets.empty')} />
      ) : (
        <Table
          caption={t('indicators.sets.tableCaption')}
          columns={[t('indicators.sets.name'), t('indicators.sets.purpose'), t('indicators.sets.indicatorCount')]}
        >
          {sets.data.map((s) => (
            <tr key={s.id}>
              <td><Link to={`/indicators/sets/${s.id}`}>{s.name}</Link></td>
              <td>{s.purpose ?? ''}</td>
              <td>
                {s.indicators.length}
                {s.indicators.length > RECOMMENDED_MAX_INDICATORS ? (
                  <span className="badge">{t('indicators.sets.tooManyCount', { count: s.indicators.length })}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  )
}
