import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { Controller, useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CreateLocationRequest, LocationDto } from '@/api'
import { useActorOptions } from '@/components/pickers/actors'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Loading } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { useFormError } from '@/components/ui/use-form-error'
import { CLOSURE_KINDS, LOCATION_FORM_FIELDS, LOCATION_LIMITS, emptyClosureRow, emptyLocationForm, makeLocationSchema,
  toLocationFormValues, toLocationRequest, type LocationFormValues } from '../location-schema'
import { CheckboxGroup } from './checkbox-group'
import { WEEKDAYS } from './opening-hours'

const ACCESS = ['stepFreeAccess', 'accessibleToilet', 'lift', 'hearingLoop'] as const

export interface LocationFormProps extends PageFormProps<CreateLocationRequest> {
  /** The location being edited: its values fill the form, and what the form does not show is sent back unchanged. */
  existing?: LocationDto
}

/**
 * Records or edits a facility: name, address, coordinates (the space follows from them), operator, accessibility checklist,
 * weekly opening hours (several rows for several intervals a day) and closures.
 */
export function LocationForm({ submitLabel, cancelTo, onSubmit, renderProblemAction, existing }: LocationFormProps) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeLocationSchema(t), [t])
  const actors = useActorOptions()
  const { spaces } = useFlatSpaces()
  const { formError, clearFormError, fail } = useFormError()
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<LocationFormValues>({
    resolver: zodResolver(schema),
    defaultValues: existing ? toLocationFormValues(existing) : emptyLocationForm,
  })
  const hours = useFieldArray({ control, name: 'hours' })
  const closures = useFieldArray({ control, name: 'closures' })
  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      await onSubmit(toLocationRequest(values, existing))
    } catch (err) {
      fail(err, setError, LOCATION_FORM_FIELDS, {
        mapErrors: (e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [
          k.startsWith('addresses') ? k.endsWith('city') ? 'city' : k.endsWith('postalCode') ? 'postalCode' : 'street'
          : k.startsWith('openingHours') ? 'hours' : k.startsWith('closures') ? 'closures'
          : k.startsWith('accessibility') ? 'accessibilityDescription' : k, v])),
      })
    }
  })

  // The selects show the record's values only when their options are there: wait for the pickers first.
  if (existing && actors.isPending) return <Loading label={t('inventory.service.loadingChoices')} />

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />
      <p className="hint">{t('form.requiredHint')}</p>
      <TextField id="location-name" label={t('inventory.fields.name')} required maxLength={LOCATION_LIMITS.name}
        error={errors.name?.message}
        {...register('name')} />
      <div className="form__grid">
        <TextField id="location-street" label={t('inventory.location.street')} autoComplete="off" error={errors.street?.message}
          {...register('street')} />
        <TextField id="location-postalCode" label={t('inventory.location.postalCode')} autoComplete="off" error={errors.postalCode?.message}
          {...register('postalCode')} />
        <TextField id="location-city" label={t('inventory.location.city')} autoComplete="off" error={errors.city?.message}
          {...register('city')} />
        <TextField id="location-latitude" label={t('inventory.location.latitude')} inputMode="decimal"
          hint={t('inventory.location.coordinatesHint')}
          error={errors.latitude?.message} {...register('latitude')} />
        <TextField id="location-longitude" label={t('inventory.location.longitude')} inputMode="decimal" error={errors.longitude?.message}
          {...register('longitude')} />
        <SelectField id="location-spaceId" label={t('inventory.fields.space')} hint={t('inventory.location.spaceHint')}
          error={errors.spaceId?.message} {...register('spaceId')}>
          <option value="">{t('inventory.location.spaceAuto')}</option>
          <SpaceOptions spaces={spaces} />
        </SelectField>
        <SelectField id="location-ownerActorId" label={t('inventory.fields.owner')} error={errors.ownerActorId?.message}
          {...register('ownerActorId')}>
          <option value="">{t('common.pleaseChoose')}</option>
          {(actors.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField id="location-transportation" label={t('inventory.fields.transportation')} rows={2}
        error={errors.transportation?.message}
        {...register('transportation')} />

      <h2 className="form__section">{t('inventory.access.title')}</h2>
      <div className="choice-row">
        {ACCESS.map((key) => (
          <div key={key} className="field field--checkbox">
            <input id={`location-${key}`} type="checkbox" {...register(key)} />
            <label htmlFor={`location-${key}`}>{t(`inventory.access.${key}`)}</label>
          </div>
        ))}
      </div>
      <TextAreaField id="location-accessibilityDescription" label={t('inventory.location.accessDescription')} rows={2}
        error={errors.accessibilityDescription?.message} {...register('accessibilityDescription')} />

      <h2 className="form__section" id="location-hours-heading">{t('inventory.hours.title')}</h2>
      <p className="hint">{t('inventory.location.hoursHint')}</p>
      {errors.hours?.message ? <p className="field__error">{errors.hours.message}</p> : null}
      {hours.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset hours-row">
          <legend>{t('inventory.location.hoursRow', { n: i + 1 })}</legend>
          <Controller
            control={control}
            name={`hours.${i}.days`}
            render={({ field }) => (
              <CheckboxGroup id={`hours-${i}-days`} legend={t('inventory.hours.day')}
                options={WEEKDAYS.map((d) => ({ value: d, label: t(`inventory.weekdaysShort.${d}`) }))}
                value={field.value} onChange={field.onChange} error={errors.hours?.[i]?.days?.message} />
            )}
          />
          <div className="form__grid">
            <TextField id={`hours-${i}-opensAt`} type="time" label={t('inventory.location.opensAt')}
              error={errors.hours?.[i]?.opensAt?.message}
              {...register(`hours.${i}.opensAt`)} />
            <TextField id={`hours-${i}-closesAt`} type="time" label={t('inventory.location.closesAt')}
              error={errors.hours?.[i]?.closesAt?.message}
              {...register(`hours.${i}.closesAt`)} />
          </div>
          {hours.fields.length > 1 ? (
            <button type="button" className="button button--link" onClick={() => hours.remove(i)}>
              {t('inventory.location.removeHours', { n: i + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      <p>
        <button type="button" className="button button--secondary" onClick={() => hours.append({ days: [], opensAt: '', closesAt: '' })}>
          {t('inventory.location.addHours')}
        </button>
      </p>
      <h2 className="form__section" id="location-closures-heading">{t('inventory.hours.closures')}</h2>
      <p className="hint">{t('inventory.location.closuresHint')}</p>
      {errors.closures?.message ? <p className="field__error">{errors.closures.message}</p> : null}
      {closures.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset hours-row">
          <legend>{t('inventory.location.closureRow', { n: i + 1 })}</legend>
          <div className="form__grid">
            <SelectField id={`closures-${i}-kind`} label={t('inventory.location.closureKind')} required
              error={errors.closures?.[i]?.kind?.message} {...register(`closures.${i}.kind`)}>
              {CLOSURE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`inventory.closureKinds.${k}`)}
                </option>
              ))}
            </SelectField>
            <TextField id={`closures-${i}-startsOn`} type="date" label={t('inventory.location.closureFrom')} required
              error={errors.closures?.[i]?.startsOn?.message} {...register(`closures.${i}.startsOn`)} />
            <TextField id={`closures-${i}-endsOn`} type="date" label={t('inventory.location.closureTo')}
              hint={t('inventory.location.closureToHint')}
              error={errors.closures?.[i]?.endsOn?.message} {...register(`closures.${i}.endsOn`)} />
            <TextField id={`closures-${i}-reason`} label={t('inventory.location.closureReason')} maxLength={LOCATION_LIMITS.reason}
              error={errors.closures?.[i]?.reason?.message} {...register(`closures.${i}.reason`)} />
          </div>
          <button type="button" className="button button--link" onClick={() => closures.remove(i)}>
            {t('inventory.location.removeClosure', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="button button--secondary" onClick={() => closures.append({ ...emptyClosureRow })}>
          {t('inventory.location.addClosure')}
        </button>
      </p>
      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
