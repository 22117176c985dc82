import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CoverageMeasure, DistanceDecay, SpaceLevel } from '@/api'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { SelectField, TextField } from '@/components/ui/field'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { useCanWrite } from '@/lib/auth'
import { parseNumber } from '@/lib/numbers'
import { usePageTitle } from '@/lib/use-page-title'
import { useTerms } from '../api/inventory'
import { useCountIndicators, useCoverage, useCoverageGaps, useStoreCoverage, type CoverageChoice } from '../api/coverage'
import { formatDifference, formatFigure, mapValue, median, type MapMeasure } from '../coverage-format'
import { CoverageMap } from '../components/coverage-map'
import { InventoryNav } from '../components/inventory-nav'

const LEVELS = [SpaceLevel.County, SpaceLevel.PlanningRegion, SpaceLevel.Municipality, SpaceLevel.District, SpaceLevel.Neighbourhood]

interface FormValues {
  category: string
  targetGroup: string
  populationIndicatorId: string
  period: string
  level: SpaceLevel
  under: string
  radiusKm: string
  decay: DistanceDecay
  whatIf: boolean
  fundingEndsBy: string
}

/**
 * Flächendeckung: for a category (and target group) and a population indicator, supply per 1,000 or the 2SFCA
 * accessibility index per space as a choropleth with the services as points, the ranked gaps beside it, and the what-if
 * "wenn Förderungen bis … enden" with the difference per space.
 */
export function CoveragePage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('inventory.coverage.title'))
  const terms = useTerms()
  const indicators = useCountIndicators()
  const { spaces } = useFlatSpaces()
  const [values, setValues] = useState<FormValues>(() => ({
    category: '', targetGroup: '', populationIndicatorId: '', period: '',
    level: SpaceLevel.District, under: '', radiusKm: '5', decay: DistanceDecay.None, whatIf: false, fundingEndsBy: '',
  }))
  const [choice, setChoice] = useState<CoverageChoice>()
  const [measure, setMeasure] = useState<MapMeasure>('perThousand')
  const [threshold, setThreshold] = useState('')
  const category = values.category || terms.data?.categories[0]?.code || ''
  const indicatorId = values.populationIndicatorId || indicators.data?.[0]?.id || ''
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }))

  const coverage = useCoverage(choice)
  const canWrite = useCanWrite()
  const store = useStoreCoverage()
  const whatIf = Boolean(choice?.fundingEndsBy)
  const shownValues = (coverage.data?.spaces ?? []).map((s) => mapValue(s, measure, whatIf)).filter((v): v is number => v !== undefined)
  // numbers as the UI language writes them (lib/numbers); a text that is no number is marked at its field
  const typedThreshold = parseNumber(threshold, i18n.language)
  const parsedThreshold = typedThreshold === undefined ? median(shownValues) : typedThreshold === 'invalid' ? undefined : typedThreshold
  const radius = parseNumber(values.radiusKm, i18n.language)
  const [radiusInvalid, setRadiusInvalid] = useState(false)
  const gapMeasure = measure === 'accessibility' ? CoverageMeasure.Accessibility : CoverageMeasure.PerThousand
  const gaps = useCoverageGaps(choice, gapMeasure,
    parsedThreshold !== undefined && Number.isFinite(parsedThreshold) ? Math.max(0, parsedThreshold) : undefined)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setRadiusInvalid(typeof radius !== 'number')
    if (!category || !indicatorId || typeof radius !== 'number') return
    setChoice({
      category, targetGroup: values.targetGroup || undefined, populationIndicatorId: indicatorId, period: values.period.trim(),
      level: values.level, under: values.under || undefined, radiusKm: radius, decay: values.decay,
      fundingEndsBy: values.whatIf && values.fundingEndsBy ? values.fundingEndsBy : undefined,
    })
  }
  const fmt = (v: number | null | undefined, d = 1) => formatFigure(v, d, i18n.language)
  const title = t(`inventory.coverage.mapTitle.${measure}`)

  return (
    <>
      <h1>{t('inventory.coverage.title')}</h1>
      <InventoryNav />
      <p className="lead">{t('inventory.coverage.intro')}</p>
      <form className="card coverage-form" onSubmit={submit} aria-label={t('inventory.coverage.formLabel')}>
        <div className="coverage-form__fields">
          <SelectField label={t('inventory.coverage.category')} value={category} onChange={(e) => set('category', e.target.value)}>
            {(terms.data?.categories ?? []).map((c) => (
              <option key={c.code} value={c.code}>{i18n.language === 'en' ? c.nameEn : c.nameDe}</option>
            ))}
          </SelectField>
          <SelectField label={t('inventory.coverage.targetGroup')} value={values.targetGroup}
            onChange={(e) => set('targetGroup', e.target.value)}>
            <option value="">{t('inventory.coverage.allTargetGroups')}</option>
            {(terms.data?.targetGroups ?? []).map((c) => (
              <option key={c.code} value={c.code}>{i18n.language === 'en' ? c.nameEn : c.nameDe}</option>
            ))}
          </SelectField>
          <SelectField label={t('inventory.coverage.population')} hint={t('inventory.coverage.populationHint')} value={indicatorId}
            onChange={(e) => set('populationIndicatorId', e.target.value)}>
            {(indicators.data ?? []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </SelectField>
          <TextField label={t('inventory.coverage.period')} hint={t('inventory.coverage.periodHint')} value={values.period}
            onChange={(e) => set('period', e.target.value)} />
          <SelectField label={t('inventory.coverage.level')} value={values.level}
            onChange={(e) => set('level', e.target.value as SpaceLevel)}>
            {LEVELS.map((l) => <option key={l} value={l}>{t(`inventory.coverage.levels.${l}`)}</option>)}
          </SelectField>
          <SelectField label={t('inventory.coverage.region')} value={values.under} onChange={(e) => set('under', e.target.value)}>
            <option value="">{t('inventory.coverage.allSpaces')}</option>
            <SpaceOptions spaces={spaces} />
          </SelectField>
          <TextField label={t('inventory.coverage.radius')} hint={t('inventory.coverage.radiusHint')} inputMode="decimal"
            value={values.radiusKm} onChange={(e) => set('radiusKm', e.target.value)} required
            error={radiusInvalid && typeof radius !== 'number' ? t('validation.number') : undefined} />
          <SelectField label={t('inventory.coverage.decay')} value={values.decay}
            onChange={(e) => set('decay', e.target.value as DistanceDecay)}>
            {Object.values(DistanceDecay).map((d) => <option key={d} value={d}>{t(`inventory.coverage.decays.${d}`)}</option>)}
          </SelectField>
        </div>
        <fieldset className="coverage-form__whatif">
          <legend>{t('inventory.coverage.whatIf')}</legend>
          <label>
            <input type="checkbox" checked={values.whatIf} onChange={(e) => set('whatIf', e.target.checked)} />
            {' '}{t('inventory.coverage.whatIfToggle')}
          </label>
          <TextField label={t('inventory.coverage.fundingEndsBy')} type="date" value={values.fundingEndsBy} disabled={!values.whatIf}
            onChange={(e) => set('fundingEndsBy', e.target.value)} />
        </fieldset>
        <button type="submit" className="button" disabled={!category || !indicatorId}>{t('inventory.coverage.compute')}</button>
        {!indicators.isPending && (indicators.data ?? []).length === 0 ? (
          <p className="muted">{t('inventory.coverage.noPopulation')}</p>
        ) : null}
      </form>

      {choice === undefined ? null : coverage.isPending ? (
        <Loading label={t('inventory.coverage.loading')} />
      ) : coverage.isError ? (
        <ProblemAlert error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : (
        <>
          <p className="muted">{t('inventory.coverage.usedPeriod', { period: coverage.data.parameters.period })}</p>
          <div className="coverage-controls" role="group" aria-label={t('inventory.coverage.display')}>
            <SelectField label={t('inventory.coverage.measure')} value={measure} onChange={(e) => setMeasure(e.target.value as MapMeasure)}>
              <option value="perThousand">{t('inventory.coverage.measures.perThousand')}</option>
              <option value="accessibility">{t('inventory.coverage.measures.accessibility')}</option>
            </SelectField>
            <TextField label={t('inventory.coverage.threshold')} hint={t('inventory.coverage.thresholdHint')} inputMode="decimal"
              value={threshold} onChange={(e) => setThreshold(e.target.value)}
              error={typedThreshold === 'invalid' ? t('validation.number') : undefined} />
          </div>
          {canWrite && !whatIf ? (
            <div className="coverage-store">
              <button type="button" className="button button--secondary" disabled={store.isPending}
                onClick={() => store.mutate({ ...choice, period: coverage.data.parameters.period })}>
                {t('inventory.coverage.store')}
              </button>
              {store.isError ? <ProblemAlert error={store.error} /> : null}
              {store.isSuccess ? (
                <p role="status">
                  {t('inventory.coverage.stored', { count: store.data.indicators.length, period: store.data.period })}{' '}
                  {store.data.indicators.map((i, n) => (
                    <span key={i.indicatorId}>{n > 0 ? ', ' : ''}<Link to={`/indicators/${i.indicatorId}`}>{i.name}</Link></span>
                  ))}
                </p>
              ) : null}
            </div>
          ) : null}
          {whatIf ? (
            <p role="status">
              {t('inventory.coverage.closedSummary', { count: coverage.data.closedServices.length, date: choice.fundingEndsBy })}
              {coverage.data.closedServices.length > 0 ? ' ' + coverage.data.closedServices.map((s) => s.name).join(', ') : ''}
            </p>
          ) : null}
          <div className="coverage-layout">
            <CoverageMap spaces={coverage.data.spaces} points={coverage.data.points} measure={measure} whatIf={whatIf} title={title} />
            <section className="card coverage-gaps" aria-labelledby="coverage-gaps-title">
              <h2 id="coverage-gaps-title">{t('inventory.coverage.gapsTitle')}</h2>
              <p className="muted">{t('inventory.coverage.gapsIntro', { threshold: fmt(parsedThreshold) })}</p>
              {gaps.isPending ? <Loading label={t('inventory.coverage.loading')} /> : gaps.isError
                ? <ProblemAlert error={gaps.error} onRetry={() => void gaps.refetch()} />
                : gaps.data.items.length === 0 ? <p>{t('inventory.coverage.noGaps')}</p> : (
                  <ol className="coverage-gaps__list">
                    {gaps.data.items.map((g) => (
                      <li key={g.spaceId}>
                        <Link to={`/spaces/${g.spaceId}`}>{g.name}</Link>{': '}{fmt(g.value)}
                        {g.baselineValue !== undefined && g.baselineValue !== null
                          ? ` (${t('inventory.coverage.before', { value: fmt(g.baselineValue) })})` : ''}
                        {g.population ? ` · ${t('inventory.coverage.people', { count: g.population })}` : ''}
                      </li>
                    ))}
                  </ol>
                )}
            </section>
          </div>
          <Table caption={t('inventory.coverage.tableCaption')} hiddenCaption={false}
            columns={[t('inventory.coverage.space'), t('inventory.coverage.services'), t('inventory.coverage.capacity'),
              t('inventory.coverage.populationColumn'), t('inventory.coverage.measures.perThousand'), t('inventory.coverage.distance'),
              t('inventory.coverage.share'), t('inventory.coverage.measures.accessibility'),
              ...(whatIf ? [t('inventory.coverage.difference')] : [])]}>
            {coverage.data.spaces.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{s.figures.services}</td>
                <td>{fmt(s.figures.capacity, 0)}</td>
                <td>{fmt(s.figures.population, 0)}</td>
                <td>{fmt(s.figures.perThousand)}</td>
                <td>{fmt(s.figures.distanceKm, 2)}</td>
                <td>{s.figures.shareWithinRadius === undefined || s.figures.shareWithinRadius === null ? '–'
                  : `${fmt(s.figures.shareWithinRadius * 100, 0)} %`}</td>
                <td>{fmt(s.figures.accessibility)}</td>
                {whatIf ? (
                  <td>{formatDifference(measure === 'accessibility' ? s.difference?.accessibility : s.difference?.perThousand, 1,
                    i18n.language)}</td>
                ) : null}
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  )
}
