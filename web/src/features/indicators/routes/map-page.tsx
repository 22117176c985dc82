import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { isPeriod, periodRange } from '@/lib/period'
import { usePageTitle } from '@/lib/use-page-title'
import { useIndicatorMap, useIndicators } from '../api/indicators'
import { IndicatorMap } from '../components/indicator-map'
import { IndicatorsNav } from '../components/indicators-nav'

const THIS_YEAR = new Date().getFullYear()

interface Choice {
  indicatorId: string
  under: string
  periodA: string
  periodB: string
}

/** Map ("Karte"): an indicator over the spaces below a parent space, with a slider through the periods from A to B. */
export function MapPage() {
  const { t } = useTranslation()
  usePageTitle(t('indicators.map.title'))
  const indicators = useIndicators()
  const { spaces } = useFlatSpaces()
  const ids = { indicator: useId(), under: useId(), a: useId(), b: useId() }
  const [draft, setDraft] = useState<Choice>({ indicatorId: '', under: '', periodA: String(THIS_YEAR - 6), periodB: String(THIS_YEAR - 1) })
  const [choice, setChoice] = useState<Choice | null>(null)
  const indicator = indicators.data?.find((i) => i.id === choice?.indicatorId)
  const map = useIndicatorMap(choice && indicator
    ? { indicatorId: indicator.id, under: choice.under, periods: periodRange(choice.periodA, choice.periodB) }
    : undefined)
  const valid = !!draft.indicatorId && !!draft.under && isPeriod(draft.periodA.trim()) && isPeriod(draft.periodB.trim())

  if (indicators.isPending) return <Loading />
  if (indicators.isError) return <ProblemAlert error={indicators.error} onRetry={() => void indicators.refetch()} />
  const set = (key: keyof Choice) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })

  return (
    <>
      <h1>{t('indicators.map.title')}</h1>
      <IndicatorsNav />
      <p className="lead">{t('indicators.map.lead')}</p>
      <form className="filters card" aria-label={t('indicators.map.title')} noValidate
        onSubmit={(e) =>
          { e.preventDefault(); if (valid) setChoice({ ...draft, periodA: draft.periodA.trim(), periodB: draft.periodB.trim() }) }}>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.indicator} className="field__label">{t('indicators.map.indicator')}</label>
            <select id={ids.indicator} className="input" value={draft.indicatorId} onChange={set('indicatorId')}>
              <option value="">{t('indicators.form.choose')}</option>
              {indicators.data.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.under} className="field__label">{t('indicators.map.under')}</label>
            <select id={ids.under} className="input" value={draft.under} onChange={set('under')}>
              <option value="">{t('indicators.form.choose')}</option>
              <SpaceOptions spaces={spaces} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.a} className="field__label">{t('indicators.map.periodA')}</label>
            <input id={ids.a} className="input" value={draft.periodA} onChange={set('periodA')} aria-describedby={`${ids.a}-hint`} />
            <p id={`${ids.a}-hint`} className="field__hint">{t('indicators.export.periodHint')}</p>
          </div>
          <div className="field">
            <label htmlFor={ids.b} className="field__label">{t('indicators.map.periodB')}</label>
            <input id={ids.b} className="input" value={draft.periodB} onChange={set('periodB')} />
          </div>
        </div>
        {!valid ? <p className="hint">{t('indicators.map.chooseAll')}</p> : null}
        <button type="submit" className="button" disabled={!valid}>{t('indicators.map.show')}</button>
      </form>
      {!choice || !indicator ? (
        <EmptyState title={t('indicators.map.chooseAll')} />
      ) : map.isPending ? (
        <Loading />
      ) : map.isError ? (
        <ProblemAlert error={map.error} onRetry={() => void map.refetch()} />
      ) : (
        <section className="card" aria-label={t('indicators.map.title')}>
          <IndicatorMap headingLevel={2} spaces={map.data.spaces} parentId={choice.under} periods={map.data.periods}
            indicator={{ name: indicator.name, decimals: indicator.decimals, unit: indicator.unit }} />
        </section>
      )}
    </>
  )
}
