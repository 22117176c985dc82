import { zodResolver } from '@hookform/resolvers/zod'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from '@/lib/zod'
import type { RelationType } from '@/api'
import { ActorSearch } from '@/components/pickers/actor-search'
import { Alert } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions } from '@/components/ui/form'
import { useInlineFormError } from '@/components/ui/use-form-error'
import { RELATION_TYPES } from '../actor-schema'
import { useCreateActorRelation } from '../api/actors'

const NOTE_MAX = 4000

function makeRelationSchema(t: TFunction) {
  return z
    .object({
      role: z.enum(['source', 'target']),
      partnerId: z.string().min(1, t('validation.required')),
      type: z.string().refine((v) => (RELATION_TYPES as string[]).includes(v), t('validation.required')),
      isContractual: z.boolean(),
      validFrom: z.string(),
      validTo: z.string(),
      note: z.string().max(NOTE_MAX, t('validation.maxLength', { max: NOTE_MAX })),
    })
    .refine((v) => !v.validFrom || !v.validTo || v.validTo >= v.validFrom, {
      path: ['validTo'],
      message: t('validation.endBeforeStart'),
    })
}
type RelationValues = z.infer<ReturnType<typeof makeRelationSchema>>
const FIELDS = ['role', 'partnerId', 'type', 'isContractual', 'validFrom', 'validTo', 'note'] as const

/** Adds a typed, directed, dated relation between this actor and another. */
export function RelationForm({ actorId, onDone }: { actorId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeRelationSchema(t), [t])
  const create = useCreateActorRelation()
  const { formError, setFormError, fail } = useInlineFormError()
  const {
    register,
    handleSubmit,
    setError,
    reset,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<RelationValues>({
    resolver: zodResolver(schema),
    defaultValues: { role: 'source', partnerId: '', type: '', isContractual: false, validFrom: '', validTo: '', note: '' },
  })

  const submit = handleSubmit(async (v) => {
    setFormError(null)
    const outgoing = v.role === 'source'
    try {
      await create.mutateAsync({
        sourceActorId: outgoing ? actorId : v.partnerId,
        targetActorId: outgoing ? v.partnerId : actorId,
        type: v.type as RelationType,
        isContractual: v.isContractual,
        validFrom: v.validFrom || undefined,
        validTo: v.validTo || undefined,
        note: v.note.trim() || undefined,
      })
      reset()
      onDone()
    } catch (err) {
      // The partner is the source or the target, depending on the chosen direction.
      const partnerKey = outgoing ? 'targetActorId' : 'sourceActorId'
      fail(err, setError, FIELDS, {
        mapErrors: (errors) =>
          Object.fromEntries(Object.entries(errors).map(([key, messages]) => [key === partnerKey ? 'partnerId' : key, messages])),
      })
    }
  })

  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('actors.relations.add')}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset className="fieldset">
        <legend>{t('actors.relations.direction')}</legend>
        <div className="choice-row">
          <label className="choice">
            <input type="radio" value="source" {...register('role')} /> {t('actors.relations.roleSource')}
          </label>
          <label className="choice">
            <input type="radio" value="target" {...register('role')} /> {t('actors.relations.roleTarget')}
          </label>
        </div>
      </fieldset>
      <div className="form__grid">
        <div>
          <input type="hidden" {...register('partnerId')} />
          <ActorSearch id="relation-partnerId" label={t('actors.relations.partner')} required error={errors.partnerId?.message}
            hint={t('actors.relations.partnerHint')} exclude={actorId}
            onChange={(a) => setValue('partnerId', a?.id ?? '', { shouldValidate: isSubmitted })} />
        </div>
        <SelectField id="relation-type" label={t('actors.relations.type')} required error={errors.type?.message} {...register('type')}>
          <option value="">{t('common.pleaseChoose')}</option>
          {RELATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`terms.relationTypes.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="relation-validFrom" type="date" label={t('actors.relations.validFrom')} error={errors.validFrom?.message}
          {...register('validFrom')} />
        <TextField id="relation-validTo" type="date" label={t('actors.relations.validTo')} error={errors.validTo?.message}
          {...register('validTo')} />
      </div>
      <div className="field field--checkbox">
        <input id="relation-isContractual" type="checkbox" {...register('isContractual')} />
        <label htmlFor="relation-isContractual">{t('actors.relations.contractualLabel')}</label>
      </div>
      <TextAreaField id="relation-note" label={t('actors.relations.note')} rows={3} maxLength={NOTE_MAX} error={errors.note?.message}
        {...register('note')} />
      <FormActions submitting={isSubmitting} submitLabel={t('actors.relations.save')} cancel={onDone} />
    </form>
  )
}
