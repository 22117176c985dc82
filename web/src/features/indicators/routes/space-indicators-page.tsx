import { useQueries, useQuery } from '@tanstack/react-query'
import { memo, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { IndicatorDto } from '@/api'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces, useSpace } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useNearViewport } from '@/lib/use-near-viewport'
import { usePageTitle } from '@/lib/use-page-title'
import {
  spaceSeriesQuery,
  useIndicatorSetEvaluation,
  useIndicatorSetGoals,
  useIndicatorSets,
  useIndicators,
  useReferenceSeries,
} from '../api/indicators'
import { IndicatorChart } from '../components/indicator-chart'
import { ExportDialog } from '../components/export-dialog'
import { SetEvaluation } from '../components/set-evaluation'
import '../indicators.css'

/** Indicators of one social space: a time series chart per indicator with baseline, target and a reference space. */
export function SpaceIndicatorsPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const space = useSpace(id)
  const sets = useIndicatorSets()
  const catalogue = useIndicators()
  const { spaces: flatSpaces } = useFlatSpaces()
  const [exporting, setExporting] = useState(false)
  const ids = { set: useId(), ref: useId(), period: useId() }
  usePageTitle(space.data ? t('indicators.space.title', { name: space.data.name }) : t('indicators.space.titleShort'))
  const setId = params.get('set') ?? ''
  const refParam = params.get('ref')
  const referenceId = refParam === null ? (space.data?.parentId ?? '') : refParam
  const goals = useIndicatorSetGoals(setId, setId ? id : undefined)
  const set = sets.data?.find((x) => x.id === setId)
  // The set's series (shared with the charts below through the query cache) tell which periods have values; the newest
  // year comes first, or the newest period when the set has no yearly values.
  // computed values count: a county without figures of its own has those of its municipalities
  const setSeries = useQueries({ queries: (set?.indicators ?? []).map((i) => spaceSeriesQuery(i.indicatorId, id)) })
  const periods = [...new Set(setSeries.flatMap((q) => (q.data ?? []).map((o) => o.period)))].sort().reverse()
  const seriesPending = setSeries.some((q) => q.isPending)
  const period = params.get('period') ?? periods.find((p) => p.length === 4) ?? periods[0] ?? ''
  const evaluation = useIndicatorSetEvaluation(setId, id, period, referenceId || undefined)
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    next.set(key, value)
    setParams(next, { replace: true })
  }

  // The page keeps at least a screen's height from the first paint on, so the footer never jumps down as it fills.
  if (space.isPending || catalogue.isPending || sets.isPending) return <div className="space-indicators"><Loading /></div>
  if (space.isError) return <ProblemAlert error={space.error} onRetry={() => void space.refetch()} />
  if (catalogue.isError) return <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
  const s = space.data
  const indicators: IndicatorDto[] = set
    ? set.indicators
        .slice()
        .sort((a, b) => a.position - b.position)
        .map((i) => catalogue.data.find((c) => c.id === i.indicatorId))
        .filter((i): i is IndicatorDto => !!i)
    : catalogue.data
  const referenceName = flatSpaces.find((x) => x.id === referenceId)?.name ?? (referenceId === s.parentId ? s.parentName : undefined)

  return (
    <div className="space-indicators">
      <p className="breadcrumb"><Link to={`/spaces/${s.id}`}>{t('indicators.space.backToSpace', { name: s.name })}</Link></p>
      <div className="page-header">
        <h1>{t('indicators.space.title', { name: s.name })}</h1>
        <div className="page-header__actions">
          <button type="button" className="button button--secondary"
            onClick={() => setExporting(true)}>{t('indicators.export.open')}</button>
        </div>
      </div>
      <form className="filters card" onSubmit={(e) => e.preventDefault()} aria-label={t('indicators.space.titleShort')}>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.set} className="field__label">{t('indicators.space.set')}</label>
            <select id={ids.set} className="input" value={setId} onChange={(e) => setParam('set', e.target.value)}>
              <option value="">{t('indicators.space.allIndicators')}</option>
              {(sets.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>{x.name}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.ref} className="field__label">{t('indicators.space.reference')}</label>
            <p id={`${ids.ref}-hint`} className="field__hint">{t('indicators.space.referenceHint')}</p>
            <select id={ids.ref} className="input" value={referenceId} aria-describedby={`${ids.ref}-hint`}
              onChange={(e) => setParam('ref', e.target.value)}>
              <option value="">{t('indicators.space.noReference')}</option>
              <SpaceOptions spaces={flatSpaces.filter((x) => x.id !== s.id)} />
            </select>
          </div>
        </div>
      </form>
      {set ? (
        <section className="card" aria-labelledby={`${ids.period}-heading`}>
          <div className="card__header">
            <h2 id={`${ids.period}-heading`}>{t('indicators.evaluation.title')}</h2>
            <div className="field field--inline">
              <label htmlFor={ids.period} className="field__label">{t('indicators.evaluation.period')}</label>
              <select id={ids.period} className="input" value={period} onChange={(e) => setParam('period', e.target.value)}>
                {periods.length === 0 ? (
                  <option value="">{seriesPending ? t('common.loadingShort') : t('indicators.evaluation.noYears')}</option>
                ) : null}
                {period && !periods.includes(period) ? <option value={period}>{period}</option> : null}
                {periods.map((y) => (
                  <option key={y} value={y}>{y}</option>
                ))}
              </select>
            </div>
          </div>
          {!period ? (
            seriesPending ? <Loading /> : <p className="muted">{t('indicators.space.noData')}</p>
          ) : evaluation.isPending ? (
            <Loading />
          ) : evaluation.isError ? (
            <ProblemAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />
          ) : (
            <SetEvaluation evaluation={evaluation.data} />
          )}
        </section>
      ) : (sets.data ?? []).length > 0 ? (
        <p className="muted">{t('indicators.evaluation.chooseSet')}</p>
      ) : null}
      {indicators.length === 0 ? (
        <EmptyState title={t('indicators.space.noIndicators')} />
      ) : (
        indicators.map((indicator) => {
          const goal = goals.data?.find((g) => g.indicatorId === indicator.id && g.spaceId === s.id)
          return (
            <SpaceSeries
              key={indicator.id}
              indicator={indicator}
              spaceId={s.id}
              referenceId={referenceId || undefined}
              referenceName={referenceName ?? ''}
              baseline={goal?.baseline}
              target={goal?.targets[goal.targets.length - 1]}
            />
          )
        })
      )}
      {exporting ? <ExportDialog initial={{ under: s.id, indicatorSetId: setId || undefined }} onClose={() => setExporting(false)} />
        : null}
    </div>
  )
}

/**
 * One indicator's chart. Its values are asked for and drawn when the card comes near the viewport: on a phone the page
 * shows one chart at a time, and loading and drawing all of them at once cost the page its first seconds.
 */
const SpaceSeries = memo(function SpaceSeries({
  indicator,
  spaceId,
  referenceId,
  referenceName,
  baseline,
  target,
}: {
  indicator: IndicatorDto
  spaceId: string
  referenceId?: string
  referenceName: string
  baseline?: { period: string; value: number }
  target?: { period: string; value: number }
}) {
  const { t } = useTranslation()
  const [cardRef, near] = useNearViewport<HTMLElement>()
  const own = useQuery({ ...spaceSeriesQuery(indicator.id, spaceId), enabled: near })
  const ref = useReferenceSeries(indicator.id, near ? referenceId : undefined)
  // While the values load, the card already has the chart's size (no layout shift when it is drawn).
  if (own.isPending) {
    return (
      <section ref={cardRef} className="card chart-card">
        <h2>{indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name}</h2>
        <div className="chart chart--pending"><Loading /></div>
      </section>
    )
  }
  if (own.isError) return <ProblemAlert error={own.error} onRetry={() => void own.refetch()} />
  if (own.data.length === 0 && !baseline && !target) {
    return (
      <section className="card chart-card">
        <h2>{indicator.name}</h2>
        <p className="muted">{t('indicators.space.noData')}</p>
      </section>
    )
  }
  return (
    <IndicatorChart
      indicator={{ id: indicator.id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals }}
      observations={own.data}
      reference={referenceId && ref.data ? { name: referenceName, observations: ref.data } : undefined}
      baseline={baseline}
      target={target}
    />
  )
})
