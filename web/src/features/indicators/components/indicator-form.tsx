import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { IndicatorKind, type CreateIndicatorRequest } from '@/api'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { useFormError } from '@/components/ui/use-form-error'
import {
  AGGREGATIONS,
  DIRECTIONS,
  INDICATOR_FORM_FIELDS,
  INDICATOR_KINDS,
  INDICATOR_LIMITS,
  INTERVALS,
  emptyIndicatorForm,
  makeIndicatorSchema,
  toIndicatorRequest,
  type IndicatorFormValues,
} from '../indicator-schema'

export interface IndicatorFormProps extends PageFormProps<CreateIndicatorRequest> {
  defaultValues?: IndicatorFormValues
}

/** Create/edit form for an indicator; the scale fields appear for ratings (soft factors) only. */
export function IndicatorForm({ defaultValues, submitLabel, cancelTo, onSubmit, renderProblemAction }: IndicatorFormProps) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeIndicatorSchema(t), [t])
  const { formError, clearFormError, fail } = useFormError()
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<IndicatorFormValues>({ resolver: zodResolver(schema), defaultValues: defaultValues ?? emptyIndicatorForm })
  const kind = useWatch({ control, name: 'kind' })

  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      await onSubmit(toIndicatorRequest(values))
    } catch (err) {
      fail(err, setError, INDICATOR_FORM_FIELDS)
    }
  })

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />
      <p className="hint">{t('indicators.form.requiredHint')}</p>
      <div className="form__grid">
        <TextField id="indicator-code" label={t('indicators.fields.code')} hint={t('indicators.form.codeHint')} required
          maxLength={INDICATOR_LIMITS.code} error={errors.code?.message} {...register('code')} />
        <TextField id="indicator-name" label={t('indicators.fields.name')} required maxLength={INDICATOR_LIMITS.name}
          error={errors.name?.message} {...register('name')} />
        <SelectField id="indicator-kind" label={t('indicators.fields.kind')} required error={errors.kind?.message} {...register('kind')}>
          {INDICATOR_KINDS.map((k) => (
            <option key={k} value={k}>{t(`indicators.kinds.${k}`)}</option>
          ))}
        </SelectField>
        <TextField id="indicator-unit" label={t('indicators.fields.unit')} maxLength={INDICATOR_LIMITS.unit}
          error={errors.unit?.message} {...register('unit')} />
        <TextField id="indicator-decimals" label={t('indicators.fields.decimals')} required inputMode="numeric"
          error={errors.decimals?.message} {...register('decimals')} />
        <SelectField id="indicator-direction" label={t('indicators.fields.direction')} required error={errors.direction?.message} {...register('direction')}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>{t(`indicators.directions.${d}`)}</option>
          ))}
        </SelectField>
        <SelectField id="indicator-aggregation" label={t('indicators.fields.aggregation')} required error={errors.aggregation?.message} {...register('aggregation')}>
          {AGGREGATIONS.map((a) => (
            <option key={a} value={a}>{t(`indicators.aggregations.${a}`)}</option>
          ))}
        </SelectField>
        {kind === IndicatorKind.Rate ? (
          <TextField id="indicator-rateFactor" label={t('indicators.fields.rateFactor')} inputMode="decimal"
            error={errors.rateFactor?.message} {...register('rateFactor')} />
        ) : null}
        <SelectField id="indicator-updateInterval" label={t('indicators.fields.updateInterval')} error={errors.updateInterval?.message} {...register('updateInterval')}>
          <option value="">{t('common.notSpecified')}</option>
          {INTERVALS.map((i) => (
            <option key={i} value={i}>{t(`indicators.intervals.${i}`)}</option>
          ))}
        </SelectField>
        <TextField id="indicator-topic" label={t('indicators.fields.topic')} maxLength={INDICATOR_LIMITS.topic}
          error={errors.topic?.message} {...register('topic')} />
        <TextField id="indicator-source" label={t('indicators.fields.source')} maxLength={INDICATOR_LIMITS.source}
          error={errors.source?.message} {...register('source')} />
        <TextField id="indicator-minimum" label={t('indicators.fields.minimum')} inputMode="decimal" hint={t('indicators.form.rangeHint')}
          error={errors.minimum?.message} {...register('minimum')} />
        <TextField id="indicator-maximum" label={t('indicators.fields.maximum')} inputMode="decimal"
          error={errors.maximum?.message} {...register('maximum')} />
      </div>
      <div className="field field--checkbox">
        <input id="indicator-isProportion" type="checkbox" {...register('isProportion')} />
        <label htmlFor="indicator-isProportion">{t('indicators.fields.isProportion')}</label>
      </div>
      {kind === IndicatorKind.Rating ? (
        <fieldset className="fieldset">
          <legend>{t('indicators.form.scale')}</legend>
          <div className="form__grid">
            <TextField id="indicator-scaleMin" label={t('indicators.fields.scaleMin')} inputMode="numeric" placeholder="1"
              error={errors.scaleMin?.message} {...register('scaleMin')} />
            <TextField id="indicator-scaleMax" label={t('indicators.fields.scaleMax')} inputMode="numeric" placeholder="5"
              error={errors.scaleMax?.message} {...register('scaleMax')} />
          </div>
          <TextAreaField id="indicator-scaleLabels" label={t('indicators.fields.scaleLabels')} hint={t('indicators.form.scaleLabelsHint')}
            rows={5} error={errors.scaleLabels?.message} {...register('scaleLabels')} />
        </fieldset>
      ) : null}
      <TextAreaField id="indicator-description" label={t('indicators.fields.description')} rows={4}
        maxLength={INDICATOR_LIMITS.description} error={errors.description?.message} {...register('description')} />
      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
