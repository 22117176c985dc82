import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from '@/lib/zod'
import { IndicatorKind, type IndicatorDto } from '@/api'
import { toProblem } from '@/api/problem'
import { useActorOptions } from '@/components/pickers/actors'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { applyServerErrors } from '@/lib/form-errors'
import { isPeriod, PERIOD_PATTERN } from '@/lib/period'
import { usePageTitle } from '@/lib/use-page-title'
import { useAssessmentSummary, useCreateAssessment, useIndicators } from '../api/indicators'
import { IndicatorsNav } from '../components/indicators-nav'

const CURRENT_YEAR = String(new Date().getFullYear())
const FIELDS = ['indicatorId', 'spaceId', 'period', 'rating', 'actorId', 'comment'] as const

function makeSchema(t: (k: string) => string) {
  return z.object({
    indicatorId: z.string().min(1, t('indicators.form.required')),
    spaceId: z.string().min(1, t('indicators.form.required')),
    period: z.string().trim().regex(PERIOD_PATTERN, t('indicators.rating.periodFormat')),
    rating: z.string().min(1, t('indicators.rating.pickRating')),
    actorId: z.string(),
    comment: z.string().max(2000, t('indicators.form.tooLong')),
  })
}
type RatingValues = z.infer<ReturnType<typeof makeSchema>>

/** The steps of a rating scale with their labels (scaleMin..scaleMax, default 1..5). */
function scaleSteps(indicator: IndicatorDto | undefined): { value: number; label: string }[] {
  if (!indicator) return []
  const min = indicator.scaleMin ?? 1
  const max = indicator.scaleMax ?? 5
  const steps: { value: number; label: string }[] = []
  for (let v = min; v <= max; v++) {
    const label = indicator.scaleLabels[v - min]
    steps.push({ value: v, label: label ? `${v} – ${label}` : String(v) })
  }
  return steps
}

/** Rating of soft factors ("Bewertung weicher Faktoren") with the summary below. */
export function RatingPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('indicators.rating.title'))
  const describe = useProblemMessage()
  const indicators = useIndicators({ kind: IndicatorKind.Rating })
  const { spaces } = useFlatSpaces()
  const actors = useActorOptions()
  const schema = useMemo(() => makeSchema(t), [t])
  const create = useCreateAssessment()
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string; details?: string[] } | null>(null)
  const ids = { legend: useId() }
  const {
    register,
    handleSubmit,
    setError,
    control,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<RatingValues>({
    resolver: zodResolver(schema),
    defaultValues: { indicatorId: '', spaceId: '', period: CURRENT_YEAR, rating: '', actorId: '', comment: '' },
  })
  const [indicatorId, spaceId, period] = useWatch({ control, name: ['indicatorId', 'spaceId', 'period'] })
  const indicator = indicators.data?.find((i) => i.id === indicatorId)
  const steps = scaleSteps(indicator)

  const submit = handleSubmit(async (v) => {
    setMessage(null)
    try {
      await create.mutateAsync({
        indicatorId: v.indicatorId,
        spaceId: v.spaceId,
        period: v.period.trim(),
        rating: Number(v.rating),
        actorId: v.actorId || undefined,
        comment: v.comment.trim() || undefined,
      })
      setMessage({ tone: 'success', text: t('indicators.rating.saved') })
      setValue('rating', '')
      setValue('comment', '')
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 400 && Object.keys(problem.errors).length > 0) {
        const details = applyServerErrors(problem, setError, FIELDS)
        setMessage({ tone: 'error', text: t('indicators.form.checkFields'), details })
      } else setMessage({ tone: 'error', text: describe(err) })
    }
  })

  if (indicators.isPending) return <Loading />
  if (indicators.isError) return <ProblemAlert error={indicators.error} onRetry={() => void indicators.refetch()} />

  return (
    <>
      <h1>{t('indicators.rating.title')}</h1>
      <IndicatorsNav />
      <p className="lead">{t('indicators.rating.lead')}</p>
      {indicators.data.length === 0 ? (
        <EmptyState title={t('indicators.rating.noRatingIndicators')} />
      ) : (
        <>
          <form className="form card" noValidate onSubmit={submit} aria-label={t('indicators.rating.title')}>
            {message ? (
              <Alert tone={message.tone} title={message.text}>
                {message.details?.length ? <ul>{message.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
              </Alert>
            ) : null}
            <div className="form__grid">
              <SelectField id="rating-indicator" label={t('indicators.rating.indicator')} required error={errors.indicatorId?.message}
                {...register('indicatorId')}>
                <option value="">{t('indicators.form.choose')}</option>
                {indicators.data.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
              </SelectField>
              <SelectField id="rating-space" label={t('indicators.rating.space')} required error={errors.spaceId?.message}
                {...register('spaceId')}>
                <option value="">{t('indicators.form.choose')}</option>
                <SpaceOptions spaces={spaces} />
              </SelectField>
              <TextField id="rating-period" label={t('indicators.rating.period')} required hint={t('indicators.export.periodHint')}
                error={errors.period?.message} {...register('period')} />
            </div>
            {steps.length > 0 ? (
              <fieldset className={errors.rating ? 'field field--invalid radio-group' : 'field radio-group'}
                aria-describedby={errors.rating ? `${ids.legend}-error` : undefined}>
                <legend className="field__label">{t('indicators.rating.scale')}<span className="field__required"
                  aria-hidden="true"> *</span></legend>
                {steps.map((s) => (
                  <label key={s.value} className="radio">
                    <input type="radio" value={String(s.value)} {...register('rating')} />
                    {' '}{s.label}
                  </label>
                ))}
                {errors.rating ? <p id={`${ids.legend}-error`} className="field__error">{errors.rating.message}</p> : null}
              </fieldset>
            ) : null}
            <TextAreaField id="rating-comment" label={t('indicators.rating.comment')} rows={3} error={errors.comment?.message}
              {...register('comment')} />
            <SelectField id="rating-actor" label={t('indicators.rating.as')} error={errors.actorId?.message} {...register('actorId')}>
              <option value="">{t('indicators.rating.anonymous')}</option>
              {(actors.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </SelectField>
            <div className="form__actions">
              <button type="submit" className="button" disabled={isSubmitting}>{t('indicators.rating.submit')}</button>
            </div>
          </form>
          {indicator && spaceId && isPeriod(period.trim()) ? (
            <RatingSummary indicatorId={indicator.id} spaceId={spaceId} period={period.trim()} locale={i18n.language} />
          ) : null}
        </>
      )}
    </>
  )
}

function RatingSummary({ indicatorId, spaceId, period, locale }: { indicatorId: string; spaceId: string; period: string; locale: string }) {
  const { t } = useTranslation()
  const summary = useAssessmentSummary(indicatorId, spaceId, period)
  // The API sends null for mean/median when there are no ratings.
  const fmt = (n: number | null | undefined) =>
    (n === undefined || n === null ? '–' : n.toLocaleString(locale, { maximumFractionDigits: 2 }))
  if (summary.isPending) return <Loading />
  if (summary.isError) return <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />
  const s = summary.data
  const max = Math.max(1, ...s.distribution.map((b) => b.count))
  return (
    <section className="card" aria-labelledby="rating-summary-title">
      <h2 id="rating-summary-title">{t('indicators.rating.summaryTitle')}</h2>
      {s.suppressed ? (
        <p>{t('indicators.rating.summarySuppressed')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('indicators.rating.median')}</dt><dd>{fmt(s.median)}</dd>
            <dt>{t('indicators.rating.mean')}</dt><dd>{fmt(s.mean)}</dd>
            <dt>{t('indicators.rating.count')}</dt><dd>{s.count}</dd>
          </dl>
          <table className="table">
            <caption>{t('indicators.rating.distribution')}</caption>
            <thead>
              <tr><th scope="col">{t('indicators.rating.scale')}</th><th scope="col">{t('indicators.rating.count')}</th></tr>
            </thead>
            <tbody>
              {s.distribution.map((b) => (
                <tr key={b.rating}>
                  <th scope="row">{b.label ? `${b.rating} – ${b.label}` : b.rating}</th>
                  <td>
                    <span className="bar" aria-hidden="true"
                      style={{ display: 'inline-block', width: `${(b.count / max) * 8}em`, height: '0.8em', background: 'currentColor',
                        marginRight: '0.5em' }} />
                    {b.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
