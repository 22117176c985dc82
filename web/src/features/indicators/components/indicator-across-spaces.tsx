import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IndicatorDto, SpaceTreeNode } from '@/api'
import { listObservations } from '@/api/requests'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { queryKeys } from '@/lib/query-keys'
import { useIndicatorMap } from '../api/indicators'
import { rankingRows } from '../ranking'
import { IndicatorMap } from './indicator-map'
import { RankingTable } from './ranking-table'

const THIS_YEAR = new Date().getFullYear()
const PERIODS = Array.from({ length: 12 }, (_, i) => String(THIS_YEAR - 12 + i))

function parentOf(nodes: readonly SpaceTreeNode[], id: string, parent?: string): string | undefined {
  for (const n of nodes) {
    if (n.id === id) return parent
    const found = parentOf(n.children ?? [], id, n.id)
    if (found) return found
  }
  return undefined
}

/**
 * An indicator's page: its values across the spaces of an area (a ranking with the trend of each space over the last
 * years, and a map with a period slider). The area starts as the one around the most recently measured space.
 */
export function IndicatorAcrossSpaces({ indicator }: { indicator: IndicatorDto }) {
  const { t } = useTranslation()
  const id = useId()
  const { spaces, tree } = useFlatSpaces()
  const sample = useQuery({
    queryKey: [...queryKeys.observations.all, 'sample', indicator.id],
    queryFn: () => listObservations({ indicatorId: indicator.id, limit: 1 }),
  })
  const [chosen, setChosen] = useState<string>()
  const first = sample.data?.items[0]?.spaceId
  const under = chosen ?? (first && tree.data ? parentOf(tree.data, first) ?? first : undefined)
  const map = useIndicatorMap(under ? { indicatorId: indicator.id, under, periods: PERIODS } : undefined)
  const areaName = spaces.find((s) => s.id === under)?.name ?? ''
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('indicators.across.title')}</h2>
      <div className="field">
        <label htmlFor={id} className="field__label">{t('indicators.map.under')}</label>
        <select id={id} className="input" value={under ?? ''} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('indicators.form.choose')}</option>
          <SpaceOptions spaces={spaces} />
        </select>
      </div>
      {sample.isPending ? <Loading /> : !under ? <p className="muted">{t('indicators.across.none')}</p>
        : map.isPending ? <Loading /> : map.isError ? <ProblemAlert error={map.error} onRetry={() => void map.refetch()} /> : (
          <>
            <RankingTable periods={map.data.periods} indicator={indicator}
              caption={t('indicators.ranking.caption', { indicator: indicator.name, area: areaName })}
              rows={rankingRows({ spaces: map.data.spaces, periods: map.data.periods, under, goals: [],
                direction: indicator.direction })} />
            <IndicatorMap key={under} spaces={map.data.spaces} periods={map.data.periods} parentId={under} indicator={indicator}
              headingLevel={3} showTable={false} />
          </>
        )}
    </section>
  )
}
