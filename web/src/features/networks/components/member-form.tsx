import { zodResolver } from '@hookform/resolvers/zod'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from '@/lib/zod'
import { MemberRole, type NetworkMemberDto } from '@/api'
import { toProblem } from '@/api/problem'
import { ActorSearch } from '@/components/pickers/actor-search'
import { useNetworkOptions } from '@/components/pickers/networks'
import { Alert } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions } from '@/components/ui/form'
import { useInlineFormError } from '@/components/ui/use-form-error'
import { today } from '@/lib/format'
import { useAddNetworkMember, useUpdateNetworkMember } from '../api/networks'
import { MEMBER_ROLES } from '../network-schema'

const NOTE_MAX = 4000
const FIELDS = ['actorId', 'role', 'delegatedFromNetworkId', 'validFrom', 'validTo', 'note'] as const

function makeMemberSchema(t: TFunction) {
  return z
    .object({
      actorId: z.string().min(1, t('validation.required')),
      role: z.string().refine((v) => (MEMBER_ROLES as string[]).includes(v), t('validation.required')),
      delegatedFromNetworkId: z.string(),
      validFrom: z.string(),
      validTo: z.string(),
      note: z.string().max(NOTE_MAX, t('validation.maxLength', { max: NOTE_MAX })),
    })
    .refine((v) => !v.validFrom || !v.validTo || v.validTo >= v.validFrom, { path: ['validTo'], message: t('validation.endBeforeStart') })
    // Mirrors the API's rule: a delegate names the network that sends it, nobody else does.
    .refine((v) => v.role !== MemberRole.Delegate || v.delegatedFromNetworkId !== '', {
      path: ['delegatedFromNetworkId'],
      message: t('networks.members.delegatedFromRequired'),
    })
}
type MemberValues = z.infer<ReturnType<typeof makeMemberSchema>>

/**
 * Adds a member to a network, or edits a membership (role, "delegated from" network, period).
 * A 409 (the actor already holds this role from that day) is shown at the date.
 */
export function MemberForm(
  { networkId, member, onDone }: { networkId: string; member?: NetworkMemberDto; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeMemberSchema(t), [t])
  const [pickedName, setPickedName] = useState('')
  const networks = useNetworkOptions()
  const add = useAddNetworkMember(networkId)
  const update = useUpdateNetworkMember(networkId)
  const { formError, setFormError, fail } = useInlineFormError()
  const editing = member !== undefined
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<MemberValues>({
    resolver: zodResolver(schema),
    defaultValues: member
      ? {
          actorId: member.actorId,
          role: member.role,
          delegatedFromNetworkId: member.delegatedFromNetworkId ?? '',
          validFrom: member.validFrom,
          validTo: member.validTo ?? '',
          note: member.note ?? '',
        }
      : { actorId: '', role: MemberRole.Member, delegatedFromNetworkId: '', validFrom: today(), validTo: '', note: '' },
  })

  const role = useWatch({ control, name: 'role' })
  const isDelegate = role === MemberRole.Delegate

  const submit = handleSubmit(async (v) => {
    setFormError(null)
    const body = {
      actorId: v.actorId,
      role: v.role as MemberRole,
      delegatedFromNetworkId: v.role === MemberRole.Delegate ? v.delegatedFromNetworkId || undefined : undefined,
      validFrom: v.validFrom || undefined,
      validTo: v.validTo || undefined,
      note: v.note.trim() || undefined,
    }
    try {
      if (member) await update.mutateAsync({ memberId: member.id, body, version: member.version })
      else await add.mutateAsync(body)
      const name = member?.actorName ?? pickedName
      onDone(editing ? t('networks.members.saved', { name }) : t('networks.members.added', { name }))
    } catch (err) {
      if (toProblem(err).status === 409) {
        // The actor already holds this role for an overlapping period: say so in the UI language, at the date.
        setError('validFrom', { type: 'server', message: t('networks.members.overlap') }, { shouldFocus: true })
        setFormError(t('networks.members.overlap'))
        return
      }
      fail(err, setError, FIELDS)
    }
  })

  const prefix = member ? `member-${member.id}` : 'member-new'
  return (
    <form className="form subform" noValidate onSubmit={submit}
      aria-label={editing ? t('networks.members.editLabel', { name: member.actorName }) : t('networks.members.add')}>
      <h3 className="subform__title">{editing ? t('networks.members.editLabel', { name: member.actorName })
        : t('networks.members.add')}</h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="form__grid">
        {editing ? (
          <SelectField id={`${prefix}-actorId`} label={t('networks.members.actor')} required disabled {...register('actorId')}>
            <option value={member.actorId}>{member.actorName}</option>
          </SelectField>
        ) : (
          <div>
            <input type="hidden" {...register('actorId')} />
            <ActorSearch id={`${prefix}-actorId`} label={t('networks.members.actor')} required error={errors.actorId?.message}
              hint={t('networks.members.actorHint')}
              onChange={(a) => { setValue('actorId', a?.id ?? '', { shouldValidate: isSubmitted }); setPickedName(a?.name ?? '') }} />
          </div>
        )}
        <SelectField id={`${prefix}-role`} label={t('networks.members.role')} required error={errors.role?.message} {...register('role')}>
          {MEMBER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`networks.roles.${role}`)}
            </option>
          ))}
        </SelectField>
        {isDelegate ? (
          <SelectField
            id={`${prefix}-delegatedFromNetworkId`}
            label={t('networks.members.delegatedFrom')}
            hint={t('networks.members.delegatedFromHint')}
            required
            error={errors.delegatedFromNetworkId?.message}
            {...register('delegatedFromNetworkId')}
          >
            <option value="">{networks.isPending ? t('common.loadingShort') : t('common.pleaseChoose')}</option>
            {(networks.data ?? [])
              .filter((n) => n.id !== networkId)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
          </SelectField>
        ) : null}
        <TextField id={`${prefix}-validFrom`} type="date" label={t('networks.members.validFrom')} error={errors.validFrom?.message}
          {...register('validFrom')} />
        <TextField
          id={`${prefix}-validTo`}
          type="date"
          label={t('networks.members.validTo')}
          hint={t('networks.members.validToHint')}
          error={errors.validTo?.message}
          {...register('validTo')}
        />
      </div>
      <TextAreaField id={`${prefix}-note`} label={t('networks.members.note')} rows={2} maxLength={NOTE_MAX} error={errors.note?.message}
        {...register('note')} />
      <FormActions
        submitting={isSubmitting}
        submitLabel={editing ? t('networks.members.save') : t('networks.members.addSubmit')}
        cancel={() => onDone('')}
      />
    </form>
  )
}
