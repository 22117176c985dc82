import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, SpaceLevel, type DashboardPreferences, type SpaceTreeNode } from '@/api'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { queryKeys } from '@/lib/query-keys'
import { useIndicatorMap, useIndicators, useIndicatorSet } from '../api/indicators'
import { rankingRows } from '../ranking'
import { IndicatorMap } from './indicator-map'
import { RankingTable } from './ranking-table'

const THIS_YEAR = new Date().getFullYear()
/** The dashboard's window: the last twelve years (the most one map request takes). */
const DASHBOARD_PERIODS = Array.from({ length: 12 }, (_, i) => String(THIS_YEAR - 12 + i))

function parentOf(nodes: readonly SpaceTreeNode[], id: string, parent?: string): string | undefined {
  for (const n of nodes) {
    if (n.id === id) return parent
    const found = parentOf(n.children ?? [], id, n.id)
    if (found) return found
  }
  return undefined
}

/**
 * One indicator set on the start page: a ranking of the spaces of the chosen area and level by one of the set's
 * indicators (latest value, change since the baseline, target state, trend) and a map coloured by the same indicator.
 * The choices are the user's preferences (saved on the server through `onChange`).
 */
export function SetDashboard({ setId, preferences, onChange }: {
  setId: string
  preferences: DashboardPreferences
  onChange: (change: Partial<DashboardPreferences>) => void
}) {
  const { t } = useTranslation()
  const ids = { indicator: useId(), under: useId(), level: useId() }
  const set = useIndicatorSet(setId)
  const indicators = useIndicators()
  const { spaces, tree } = useFlatSpaces()
  const goals = useQuery({
    queryKey: [...queryKeys.indicatorSets.detail(setId), 'goals', 'all'],
    queryFn: async () => (await api.getIndicatorSetGoals(setId)).items,
  })
  const items = set.data?.indicators ?? []
  const indicatorId = items.some((i) => i.indicatorId === preferences.mapIndicatorId) ? preferences.mapIndicatorId! : items[0]?.indicatorId
  const firstGoal = goals.data?.find((g) => g.indicatorId === indicatorId) ?? goals.data?.[0]
  const under = preferences.underSpaceId
    ?? (firstGoal && tree.data ? parentOf(tree.data, firstGoal.spaceId) : undefined)
    ?? spaces[0]?.id
  const map = useIndicatorMap(indicatorId && under ? { indicatorId, under, periods: DASHBOARD_PERIODS } : undefined)
  const indicator = indicators.data?.find((i) => i.id === indicatorId)

  if (set.isPending || indicators.isPending || goals.isPending) return <Loading />
  if (set.isError) return <ProblemAlert error={set.error} onRetry={() => void set.refetch()} />
  if (indicators.isError) return <ProblemAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
  const areaName = spaces.find((s) => s.id === under)?.name ?? ''
  const level = preferences.rankingLevel

  return (
    <section className="card set-dashboard" aria-labelledby={`${ids.indicator}-h`}>
      <div className="section-header">
        <h2 id={`${ids.indicator}-h`}>{set.data.name}</h2>
        <Link to={`/indicators/sets/${setId}`}>{t('start.dashboard.openSet')}</Link>
      </div>
      <div className="filters__row">
        <div className="field">
          <label htmlFor={ids.indicator} className="field__label">{t('start.dashboard.indicator')}</label>
          <select id={ids.indicator} className="input" value={indicatorId ?? ''}
            onChange={(e) => onChange({ mapIndicatorId: e.target.value })}>
            {items.map((i) => <option key={i.indicatorId} value={i.indicatorId}>{i.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.under} className="field__label">{t('start.dashboard.area')}</label>
          <select id={ids.under} className="input" value={under ?? ''} onChange={(e) => onChange({ underSpaceId: e.target.value })}>
            <SpaceOptions spaces={spaces} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.level} className="field__label">{t('start.dashboard.level')}</label>
          <select id={ids.level} className="input" value={level ?? ''}
            onChange={(e) => onChange({ rankingLevel: (e.target.value || undefined) as SpaceLevel | undefined })}>
            <option value="">{t('start.dashboard.levelChildren')}</option>
            {Object.values(SpaceLevel).map((l) => <option key={l} value={l}>{t(`terms.spaceLevels.${l}`)}</option>)}
          </select>
        </div>
      </div>
      {!indicator || !under ? <p className="muted">{t('start.dashboard.empty')}</p>
        : map.isPending ? <Loading />
        : map.isError ? <ProblemAlert error={map.error} onRetry={() => void map.refetch()} />
        : (
          <div className="set-dashboard__body">
            <div className="set-dashboard__ranking">
              <RankingTable periods={map.data.periods} indicator={indicator}
                caption={t('indicators.ranking.caption', { indicator: indicator.name, area: areaName })}
                rows={rankingRows({ spaces: map.data.spaces, periods: map.data.periods, under, level, direction: indicator.direction,
                  goals: (goals.data ?? []).filter((g) => g.indicatorId === indicator.id) })} />
            </div>
            <div className="set-dashboard__map">
              <IndicatorMap key={`${indicator.id}-${under}-${level ?? ''}`} spaces={map.data.spaces} periods={map.data.periods}
                parentId={under}
                indicator={indicator} initialLayer={level ? 'finest' : 'children'} showTable={false} showLayer={false} viewWidth={300}
                initialPeriod={latestWithValues(map.data.spaces, map.data.periods)} />
            </div>
          </div>
        )}
    </section>
  )
}

/** The last period in which any space has a value (the slider starts there, not on an empty current year). */
function latestWithValues(spaces: { values: { period: string }[] }[], periods: string[]): string | undefined {
  const withValues = new Set(spaces.flatMap((s) => s.values.map((v) => v.period)))
  return [...periods].reverse().find((p) => withValues.has(p))
}
