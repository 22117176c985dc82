import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { ActorKind, type CreateActorRequest } from '@/api'
import { useActorOptions } from '@/components/pickers/actors'
import { SpaceCheckboxes } from '@/components/pickers/space-checkboxes'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { useFormError } from '@/components/ui/use-form-error'
import { useActorTypes } from '../api/actors'
import {
  ACTOR_FORM_FIELDS,
  ACTOR_KINDS,
  ACTOR_LIMITS,
  SECTORS,
  emptyActorForm,
  makeActorSchema,
  toActorRequest,
  type ActorFormValues,
} from '../actor-schema'

export interface ActorFormProps extends PageFormProps<CreateActorRequest> {
  defaultValues?: ActorFormValues
  /** Id of the edited actor (excluded from the parent choice). */
  selfId?: string
}

/** Create/edit form for an actor: client-side limits mirror the API, server field errors land at the fields. */
export function ActorForm({ defaultValues, submitLabel, cancelTo, onSubmit, selfId, renderProblemAction }: ActorFormProps) {
  const { t, i18n } = useTranslation()
  const schema = useMemo(() => makeActorSchema(t), [t])
  const types = useActorTypes()
  const organisations = useActorOptions(ActorKind.Organisation)
  const { formError, clearFormError, fail } = useFormError()

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ActorFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues ?? emptyActorForm,
  })

  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      await onSubmit(toActorRequest(values))
    } catch (err) {
      fail(err, setError, ACTOR_FORM_FIELDS)
    }
  })

  const typeName = (code: string, de: string, en: string) => (i18n.language === 'en' ? en : de) || code

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />

      <p className="hint">{t('form.requiredHint')}</p>

      <fieldset className="fieldset">
        <legend>{t('actors.fields.kind')}</legend>
        <div className="choice-row">
          {ACTOR_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" value={kind} {...register('kind')} /> {t(`terms.actorKinds.${kind}`)}
            </label>
          ))}
        </div>
        {errors.kind?.message ? <p className="field__error">{errors.kind.message}</p> : null}
      </fieldset>

      <div className="form__grid">
        <TextField
          id="actor-name"
          label={t('actors.fields.name')}
          required
          maxLength={ACTOR_LIMITS.name}
          error={errors.name?.message}
          {...register('name')}
        />
        <TextField
          id="actor-shortName"
          label={t('actors.fields.shortName')}
          maxLength={ACTOR_LIMITS.shortName}
          error={errors.shortName?.message}
          {...register('shortName')}
        />
        <SelectField id="actor-type" label={t('actors.fields.type')} required error={errors.type?.message} {...register('type')}>
          <option value="">{types.isPending ? t('common.loadingShort') : t('common.pleaseChoose')}</option>
          {(types.data ?? []).map((type) => (
            <option key={type.code} value={type.code}>
              {typeName(type.code, type.nameDe, type.nameEn)}
            </option>
          ))}
        </SelectField>
        <SelectField id="actor-sector" label={t('actors.fields.sector')} required error={errors.sector?.message} {...register('sector')}>
          <option value="">{t('common.pleaseChoose')}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {t(`terms.sectors.${sector}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="actor-parentId"
          label={t('actors.fields.parent')}
          hint={t('actors.form.parentHint')}
          error={errors.parentId?.message}
          {...register('parentId')}
        >
          <option value="">{t('actors.form.noParent')}</option>
          {(organisations.data ?? [])
            .filter((o) => o.id !== selfId)
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </SelectField>
      </div>

      <h2 className="form__section">{t('actors.form.contact')}</h2>
      <div className="form__grid">
        <TextField
          id="actor-email"
          type="email"
          autoComplete="off"
          label={t('actors.fields.email')}
          maxLength={ACTOR_LIMITS.email}
          error={errors.email?.message}
          {...register('email')}
        />
        <TextField
          id="actor-phone"
          type="tel"
          autoComplete="off"
          label={t('actors.fields.phone')}
          maxLength={ACTOR_LIMITS.phone}
          error={errors.phone?.message}
          {...register('phone')}
        />
        <TextField
          id="actor-website"
          type="url"
          autoComplete="off"
          label={t('actors.fields.website')}
          hint={t('actors.form.websiteHint')}
          maxLength={ACTOR_LIMITS.website}
          error={errors.website?.message}
          {...register('website')}
        />
        <TextField
          id="actor-street"
          label={t('actors.fields.street')}
          maxLength={ACTOR_LIMITS.street}
          error={errors.street?.message}
          {...register('street')}
        />
        <TextField
          id="actor-postalCode"
          label={t('actors.fields.postalCode')}
          inputMode="numeric"
          maxLength={ACTOR_LIMITS.postalCode}
          error={errors.postalCode?.message}
          {...register('postalCode')}
        />
        <TextField
          id="actor-city"
          label={t('actors.fields.city')}
          maxLength={ACTOR_LIMITS.city}
          error={errors.city?.message}
          {...register('city')}
        />
      </div>

      <h2 className="form__section">{t('actors.form.classification')}</h2>
      <SpaceCheckboxes
        id="actor-spaceIds"
        legend={t('actors.fields.spaces')}
        registration={register('spaceIds')}
        error={errors.spaceIds?.message}
      />
      <TextField
        id="actor-tags"
        label={t('actors.fields.tags')}
        hint={t('actors.form.tagsHint', { max: ACTOR_LIMITS.tags, length: ACTOR_LIMITS.tag })}
        error={errors.tags?.message}
        {...register('tags')}
      />
      <TextAreaField
        id="actor-notes"
        label={t('actors.fields.notes')}
        rows={5}
        maxLength={ACTOR_LIMITS.notes}
        error={errors.notes?.message}
        {...register('notes')}
      />

      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
