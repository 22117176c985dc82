import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listObservations, MAX_PAGE_SIZE } from '@/api/requests'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { queryKeys } from '@/lib/query-keys'
import { useIndicators } from '../api/indicators'
import { ValueText } from './value-text'

/** A space's page: the latest value of each indicator measured for the space, and a link to its indicator page. */
export function SpaceFigures({ spaceId, headingId }: { spaceId: string; headingId: string }) {
  const { t } = useTranslation()
  const indicators = useIndicators()
  const observations = useQuery({
    queryKey: [...queryKeys.observations.all, 'space-latest', spaceId],
    queryFn: () => listObservations({ spaceId, limit: MAX_PAGE_SIZE }),
  })
  const latest = new Map<string, { period: string; value?: number; suppressed: boolean }>()
  for (const o of observations.data?.items ?? []) {
    const seen = latest.get(o.indicatorId)
    if (!seen || o.period > seen.period) latest.set(o.indicatorId, { period: o.period, value: o.value, suppressed: o.suppressed })
  }
  return (
    <>
      <div className="section-header">
        <h2 id={headingId}>{t('indicators.inSpace.title')}</h2>
        <Link to={`/spaces/${spaceId}/indicators`}>{t('indicators.inSpace.all')}</Link>
      </div>
      {observations.isPending || indicators.isPending ? <Loading />
        : observations.isError ? <ProblemAlert error={observations.error} onRetry={() => void observations.refetch()} />
        : latest.size === 0 ? <p className="muted">{t('indicators.inSpace.none')}</p> : (
          <Table caption={t('indicators.inSpace.caption')} className="table--compact"
            columns={[t('indicators.inSpace.indicator'), t('indicators.inSpace.period'), { label: t('indicators.inSpace.value'),
              className: 'num' }]}>
            {(indicators.data ?? []).filter((i) => latest.has(i.id)).map((i) => {
              const v = latest.get(i.id)!
              return (
                <tr key={i.id}>
                  <th scope="row"><Link to={`/indicators/${i.id}`}>{i.name}</Link></th>
                  <td>{v.period}</td>
                  <td className="num"><ValueText value={v.value} suppressed={v.suppressed} decimals={i.decimals} unit={i.unit} /></td>
                </tr>
              )
            })}
          </Table>
        )}
    </>
  )
}
