import { useId, useState, type KeyboardEvent } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { IndicatorKind, ObservationStatus, type IndicatorDto, type ObservationDto, type UpsertObservationRequest } from '@/api'
import { toProblem } from '@/api/problem'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { applyServerErrors } from '@/lib/form-errors'
import { numberForInput, numberOf, parseNumber } from '@/lib/numbers'
import { isPeriod } from '@/lib/period'
import { usePageTitle } from '@/lib/use-page-title'
import { useIndicatorSets, useIndicators, useSpacePeriodObservations, useUpsertObservation } from '../api/indicators'
import { IndicatorsNav } from '../components/indicators-nav'
import { valueProblems } from '../observation-rules'
import { rowErrorText } from '../row-error-text'
import '../indicators.css'

const CURRENT_YEAR = String(new Date().getFullYear())
const STATUSES = [ObservationStatus.Provisional, ObservationStatus.Final, ObservationStatus.Estimated] as const
const ROW_FIELDS = ['value', 'numerator', 'denominator', 'status', 'note'] as const

interface RowValues {
  value: string
  numerator: string
  denominator: string
  status: ObservationStatus
  note: string
}

// The table squeezed its columns and cut the status to "vorlä": the status select is at least as wide as its longest
// label ("vorläufig", "provisional"), the number fields keep room for "10.000,5". (Set on the elements: the CSSOM is
// allowed by the Content-Security-Policy, and the component tests see it.)
const STATUS_WIDTH = { minWidth: 'max-content' } as const
const NUMBER_WIDTH = { minWidth: '7rem' } as const

const isRate = (i: IndicatorDto) => i.kind === IndicatorKind.Rate || i.isProportion

/** Data entry grid ("Datenerfassung"): one row per indicator of a set for one space and period. */
export function DataEntryPage() {
  const { t } = useTranslation()
  usePageTitle(t('indicators.entry.title'))
  const [params, setParams] = useSearchParams()
  const sets = useIndicatorSets()
  const catalogue = useIndicators()
  const { spaces } = useFlatSpaces()
  const ids = { set: useId(), space: useId(), period: useId() }
  const setId = params.get('set') ?? ''
  const spaceId = params.get('space') ?? ''
  const periodParam = params.get('period') ?? CURRENT_YEAR
  const [periodText, setPeriodText] = useState(periodParam)
  const period = isPeriod(periodParam) ? periodParam : ''
  const observations = useSpacePeriodObservations(spaceId || undefined, setId && period ? period : undefined)
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    next.set(key, value)
    setParams(next, { replace: true })
  }

  if (sets.isPending || catalogue.isPending) return <Loading />
  if (sets.isError) return <ProblemAlert error={sets.error} onRetry={() => void sets.refetch()} />
  if (catalogue.isError) return <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
  const set = sets.data.find((s) => s.id === setId)
  const space = spaces.find((s) => s.id === spaceId)
  const indicators = set
    ? set.indicators
        .slice()
        .sort((a, b) => a.position - b.position)
        .map((i) => catalogue.data.find((c) => c.id === i.indicatorId))
        .filter((i): i is IndicatorDto => !!i)
    : []

  return (
    <>
      <h1>{t('indicators.entry.title')}</h1>
      <IndicatorsNav />
      <p className="lead">{t('indicators.entry.lead')}</p>
      <form className="filters card" aria-label={t('indicators.entry.title')}
        onSubmit={(e) => { e.preventDefault(); setParam('period', periodText.trim()) }}>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.set} className="field__label">{t('indicators.entry.set')}</label>
            <select id={ids.set} className="input" value={setId} onChange={(e) => setParam('set', e.target.value)}>
              <option value="">{t('indicators.form.choose')}</option>
              {sets.data.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.space} className="field__label">{t('indicators.entry.space')}</label>
            <select id={ids.space} className="input" value={spaceId} onChange={(e) => setParam('space', e.target.value)}>
              <option value="">{t('indicators.form.choose')}</option>
              <SpaceOptions spaces={spaces} />
            </select>
          </div>
          <div className={period || !periodText ? 'field' : 'field field--invalid'}>
            <label htmlFor={ids.period} className="field__label">{t('indicators.entry.period')}</label>
            <p id={`${ids.period}-hint`} className="field__hint">{t('indicators.export.periodHint')}</p>
            <input id={ids.period} className="input" value={periodText} aria-describedby={`${ids.period}-hint`}
              onChange={(e) => setPeriodText(e.target.value)} onBlur={() => setParam('period', periodText.trim())} />
            {!isPeriod(periodParam) ? <p className="field__error">{t('indicators.rating.periodFormat')}</p> : null}
          </div>
        </div>
      </form>
      {!set || !space || !period ? (
        <EmptyState title={t('indicators.entry.chooseSetAndSpace')} />
      ) : observations.isPending ? (
        <Loading />
      ) : observations.isError ? (
        <ProblemAlert error={observations.error} onRetry={() => void observations.refetch()} />
      ) : indicators.length === 0 ? (
        <EmptyState title={t('indicators.sets.noneChosen')} />
      ) : (
        <EntryGrid key={`${set.id}|${space.id}|${period}`} indicators={indicators} spaceId={space.id} spaceName={space.name}
          period={period} observations={observations.data} />
      )}
    </>
  )
}

/** The grid itself (exported for tests): a table whose rows are small forms (via the form attribute). */
export function EntryGrid({ indicators, spaceId, spaceName, period, observations }: {
  indicators: IndicatorDto[]
  spaceId: string
  spaceName: string
  period: string
  observations: ObservationDto[]
}) {
  const { t } = useTranslation()
  return (
    <div className="table-wrap card">
      <table className="table entry-grid">
        <caption>{t('indicators.entry.caption', { space: spaceName })} – {period}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.entry.indicator')}</th>
            <th scope="col">{t('indicators.entry.value')}</th>
            <th scope="col">{t('indicators.entry.numerator')}</th>
            <th scope="col">{t('indicators.entry.denominator')}</th>
            <th scope="col">{t('indicators.entry.status')}</th>
            <th scope="col">{t('indicators.entry.note')}</th>
            <th scope="col"><span className="visually-hidden">{t('indicators.entry.save')}</span></th>
          </tr>
        </thead>
        <tbody onKeyDown={moveByArrow}>
          {indicators.map((i) => (
            <EntryRow key={i.id} indicator={i} spaceId={spaceId} period={period}
              observation={observations.find((o) => o.indicatorId === i.id && o.period === period)} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** ArrowUp/ArrowDown in a text input moves to the same column in the row above/below (selects keep their arrows). */
function moveByArrow(e: KeyboardEvent<HTMLTableSectionElement>) {
  if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return
  const input = e.target as HTMLElement
  if (input.tagName !== 'INPUT') return
  const cell = input.closest('td')
  const row = cell?.parentElement
  if (!cell || !row) return
  const column = Array.from(row.children).indexOf(cell)
  let next = e.key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling
  while (next) {
    const target = next.children[column]?.querySelector('input')
    if (target) {
      e.preventDefault()
      target.focus()
      return
    }
    next = e.key === 'ArrowUp' ? next.previousElementSibling : next.nextElementSibling
  }
}

function EntryRow({ indicator, spaceId, period, observation }: {
  indicator: IndicatorDto
  spaceId: string
  period: string
  observation?: ObservationDto
}) {
  const { t, i18n } = useTranslation()
  const describe = useProblemMessage()
  const upsert = useUpsertObservation()
  const formId = useId()
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  // the server found the value far outside this space's history: the next save confirms it
  const [confirmOutlier, setConfirmOutlier] = useState(false)
  const rate = isRate(indicator)
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RowValues>({
    defaultValues: {
      value: numberForInput(observation?.value, i18n.language),
      numerator: numberForInput(observation?.numerator, i18n.language),
      denominator: numberForInput(observation?.denominator, i18n.language),
      status: observation?.status ?? ObservationStatus.Provisional,
      note: observation?.note ?? '',
    },
  })
  // numbers as the UI language writes them (1.234,5 in German); what is no number says how to write one
  const numberRule = { validate: (v: string) => parseNumber(v, i18n.language) !== 'invalid' || t('validation.number') }
  const read = (v: string) => numberOf(v, i18n.language)

  const submit = handleSubmit(async (v) => {
    setMessage(null)
    const problems = valueProblems(indicator, read(v.value), rate ? read(v.numerator) : undefined, rate ? read(v.denominator) : undefined)
    if (problems.length > 0) {
      problems.forEach((p, n) =>
        setError(p.field, { type: 'rule', message: rowErrorText(t, i18n.language, p.code, p.args, t(`indicators.entry.${p.field}`)) }, { shouldFocus: n === 0 }),
      )
      setMessage({ tone: 'error', text: t('indicators.entry.rowError', { indicator: indicator.name, message: t('indicators.form.checkFields') }) })
      return
    }
    const body: UpsertObservationRequest = {
      indicatorId: indicator.id,
      spaceId,
      period,
      value: read(v.value),
      status: v.status,
      note: v.note.trim() || undefined,
      confirmOutlier: confirmOutlier || undefined,
    }
    if (rate) {
      body.numerator = read(v.numerator)
      body.denominator = read(v.denominator)
    }
    try {
      await upsert.mutateAsync({ body, version: observation?.version })
      setConfirmOutlier(false)
      setMessage({ tone: 'success', text: t('indicators.entry.rowSaved', { indicator: indicator.name }) })
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 400 && problem.codes?.value?.includes('outlier') && Object.keys(problem.errors).length === 1) {
        setConfirmOutlier(true)
        setError('value', { type: 'outlier', message: t('indicators.entry.outlier') }, { shouldFocus: true })
        setMessage({ tone: 'error', text: t('indicators.entry.confirmOutlier') })
      } else if (problem.status === 400 && Object.keys(problem.errors).length > 0) {
        const rest = applyServerErrors(problem, setError, ROW_FIELDS)
        setMessage({ tone: 'error', text: t('indicators.entry.rowError', { indicator: indicator.name, message: rest.join(' ') || t('indicators.form.checkFields') }) })
      } else setMessage({ tone: 'error', text: t('indicators.entry.rowError', { indicator: indicator.name, message: describe(err) }) })
    }
  })

  const label = (field: string) => t('indicators.entry.fieldLabel', { field: t(`indicators.entry.${field}`), indicator: indicator.name })
  const err = (name: keyof RowValues) => errors[name]?.message
  const aria = (name: keyof RowValues) => ({
    'aria-invalid': err(name) ? (true as const) : undefined,
    'aria-describedby': err(name) ? `${formId}-${name}-error` : undefined,
  })
  const errorText = (name: keyof RowValues) =>
    err(name) ? <p id={`${formId}-${name}-error`} className="field__error">{err(name)}</p> : null

  if (observation?.suppressed) {
    return (
      <tr>
        <th scope="row">{indicator.name}</th>
        <td colSpan={6}><span className="suppressed">{t('indicators.suppressed')}</span></td>
      </tr>
    )
  }
  return (
    <tr>
      <th scope="row">{indicator.name}{indicator.unit ? ` (${indicator.unit})` : ''}</th>
      <td>
        <input className="input" style={NUMBER_WIDTH} form={formId} inputMode="decimal" aria-label={label('value')} {...aria('value')} {...register('value', { ...numberRule, onChange: () => setConfirmOutlier(false) })} />
        {errorText('value')}
      </td>
      <td>
        {rate ? (
          <>
            <input className="input" style={NUMBER_WIDTH} form={formId} inputMode="decimal" aria-label={label('numerator')} {...aria('numerator')} {...register('numerator', numberRule)} />
            {errorText('numerator')}
          </>
        ) : <span className="muted" aria-hidden="true">–</span>}
      </td>
      <td>
        {rate ? (
          <>
            <input className="input" style={NUMBER_WIDTH} form={formId} inputMode="decimal" aria-label={label('denominator')} {...aria('denominator')} {...register('denominator', numberRule)} />
            {errorText('denominator')}
          </>
        ) : <span className="muted" aria-hidden="true">–</span>}
      </td>
      <td>
        <select className="input" style={STATUS_WIDTH} form={formId} aria-label={label('status')} {...aria('status')} {...register('status')}>
          {STATUSES.map((s) => <option key={s} value={s}>{t(`indicators.status.${s}`)}</option>)}
        </select>
        {errorText('status')}
      </td>
      <td>
        <input className="input" form={formId} aria-label={label('note')} {...aria('note')} {...register('note')} />
        {errorText('note')}
      </td>
      <td>
        <form id={formId} noValidate onSubmit={submit}>
          <button type="submit" className="button button--secondary" disabled={isSubmitting}
            aria-label={t(isSubmitting ? 'indicators.entry.savingRow' : confirmOutlier ? 'indicators.entry.saveRowAnyway'
              : 'indicators.entry.saveRow', { indicator: indicator.name })}>
            {isSubmitting ? t('indicators.entry.saving') : confirmOutlier ? t('indicators.entry.saveAnyway') : t('indicators.entry.save')}
          </button>
        </form>
        <p role="status" className={message?.tone === 'error' ? 'field__error' : 'muted'}>{message?.text ?? ''}</p>
      </td>
    </tr>
  )
}
