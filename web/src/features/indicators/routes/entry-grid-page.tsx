import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, etag } from '@/api'
import { toProblem } from '@/api/problem'
import { listObservations, listSpaces, MAX_PAGE_SIZE, readAllPages } from '@/api/requests'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { periodRange } from '@/lib/period'
import { queryKeys } from '@/lib/query-keys'
import { usePageTitle } from '@/lib/use-page-title'
import { useIndicators } from '../api/indicators'
import { EntryGrid, type CellChange, type StoredValue } from '../components/entry-grid'
import { IndicatorsNav } from '../components/indicators-nav'

const THIS_YEAR = new Date().getFullYear()

/** Entry grid ("Erfassungsraster"): one indicator, the spaces directly below an area, several periods side by side. */
export function EntryGridPage() {
  const { t } = useTranslation()
  usePageTitle(t('indicators.grid.title'))
  const ids = { indicator: useId(), under: useId(), from: useId(), to: useId() }
  const indicators = useIndicators()
  const { spaces } = useFlatSpaces()
  const queryClient = useQueryClient()
  const [indicatorId, setIndicatorId] = useState('')
  const [under, setUnder] = useState('')
  const [from, setFrom] = useState(String(THIS_YEAR - 3))
  const [to, setTo] = useState(String(THIS_YEAR - 1))
  const periods = /^\d{4}$/.test(from) && /^\d{4}$/.test(to) ? periodRange(from, to).slice(-6) : []
  const indicator = indicators.data?.find((i) => i.id === indicatorId)
  const ready = !!indicator && !!under && periods.length > 0
  const rows = useQuery({
    queryKey: [...queryKeys.spaces.children(under), 'grid'],
    queryFn: async () => (await listSpaces({ parentId: under, limit: MAX_PAGE_SIZE })).items,
    enabled: !!under,
  })
  // the stored values of the periods shown and the one before (for the first column's previous value)
  const before = periods.length > 0 ? String(Number(periods[0]) - 1) : ''
  const values = useQuery({
    queryKey: [...queryKeys.observations.all, 'grid', indicatorId, under, before, periods.at(-1)],
    queryFn: () => readAllPages((cursor) => listObservations({ indicatorId, from: before, to: periods.at(-1), limit: MAX_PAGE_SIZE,
      cursor })),
    enabled: ready,
  })
  const stored: Record<string, StoredValue> = {}
  for (const o of values.data ?? []) stored[`${o.spaceId}|${o.period}`] = { value: o.value, version: o.version }

  const save = async (changes: CellChange[]) => {
    const refused: Record<string, string> = {}
    for (const c of changes) {
      try {
        await api.upsertObservation({ indicatorId, spaceId: c.spaceId, period: c.period, value: c.value },
          c.version === undefined ? undefined : etag(c.version))
      } catch (err) {
        const p = toProblem(err)
        refused[`${c.spaceId}|${c.period}`] = Object.values(p.errors).flat()[0] ?? p.detail ?? p.title ?? String(p.status)
      }
    }
    await queryClient.invalidateQueries({ queryKey: queryKeys.observations.all })
    return refused
  }

  return (
    <>
      <h1>{t('indicators.grid.title')}</h1>
      <IndicatorsNav />
      <p className="lead">{t('indicators.grid.lead')} <Link to="/indicators/entry">{t('indicators.grid.single')}</Link></p>
      <div className="filters card">
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.indicator} className="field__label">{t('indicators.map.indicator')}</label>
            <select id={ids.indicator} className="input" value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
              <option value="">{t('indicators.form.choose')}</option>
              {(indicators.data ?? []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.under} className="field__label">{t('indicators.map.under')}</label>
            <select id={ids.under} className="input" value={under} onChange={(e) => setUnder(e.target.value)}>
              <option value="">{t('indicators.form.choose')}</option>
              <SpaceOptions spaces={spaces} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.from} className="field__label">{t('indicators.grid.from')}</label>
            <input id={ids.from} className="input" inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.to} className="field__label">{t('indicators.grid.to')}</label>
            <input id={ids.to} className="input" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        <p className="field__hint">{t('indicators.grid.keys')}</p>
      </div>
      {!ready ? <p className="muted">{t('indicators.grid.choose')}</p>
        : rows.isPending || values.isPending ? <Loading />
        : rows.isError ? <ProblemAlert error={rows.error} onRetry={() => void rows.refetch()} />
        : values.isError ? <ProblemAlert error={values.error} onRetry={() => void values.refetch()} />
        : (
          <section className="card" aria-label={t('indicators.grid.title')}>
            <EntryGrid key={`${indicatorId}|${under}|${periods.join()}`}
              rows={rows.data.filter((s) => !s.validTo || s.validTo >= `${periods[0]}-01-01`)
              .map((s) => ({ id: s.id, name: s.name }))}
              periods={periods} stored={stored} decimals={indicator.decimals} onSave={save} />
          </section>
        )}
    </>
  )
}
