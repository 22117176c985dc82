import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { Controller, useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { FundingDto } from '@/api'
import { useActorOptions } from '@/components/pickers/actors'
import { useNetworkOptions } from '@/components/pickers/networks'
import { Loading } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { useFormError } from '@/components/ui/use-form-error'
import { formatNumber } from '@/lib/format'
import { useLocationOptions, useTerms } from '../api/inventory'
import {
  RENEWAL_STATUSES,
  SERVICE_FORM_FIELDS,
  SERVICE_LIMITS,
  SERVICE_STATUSES,
  emptyFundingRow,
  emptyServiceForm,
  makeServiceSchema,
  type FundingRow,
  type ServiceFormValues,
} from '../service-schema'
import { CheckboxGroup } from './checkbox-group'
import { useTermName } from './labels'

export interface ServiceFormProps extends Omit<PageFormProps<ServiceFormValues>, 'onSubmit'> {
  defaultValues?: ServiceFormValues
  /** Sends the service and then the new fundings; throws what the API client throws. */
  onSubmit: (values: ServiceFormValues) => Promise<void>
  /** Fundings already recorded (edit), with their removal. */
  existingFundings?: readonly FundingDto[]
  onRemoveFunding?: (funding: FundingDto) => void
  /** What the save is doing right now ("Förderung 1 von 2 wird gespeichert …"). */
  progress?: string
}

/**
 * Create/edit form of a service: basics, categories and target groups from the taxonomy, where it is offered, the
 * operator, networks, and its funders. Client checks mirror the API; the server's field errors land at the fields.
 */
export function ServiceForm({ defaultValues, submitLabel, cancelTo, onSubmit, renderProblemAction, existingFundings, onRemoveFunding,
  progress }: ServiceFormProps) {
  const { t, i18n } = useTranslation()
  const schema = useMemo(() => makeServiceSchema(t), [t])
  const terms = useTerms()
  const termName = useTermName()
  const actors = useActorOptions()
  const networks = useNetworkOptions()
  const locations = useLocationOptions()
  const { formError, clearFormError, fail } = useFormError()
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ServiceFormValues>({ resolver: zodResolver(schema), defaultValues: defaultValues ?? emptyServiceForm })
  const fundings = useFieldArray({ control, name: 'fundings' })

  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      await onSubmit(values)
    } catch (err) {
      fail(err, setError, SERVICE_FORM_FIELDS, {
        // the API names the locations of a service `locations[i].locationId`
        mapErrors: (e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k.startsWith('locations') ? 'locationIds' : k, v])),
      })
    }
  })

  const categoryOptions = (terms.data?.categories ?? [])
    .map((term) => ({ value: term.code, label: termName(term), indent: term.parentId ? 1 : 0 }))
  const targetGroupOptions = (terms.data?.targetGroups ?? []).map((term) => ({ value: term.code, label: termName(term) }))
  const fundingError = (i: number, field: keyof FundingRow) => errors.fundings?.[i]?.[field]?.message

  // The selects show the record's values only when their options are there: wait for the pickers first.
  if (actors.isPending || terms.isPending || locations.isPending || networks.isPending) {
    return <Loading label={t('inventory.service.loadingChoices')} />
  }

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />
      <p className="hint">{t('form.requiredHint')}</p>

      <h2 className="form__section">{t('inventory.service.sectionBasics')}</h2>
      <div className="form__grid">
        <TextField id="service-name" label={t('inventory.fields.name')} required maxLength={SERVICE_LIMITS.name}
          error={errors.name?.message}
          {...register('name')} />
        <SelectField id="service-status" label={t('inventory.fields.status')} required error={errors.status?.message}
          {...register('status')}>
          {SERVICE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`inventory.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="service-operatorId" label={t('inventory.fields.operator')} required error={errors.operatorId?.message}
          {...register('operatorId')}>
          <option value="">{actors.isPending ? t('common.loadingShort') : t('common.pleaseChoose')}</option>
          {(actors.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField id="service-description" label={t('inventory.fields.description')} rows={3} maxLength={SERVICE_LIMITS.description}
        error={errors.description?.message} {...register('description')} />
      <Controller
        control={control}
        name="categories"
        render={({ field }) => (
          <CheckboxGroup id="service-categories" legend={t('inventory.fields.categories')} required options={categoryOptions}
            value={field.value} onChange={field.onChange} error={errors.categories?.message} />
        )}
      />

      <h2 className="form__section">{t('inventory.service.sectionReach')}</h2>
      <Controller
        control={control}
        name="targetGroups"
        render={({ field }) => (
          <CheckboxGroup id="service-targetGroups" legend={t('inventory.fields.targetGroups')} options={targetGroupOptions}
            value={field.value} onChange={field.onChange} error={errors.targetGroups?.message} />
        )}
      />
      <div className="form__grid">
        <TextField id="service-minimumAge" label={t('inventory.service.minimumAge')} inputMode="numeric" error={errors.minimumAge?.message}
          {...register('minimumAge')} />
        <TextField id="service-maximumAge" label={t('inventory.service.maximumAge')} inputMode="numeric" error={errors.maximumAge?.message}
          {...register('maximumAge')} />
      </div>
      <TextAreaField id="service-applicationProcess" label={t('inventory.fields.applicationProcess')} rows={2}
        maxLength={SERVICE_LIMITS.text} error={errors.applicationProcess?.message} {...register('applicationProcess')} />
      <div className="field field--checkbox">
        <input id="service-isFree" type="checkbox" {...register('isFree')} />
        <label htmlFor="service-isFree">{t('inventory.service.isFree')}</label>
      </div>

      <h2 className="form__section">{t('inventory.service.sectionWhere')}</h2>
      <Controller
        control={control}
        name="locationIds"
        render={({ field }) => (
          <CheckboxGroup id="service-locationIds" legend={t('inventory.fields.locations')} required
            hint={t('inventory.service.locationsHint')}
            options={(locations.data ?? []).map((l) => ({ value: l.id, label: l.spaceName ? `${l.name} (${l.spaceName})` : l.name }))}
            value={field.value} onChange={field.onChange} error={errors.locationIds?.message} />
        )}
      />
      <Controller
        control={control}
        name="networkIds"
        render={({ field }) => (
          <CheckboxGroup id="service-networkIds" legend={t('nav.networks')}
            options={(networks.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
            value={field.value} onChange={field.onChange} error={errors.networkIds?.message} />
        )}
      />

      <h2 className="form__section">{t('inventory.service.sectionFunding')}</h2>
      <p className="hint">{t('inventory.service.fundingHint')}</p>
      {existingFundings && existingFundings.length > 0 ? (
        <>
          <h3>{t('inventory.service.existingFundings')}</h3>
          <ul className="existing-fundings">
            {existingFundings.map((f) => (
              <li key={f.id}>
                {f.funderName}
                {f.programme ? ` – ${f.programme}` : ''}
                {f.sharePercent != null ? ` (${formatNumber(f.sharePercent, i18n.language)} %)` : ''}
                {onRemoveFunding ? (
                  <button type="button" className="button button--link" onClick={() => onRemoveFunding(f)}>
                    {t('inventory.service.removeExisting', { name: f.funderName })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {fundings.fields.map((row, i) => (
        <fieldset key={row.id} className="fieldset funding-row">
          <legend>{t('inventory.service.fundingRow', { n: i + 1 })}</legend>
          <div className="form__grid">
            <SelectField id={`funding-${i}-funder`} label={t('inventory.funding.funder')} required error={fundingError(i, 'funderActorId')}
              {...register(`fundings.${i}.funderActorId`)}>
              <option value="">{t('common.pleaseChoose')}</option>
              {(actors.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </SelectField>
            <TextField id={`funding-${i}-programme`} label={t('inventory.funding.programme')} maxLength={SERVICE_LIMITS.programme}
              error={fundingError(i, 'programme')} {...register(`fundings.${i}.programme`)} />
            <TextField id={`funding-${i}-share`} label={`${t('inventory.funding.share')} (%)`} inputMode="decimal"
              error={fundingError(i, 'sharePercent')} {...register(`fundings.${i}.sharePercent`)} />
            <TextField id={`funding-${i}-amount`} label={`${t('inventory.funding.amount')} (€)`} inputMode="decimal"
              error={fundingError(i, 'amountPerYear')} {...register(`fundings.${i}.amountPerYear`)} />
            <TextField id={`funding-${i}-startsOn`} type="date" label={t('inventory.service.startsOn')} error={fundingError(i, 'startsOn')}
              {...register(`fundings.${i}.startsOn`)} />
            <TextField id={`funding-${i}-endsOn`} type="date" label={t('inventory.service.endsOn')} error={fundingError(i, 'endsOn')}
              {...register(`fundings.${i}.endsOn`)} />
            <SelectField id={`funding-${i}-renewal`} label={t('inventory.funding.renewal')} error={fundingError(i, 'renewalStatus')}
              {...register(`fundings.${i}.renewalStatus`)}>
              {RENEWAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`inventory.renewal.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <button type="button" className="button button--link" onClick={() => fundings.remove(i)}>
            {t('inventory.service.removeFunding', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" className="button button--secondary" onClick={() => fundings.append({ ...emptyFundingRow })}>
          {t('inventory.service.addFunding')}
        </button>
      </p>

      <p role="status" className="form__progress">
        {progress ?? ''}
      </p>
      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
