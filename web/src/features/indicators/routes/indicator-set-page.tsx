import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { IndicatorDto, IndicatorGoalDto, IndicatorSetDto } from '@/api'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { numberForInput, numberOf, parseNumber } from '@/lib/numbers'
import { usePageTitle } from '@/lib/use-page-title'
import {
  useCreateIndicatorSet,
  useIndicatorSet,
  useIndicatorSetGoals,
  useIndicators,
  useSetIndicatorSetGoals,
  useUpdateIndicatorSet,
} from '../api/indicators'
import { SetSizeHint } from '../components/set-size-hint'
import '../indicators.css'

/** Create (no :id) or edit an indicator set; goals per space once the set exists. */
export function IndicatorSetPage() {
  const { id } = useParams()
  const { t } = useTranslation()
  const set = useIndicatorSet(id)
  const catalogue = useIndicators()
  usePageTitle(set.data ? t('indicators.sets.editTitle', { name: set.data.name }) : t('indicators.sets.newTitle'))
  if ((id && set.isPending) || catalogue.isPending) return <Loading />
  if (set.isError) return <ProblemAlert error={set.error} onRetry={() => void set.refetch()} />
  if (catalogue.isError) return <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
  return (
    <>
      <p className="breadcrumb"><Link to="/indicators/sets">{t('indicators.sets.backToSets')}</Link></p>
      <h1>{set.data ? t('indicators.sets.editTitle', { name: set.data.name }) : t('indicators.sets.newTitle')}</h1>
      <SetEditor key={set.data ? `${set.data.id}-${set.data.version}` : 'new'} set={set.data} catalogue={catalogue.data} />
      {set.data ? <GoalsEditor set={set.data} catalogue={catalogue.data} /> : <p className="hint">{t('indicators.sets.saveFirst')}</p>}
    </>
  )
}

export function SetEditor({ set, catalogue }: { set?: IndicatorSetDto; catalogue: IndicatorDto[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const describe = useProblemMessage()
  const ids = { name: useId(), purpose: useId(), chosen: useId(), available: useId() }
  const [name, setName] = useState(set?.name ?? '')
  const [purpose, setPurpose] = useState(set?.purpose ?? '')
  const [chosen, setChosen] = useState<string[]>(set?.indicators.slice().sort((a, b) => a.position - b.position).map((i) => i.indicatorId)
    ?? [])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const create = useCreateIndicatorSet()
  const update = useUpdateIndicatorSet(set?.id ?? '')
  const byId = useMemo(() => new Map(catalogue.map((i) => [i.id, i])), [catalogue])
  const nameOf = (indicatorId: string) => byId.get(indicatorId)?.name ?? set?.indicators.find((i) => i.indicatorId === indicatorId)?.name
    ?? indicatorId
  const move = (index: number, delta: number) =>
    setChosen((list) => {
      const next = list.slice()
      const [item] = next.splice(index, 1)
      next.splice(index + delta, 0, item)
      return next
    })

  const save = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    setNotice(null)
    if (!name.trim()) {
      setError(t('indicators.form.required'))
      return
    }
    const body = { name: name.trim(), purpose: purpose.trim() || undefined, networkId: set?.networkId, indicatorIds: chosen }
    try {
      if (set) {
        const saved = await update.mutateAsync({ body, version: set.version })
        setNotice(t('indicators.sets.saved', { name: saved.name }))
      } else {
        const created = await create.mutateAsync(body)
        navigate(`/indicators/sets/${created.id}`, { replace: true })
      }
    } catch (err) {
      setError(describe(err))
    }
  }

  return (
    <form className="form card" noValidate onSubmit={save} aria-label={t('indicators.sets.save')}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="form__grid">
        <div className="field">
          <label htmlFor={ids.name} className="field__label">
            {t('indicators.sets.name')}<span className="field__required" aria-hidden="true"> *</span>
          </label>
          <input id={ids.name} className="input" value={name} maxLength={200} aria-required="true"
            onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.purpose} className="field__label">{t('indicators.sets.purpose')}</label>
          <input id={ids.purpose} className="input" value={purpose} maxLength={2000} onChange={(e) => setPurpose(e.target.value)} />
        </div>
      </div>
      <SetSizeHint count={chosen.length} />
      <h2 id={ids.chosen} className="form__section">{t('indicators.sets.chosen')}</h2>
      {chosen.length === 0 ? (
        <p className="hint">{t('indicators.sets.noneChosen')}</p>
      ) : (
        <ol className="set-list" aria-labelledby={ids.chosen}>
          {chosen.map((indicatorId, index) => (
            <li key={indicatorId}>
              <span className="set-list__name">
                {index + 1}. {nameOf(indicatorId)}
              </span>
              <button type="button" className="button button--secondary" disabled={index === 0}
                aria-label={t('indicators.sets.up', { name: nameOf(indicatorId) })} onClick={() => move(index, -1)}>
                <span aria-hidden="true">↑</span> {t('indicators.sets.upShort')}
              </button>
              <button type="button" className="button button--secondary" disabled={index === chosen.length - 1}
                aria-label={t('indicators.sets.down', { name: nameOf(indicatorId) })} onClick={() => move(index, 1)}>
                <span aria-hidden="true">↓</span> {t('indicators.sets.downShort')}
              </button>
              <button type="button" className="button button--link"
                aria-label={t('indicators.sets.remove', { name: nameOf(indicatorId) })}
                onClick={() => setChosen((list) => list.filter((x) => x !== indicatorId))}>
                {t('indicators.sets.removeShort')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <h2 id={ids.available} className="form__section">{t('indicators.sets.available')}</h2>
      <ul className="set-list" aria-labelledby={ids.available}>
        {catalogue
          .filter((i) => !chosen.includes(i.id))
          .map((i) => (
            <li key={i.id}>
              <span className="set-list__name">
                {i.name} <span className="muted">({i.code} · {t(`indicators.kinds.${i.kind}`)})</span>
              </span>
              <button type="button" className="button button--secondary" aria-label={t('indicators.sets.add', { name: i.name })}
                onClick={() => setChosen((list) => [...list, i.id])}>
                <span aria-hidden="true">+</span> {t('indicators.sets.addShort')}
              </button>
            </li>
          ))}
      </ul>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending || update.isPending}>
          {create.isPending || update.isPending ? t('common.saving') : t('indicators.sets.save')}
        </button>
      </div>
    </form>
  )
}

interface GoalRow {
  baselinePeriod: string
  baselineValue: string
  targetPeriod: string
  targetValue: string
}

const VALUE_KEYS = ['baselineValue', 'targetValue'] as const

function GoalsEditor({ set, catalogue }: { set: IndicatorSetDto; catalogue: IndicatorDto[] }) {
  const { t } = useTranslation()
  const spaceFieldId = useId()
  const { spaces: flatSpaces } = useFlatSpaces()
  const [spaceId, setSpaceId] = useState('')
  const goals = useIndicatorSetGoals(set.id, spaceId || undefined)
  return (
    <section className="card" aria-labelledby="set-goals">
      <h2 id="set-goals">{t('indicators.sets.goals')}</h2>
      <p className="hint">{t('indicators.sets.goalsHint')}</p>
      <div className="field">
        <label htmlFor={spaceFieldId} className="field__label">{t('indicators.sets.goalsSpace')}</label>
        <select id={spaceFieldId} className="input" value={spaceId} onChange={(e) => setSpaceId(e.target.value)}>
          <option value="">{t('indicators.sets.chooseSpace')}</option>
          <SpaceOptions spaces={flatSpaces} />
        </select>
      </div>
      {!spaceId ? null : goals.isPending ? (
        <Loading />
      ) : goals.isError ? (
        <ProblemAlert error={goals.error} onRetry={() => void goals.refetch()} />
      ) : (
        <GoalsTable key={spaceId} set={set} spaceId={spaceId} goals={goals.data} catalogue={catalogue} />
      )}
    </section>
  )
}

function GoalsTable(
  { set, spaceId, goals, catalogue }: { set: IndicatorSetDto; spaceId: string; goals: IndicatorGoalDto[]; catalogue: IndicatorDto[] }) {
  const { t, i18n } = useTranslation()
  const describe = useProblemMessage()
  const save = useSetIndicatorSetGoals(set.id)
  const formId = useId()
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  // value fields that hold no number as the UI language writes them, by `${indicatorId}|${key}`
  const [invalid, setInvalid] = useState<Set<string>>(new Set())
  const initial = (indicatorId: string): GoalRow => {
    const g = goals.find((x) => x.indicatorId === indicatorId && x.spaceId === spaceId)
    const target = g?.targets[0]
    return {
      baselinePeriod: g?.baseline?.period ?? '',
      baselineValue: numberForInput(g?.baseline?.value, i18n.language),
      targetPeriod: target?.period ?? '',
      targetValue: numberForInput(target?.value, i18n.language),
    }
  }
  const [rows, setRows] = useState<Record<string, GoalRow>>(() =>
    Object.fromEntries(set.indicators.map((i) => [i.indicatorId, initial(i.indicatorId)])))
  const edit = (indicatorId: string, key: keyof GoalRow, value: string) => {
    setRows((r) => ({ ...r, [indicatorId]: { ...r[indicatorId], [key]: value } }))
    setInvalid((old) => (old.has(`${indicatorId}|${key}`) ? new Set([...old].filter((k) => k !== `${indicatorId}|${key}`)) : old))
  }

  const read = (v: string) => numberOf(v, i18n.language)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setMessage(null)
    const wrong = set.indicators.flatMap((i) => VALUE_KEYS
      .filter((key) => parseNumber(rows[i.indicatorId]?.[key] ?? '', i18n.language) === 'invalid')
      .map((key) => `${i.indicatorId}|${key}`))
    setInvalid(new Set(wrong))
    if (wrong.length > 0) {
      setMessage({ tone: 'error', text: t('indicators.form.checkFields') })
      document.getElementById(`${formId}-${wrong[0]}`)?.focus()
      return
    }
    const body: IndicatorGoalDto[] = set.indicators.map((i) => {
      const r = rows[i.indicatorId]
      const [baseline, target] = [read(r.baselineValue), read(r.targetValue)]
      // Keep further targets the API already holds for this space (only the first is edited here).
      const others = goals.find((g) => g.indicatorId === i.indicatorId && g.spaceId === spaceId)?.targets.slice(1) ?? []
      return {
        indicatorId: i.indicatorId,
        spaceId,
        baseline: r.baselinePeriod && baseline !== undefined ? { period: r.baselinePeriod.trim(), value: baseline } : undefined,
        targets: [...(r.targetPeriod && target !== undefined ? [{ period: r.targetPeriod.trim(), value: target }] : []),
          ...others],
      }
    })
    try {
      await save.mutateAsync({ goals: body, version: set.version })
      setMessage({ tone: 'success', text: t('indicators.sets.goalsSaved') })
    } catch (err) {
      setMessage({ tone: 'error', text: describe(err) })
    }
  }
  const unit = (indicatorId: string) => catalogue.find((c) => c.id === indicatorId)?.unit
  return (
    <form onSubmit={submit} noValidate aria-label={t('indicators.sets.saveGoals')}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Table
        caption={t('indicators.sets.goals')}
        columns={[
          t('indicators.sets.indicator'),
          t('indicators.sets.baselinePeriod'),
          t('indicators.sets.baselineValue'),
          t('indicators.sets.targetPeriod'),
          t('indicators.sets.targetValue'),
        ]}
      >
        {set.indicators.map((i) => (
          <tr key={i.indicatorId}>
            <th scope="row">{i.name}{unit(i.indicatorId) ? <span className="muted"> ({unit(i.indicatorId)})</span> : null}</th>
            {(['baselinePeriod', 'baselineValue', 'targetPeriod', 'targetValue'] as const).map((key) => {
              const id = `${formId}-${i.indicatorId}|${key}`
              const bad = invalid.has(`${i.indicatorId}|${key}`)
              return (
                <td key={key}>
                  <input
                    id={id}
                    className="input grid-input"
                    aria-label={`${i.name}: ${t(`indicators.sets.${key}`)}`}
                    aria-invalid={bad || undefined}
                    aria-describedby={bad ? `${id}-error` : undefined}
                    inputMode={key.endsWith('Value') ? 'decimal' : 'text'}
                    value={rows[i.indicatorId]?.[key] ?? ''}
                    onChange={(e) => edit(i.indicatorId, key, e.target.value)}
                  />
                  {bad ? <p id={`${id}-error`} className="field__error">{t('validation.number')}</p> : null}
                </td>
              )
            })}
          </tr>
        ))}
      </Table>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('indicators.sets.saveGoals')}
        </button>
      </div>
    </form>
  )
}
