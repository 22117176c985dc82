import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CreateInventoryRoundRequest } from '@/api'
import { useActorOptions } from '@/components/pickers/actors'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { useFormError } from '@/components/ui/use-form-error'
import { useRounds, useTerms } from '../api/inventory'
import { ROUND_FORM_FIELDS, ROUND_LIMITS, emptyAssignmentRow, emptyRoundForm, makeRoundSchema, toRoundRequest,
  type RoundFormValues } from '../round-schema'
import { useTermName } from './labels'

/**
 * Creates an inventory round: name, region (a space and the spaces below it), period, the round to compare with, and who is
 * responsible for which spaces or categories. Client checks mirror the API; the server's field errors land at the fields.
 */
export function RoundForm({ submitLabel, cancelTo, onSubmit, renderProblemAction }: PageFormProps<CreateInventoryRoundRequest>) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeRoundSchema(t), [t])
  const actors = useActorOptions()
  const terms = useTerms()
  const termName = useTermName()
  const rounds = useRounds()
  const { spaces } = useFlatSpaces()
  const { formError, clearFormError, fail } = useFormError()
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<RoundFormValues>({
    resolver: zodResolver(schema),
    defaultValues: emptyRoundForm,
  })
  const assignments = useFieldArray({ control, name: 'assignments' })
  const by = useWatch({ control, name: 'assignments' })
  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      await onSubmit(toRoundRequest(values))
    } catch (err) {
      // an assignment's server error (assignments[1].actorId) is shown above the assignments
      fail(err, setError, ROUND_FORM_FIELDS)
    }
  })
  const roundItems = rounds.data?.pages.flatMap((p) => p.items) ?? []
  if (actors.isPending) return <Loading label={t('inventory.service.loadingChoices')} />

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />
      <p className="hint">{t('form.requiredHint')}</p>
      <TextField id="round-name" label={t('inventory.fields.name')} required maxLength={ROUND_LIMITS.name}
        hint={t('inventory.roundForm.nameHint')} error={errors.name?.message} {...register('name')} />
      <div className="form__grid">
        <SelectField id="round-spaceId" label={t('inventory.rounds.region')} required hint={t('inventory.roundForm.regionHint')}
          error={errors.spaceId?.message} {...register('spaceId')}>
          <option value="">{t('common.pleaseChoose')}</option>
          <SpaceOptions spaces={spaces} />
        </SelectField>
        <TextField id="round-startsOn" type="date" label={t('inventory.roundForm.startsOn')} required error={errors.startsOn?.message}
          {...register('startsOn')} />
        <TextField id="round-endsOn" type="date" label={t('inventory.roundForm.endsOn')} required error={errors.endsOn?.message}
          {...register('endsOn')} />
        <SelectField id="round-previousRoundId" label={t('inventory.roundForm.previous')} hint={t('inventory.roundForm.previousHint')}
          error={errors.previousRoundId?.message} {...register('previousRoundId')}>
          <option value="">{t('inventory.roundForm.previousAuto')}</option>
          {roundItems.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField id="round-note" label={t('inventory.roundForm.note')} rows={2} error={errors.note?.message} {...register('note')} />

      <h2 className="form__section">{t('inventory.roundForm.assignments')}</h2>
      <p className="hint">{t('inventory.roundForm.assignmentsHint')}</p>
      {errors.assignments?.message ? <p className="field__error">{errors.assignments.message}</p> : null}
      {assignments.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset assignment-row">
          <legend>{t('inventory.roundForm.assignment', { n: i + 1 })}</legend>
          <div className="form__grid">
            <SelectField id={`assignment-${i}-actorId`} label={t('inventory.rounds.actor')} required
              error={errors.assignments?.[i]?.actorId?.message} {...register(`assignments.${i}.actorId`)}>
              <option value="">{t('common.pleaseChoose')}</option>
              {(actors.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <SelectField id={`assignment-${i}-by`} label={t('inventory.roundForm.by')} {...register(`assignments.${i}.by`)}>
              <option value="space">{t('inventory.roundForm.bySpace')}</option>
              <option value="category">{t('inventory.roundForm.byCategory')}</option>
            </SelectField>
            {by?.[i]?.by === 'category' ? (
              <SelectField id={`assignment-${i}-categoryCode`} label={t('inventory.fields.categories')} required
                error={errors.assignments?.[i]?.categoryCode?.message} {...register(`assignments.${i}.categoryCode`)}>
                <option value="">{t('common.pleaseChoose')}</option>
                {(terms.data?.categories ?? []).map((term) => (
                  <option key={term.code} value={term.code}>
                    {term.parentId ? '\u00a0\u00a0' : ''}
                    {termName(term)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <SelectField id={`assignment-${i}-spaceId`} label={t('inventory.fields.space')} required
                error={errors.assignments?.[i]?.spaceId?.message} {...register(`assignments.${i}.spaceId`)}>
                <option value="">{t('common.pleaseChoose')}</option>
                <SpaceOptions spaces={spaces} />
              </SelectField>
            )}
          </div>
          <button type="button" className="button button--link" onClick={() => assignments.remove(i)}>
            {t('inventory.roundForm.removeAssignment', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="button button--secondary" onClick={() => assignments.append({ ...emptyAssignmentRow })}>
          {t('inventory.roundForm.addAssignment')}
        </button>
      </p>
      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
