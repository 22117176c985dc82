import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { AgreementStatus, MembershipState, type TaskDto } from '@/api'
import { useNetworkMeetings, useNetworkMembers } from '@/components/pickers/networks'
import { Alert } from '@/components/ui/feedback'
import { SelectField, TextAreaField, TextField } from '@/components/ui/field'
import { FormActions } from '@/components/ui/form'
import { useInlineFormError } from '@/components/ui/use-form-error'
import { formatDate } from '@/lib/format'
import { useCreateTask, useUpdateTask } from '../api/tasks'
import { AGREEMENT_STATUSES, TASK_FORM_FIELDS, TASK_LIMITS, makeTaskSchema, toTaskFormValues, toTaskRequest, type TaskFormValues } from '../task-schema'

/**
 * Records an agreement (Verabredung) of a network, or edits one: what, who is responsible
 * (chosen from the network's members), by when, and in which meeting it was agreed.
 */
export function TaskForm({
  networkId,
  meetingId,
  task,
  onDone,
}: {
  networkId: string
  /** Preset meeting (when recorded from a meeting page). */
  meetingId?: string
  task?: TaskDto
  onDone: (message: string) => void
}) {
  const { t, i18n } = useTranslation()
  const schema = useMemo(() => makeTaskSchema(t), [t])
  const members = useNetworkMembers(networkId)
  const meetings = useNetworkMeetings(networkId)
  const create = useCreateTask()
  const update = useUpdateTask()
  const { formError, setFormError, fail } = useInlineFormError()
  const prefix = task ? `task-${task.id}` : 'task-new'

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TaskFormValues>({
    resolver: zodResolver(schema),
    defaultValues: task
      ? toTaskFormValues(task)
      : { title: '', description: '', responsibleActorIds: [], dueDate: '', status: AgreementStatus.Open, outcome: '', meetingId: meetingId ?? '' },
  })

  const lng = i18n.language
  // Who can be responsible: the network's current and future members, plus whoever already is.
  const candidates = useMemo(() => {
    const byId = new Map<string, string>()
    for (const m of members.data ?? []) if (m.state !== MembershipState.Past) byId.set(m.actorId, m.actorName)
    for (const r of task?.responsibles ?? []) byId.set(r.actorId, r.name)
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, lng))
  }, [members.data, task, lng])

  const meetingOptions = meetings.data?.pages.flatMap((p) => p.items) ?? []

  const submit = handleSubmit(async (v) => {
    setFormError(null)
    const body = toTaskRequest(networkId, v)
    try {
      if (task) await update.mutateAsync({ id: task.id, body, version: task.version })
      else await create.mutateAsync(body)
      onDone(task ? t('tasks.saved', { title: body.title }) : t('tasks.created', { title: body.title }))
    } catch (err) {
      fail(err, setError, TASK_FORM_FIELDS)
    }
  })

  const responsiblesError = errors.responsibleActorIds?.message ?? errors.responsibleActorIds?.root?.message
  const title = task ? t('tasks.editLabel', { title: task.title }) : t('tasks.add')
  return (
    <form className="form subform" noValidate onSubmit={submit} aria-label={title}>
      <h3 className="subform__title">{title}</h3>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <TextField
        id={`${prefix}-title`}
        label={t('tasks.fields.title')}
        required
        maxLength={TASK_LIMITS.title}
        error={errors.title?.message}
        {...register('title')}
      />
      <TextAreaField
        id={`${prefix}-description`}
        label={t('tasks.fields.description')}
        rows={3}
        maxLength={TASK_LIMITS.description}
        error={errors.description?.message}
        {...register('description')}
      />
      <fieldset
        className={responsiblesError ? 'fieldset fieldset--invalid' : 'fieldset'}
        aria-describedby={responsiblesError ? `${prefix}-responsibles-error` : undefined}
      >
        <legend>
          {t('tasks.fields.responsibles')}
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        </legend>
        {members.isPending ? (
          <p className="hint">{t('common.loadingShort')}</p>
        ) : candidates.length === 0 ? (
          <p className="hint">{t('tasks.form.noMembers')}</p>
        ) : (
          <div className="checkbox-list checkbox-list--columns">
            {candidates.map((c) => (
              <label key={c.id} className="choice">
                <input type="checkbox" value={c.id} {...register('responsibleActorIds')} /> {c.name}
              </label>
            ))}
          </div>
        )}
        {responsiblesError ? (
          <p id={`${prefix}-responsibles-error`} className="field__error">
            {responsiblesError}
          </p>
        ) : null}
      </fieldset>
      <div className="form__grid">
        <TextField id={`${prefix}-dueDate`} type="date" label={t('tasks.fields.dueDate')} error={errors.dueDate?.message} {...register('dueDate')} />
        <SelectField id={`${prefix}-status`} label={t('tasks.fields.status')} required error={errors.status?.message} {...register('status')}>
          {AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`tasks.statuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${prefix}-meetingId`} label={t('tasks.fields.meeting')} error={errors.meetingId?.message} {...register('meetingId')}>
          <option value="">{t('tasks.form.noMeeting')}</option>
          {meetingOptions.map((m) => (
            <option key={m.id} value={m.id}>
              {formatDate(m.startsAt, i18n.language)}
              {m.title ? ` – ${m.title}` : ''}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id={`${prefix}-outcome`}
        label={t('tasks.fields.outcome')}
        hint={t('tasks.form.outcomeHint')}
        rows={2}
        maxLength={TASK_LIMITS.outcome}
        error={errors.outcome?.message}
        {...register('outcome')}
      />
      <FormActions submitting={isSubmitting} submitLabel={task ? t('tasks.save') : t('tasks.addSubmit')} cancel={() => onDone('')} />
    </form>
  )
}
