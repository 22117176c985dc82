import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { NetworkLinkType, type CreateNetworkRequest } from '@/api'
import { useActorOptions } from '@/components/pickers/actors'
import { useNetworkOptions } from '@/components/pickers/networks'
import { SpaceCheckboxes } from '@/components/pickers/space-checkboxes'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { useFormError } from '@/components/ui/use-form-error'
import {
  CADENCE_UNITS,
  LINK_TYPES,
  NETWORK_FUNCTIONS,
  NETWORK_KINDS,
  NETWORK_LIMITS,
  NETWORK_STATUSES,
  emptyNetworkForm,
  makeNetworkSchema,
  networkFormFields,
  toNetworkRequest,
  type NetworkFormValues,
} from '../network-schema'

export interface NetworkFormProps extends PageFormProps<CreateNetworkRequest> {
  defaultValues?: NetworkFormValues
  /** Id of the edited network (not offered as its own link target). */
  selfId?: string
}

/**
 * Create/edit form for a network. The mandate (Aufgabenstellung) comes first and is required:
 * "don't go to a network meeting where nobody knows why you meet". Client-side limits mirror
 * the contract; server field errors land at the fields, link rows included.
 */
export function NetworkForm({ defaultValues, submitLabel, cancelTo, onSubmit, selfId, renderProblemAction }: NetworkFormProps) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeNetworkSchema(t), [t])
  const actors = useActorOptions()
  const networks = useNetworkOptions()
  const { formError, clearFormError, fail } = useFormError()

  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<NetworkFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues ?? emptyNetworkForm,
  })
  const links = useFieldArray({ control, name: 'links' })

  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      await onSubmit(toNetworkRequest(values))
    } catch (err) {
      fail(err, setError, networkFormFields(getValues('links').length), { fieldStatuses: [400, 409] })
    }
  })

  const targetOptions = (networks.data ?? []).filter((n) => n.id !== selfId)

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />

      <p className="hint">{t('form.requiredHint')}</p>

      <div className="form__grid">
        <TextField
          id="network-name"
          label={t('networks.fields.name')}
          required
          autoComplete="off"
          maxLength={NETWORK_LIMITS.name}
          error={errors.name?.message}
          {...register('name')}
        />
        <SelectField id="network-kind" label={t('networks.fields.kind')} required error={errors.kind?.message} {...register('kind')}>
          <option value="">{t('common.pleaseChoose')}</option>
          {NETWORK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`terms.networkKinds.${kind}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <h2 className="form__section">{t('networks.form.mandateSection')}</h2>
      <TextAreaField
        id="network-mandate"
        label={t('networks.fields.mandate')}
        hint={t('networks.form.mandateHint', { max: NETWORK_LIMITS.mandate })}
        required
        rows={5}
        maxLength={NETWORK_LIMITS.mandate}
        error={errors.mandate?.message}
        {...register('mandate')}
      />
      <div className="form__grid">
        <TextField
          id="network-mandatedBy"
          label={t('networks.fields.mandatedBy')}
          hint={t('networks.form.mandatedByHint')}
          maxLength={NETWORK_LIMITS.mandatedBy}
          error={errors.mandatedBy?.message}
          {...register('mandatedBy')}
        />
        <TextField id="network-mandatedOn" type="date" label={t('networks.fields.mandatedOn')} error={errors.mandatedOn?.message} {...register('mandatedOn')} />
      </div>
      <TextAreaField
        id="network-legitimationNote"
        label={t('networks.fields.legitimationNote')}
        hint={t('networks.form.legitimationHint')}
        rows={3}
        maxLength={NETWORK_LIMITS.legitimationNote}
        error={errors.legitimationNote?.message}
        {...register('legitimationNote')}
      />
      <fieldset className="fieldset" aria-describedby={errors.functions?.message ? 'network-functions-error' : 'network-functions-hint'}>
        <legend>{t('networks.fields.functions')}</legend>
        <p id="network-functions-hint" className="field__hint">
          {t('networks.form.functionsHint')}
        </p>
        <div className="choice-row">
          {NETWORK_FUNCTIONS.map((f) => (
            <label key={f} className="choice">
              <input type="checkbox" value={f} {...register('functions')} /> {t(`networks.functions.${f}`)}
            </label>
          ))}
        </div>
        {errors.functions?.message ? (
          <p id="network-functions-error" className="field__error">
            {errors.functions.message}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        id="network-goals"
        label={t('networks.fields.goals')}
        hint={t('networks.form.goalsHint', { max: NETWORK_LIMITS.goals, length: NETWORK_LIMITS.goal })}
        rows={4}
        error={errors.goals?.message}
        {...register('goals')}
      />

      <h2 className="form__section">{t('networks.form.workSection')}</h2>
      <div className="form__grid">
        <SelectField id="network-status" label={t('networks.fields.status')} required error={errors.status?.message} {...register('status')}>
          {NETWORK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`networks.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="network-startedOn" type="date" label={t('networks.fields.startedOn')} error={errors.startedOn?.message} {...register('startedOn')} />
        <TextField
          id="network-endedOn"
          type="date"
          label={t('networks.fields.endedOn')}
          hint={t('networks.form.endedOnHint')}
          error={errors.endedOn?.message}
          {...register('endedOn')}
        />
      </div>
      <fieldset className="fieldset fieldset--stack">
        <legend>{t('networks.fields.cadence')}</legend>
        <p className="field__hint">{t('networks.form.cadenceHint')}</p>
        <div className="form__grid">
          <TextField
            id="network-cadenceInterval"
            type="number"
            inputMode="numeric"
            min={NETWORK_LIMITS.cadenceMin}
            max={NETWORK_LIMITS.cadenceMax}
            label={t('networks.fields.cadenceInterval')}
            error={errors.cadenceInterval?.message}
            {...register('cadenceInterval')}
          />
          <SelectField id="network-cadenceUnit" label={t('networks.fields.cadenceUnit')} error={errors.cadenceUnit?.message} {...register('cadenceUnit')}>
            <option value="">{t('networks.form.noCadence')}</option>
            {CADENCE_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`networks.cadenceUnits.${u}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <SelectField
        id="network-coordinatorActorId"
        label={t('networks.fields.coordinator')}
        hint={t('networks.form.coordinatorHint')}
        error={errors.coordinatorActorId?.message}
        {...register('coordinatorActorId')}
      >
        <option value="">{actors.isPending ? t('common.loadingShort') : t('networks.form.noCoordinator')}</option>
        {(actors.data ?? []).map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </SelectField>

      <SpaceCheckboxes
        id="network-spaceIds"
        legend={t('networks.fields.spaces')}
        registration={register('spaceIds')}
        error={errors.spaceIds?.message}
      />

      <h2 className="form__section">{t('networks.form.linksSection')}</h2>
      <p className="hint">{t('networks.form.linksHint')}</p>
      {errors.links?.message || errors.links?.root?.message ? (
        <p className="field__error">{errors.links?.message ?? errors.links?.root?.message}</p>
      ) : null}
      {links.fields.length === 0 ? <p className="muted">{t('networks.form.noLinks')}</p> : null}
      {links.fields.map((field, i) => (
        <fieldset key={field.id} className="fieldset fieldset--stack">
          <legend>{t('networks.form.linkLegend', { n: i + 1 })}</legend>
          <div className="form__grid">
            <SelectField
              id={`network-links-${i}-type`}
              label={t('networks.form.linkType')}
              required
              error={errors.links?.[i]?.type?.message}
              {...register(`links.${i}.type`)}
            >
              {LINK_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`networks.linkTypes.${type}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`network-links-${i}-targetNetworkId`}
              label={t('networks.form.linkTarget')}
              required
              error={errors.links?.[i]?.targetNetworkId?.message}
              {...register(`links.${i}.targetNetworkId`)}
            >
              <option value="">{networks.isPending ? t('common.loadingShort') : t('common.pleaseChoose')}</option>
              {targetOptions.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextField
            id={`network-links-${i}-note`}
            label={t('networks.form.linkNote')}
            maxLength={NETWORK_LIMITS.linkNote}
            error={errors.links?.[i]?.note?.message}
            {...register(`links.${i}.note`)}
          />
          <p>
            <button type="button" className="button button--secondary" onClick={() => links.remove(i)}>
              {t('networks.form.removeLink', { n: i + 1 })}
            </button>
          </p>
        </fieldset>
      ))}
      {links.fields.length < NETWORK_LIMITS.links ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => links.append({ targetNetworkId: '', type: NetworkLinkType.DelegatesTo, note: '' })}
          >
            {t('networks.form.addLink')}
          </button>
        </p>
      ) : null}

      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
