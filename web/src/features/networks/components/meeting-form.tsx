import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Attendance, MembershipState, type CreateMeetingRequest, type MeetingDto, type NetworkMemberDto } from '@/api'
import { TextAreaField, TextField } from '@/components/ui/field'
import { FormActions, type PageFormProps } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { MarkdownField } from '@/components/ui/markdown'
import { Table } from '@/components/ui/table'
import { useFormError } from '@/components/ui/use-form-error'
import { toDateTimeLocal } from '@/lib/format'
import {
  MEETING_LIMITS,
  makeMeetingSchema,
  meetingFormFields,
  toMeetingFormValues,
  toMeetingRequest,
  type AttendanceChoice,
  type MeetingFormValues,
} from '../meeting-schema'
import '../networks.css'

const ATTENDANCE = Object.values(Attendance) as Attendance[]

function defaultTimes(): { startsAt: string; endsAt: string } {
  const start = new Date()
  start.setHours(14, 0, 0, 0)
  const end = new Date(start.getTime() + 2 * 3600_000)
  return { startsAt: toDateTimeLocal(start.toISOString()), endsAt: toDateTimeLocal(end.toISOString()) }
}

/** Whether a membership is valid on the given day (yyyy-MM-dd). */
function memberOn(m: NetworkMemberDto, day: string): boolean {
  return m.validFrom <= day && (!m.validTo || m.validTo >= day)
}

export interface MeetingFormProps extends PageFormProps<CreateMeetingRequest> {
  meeting?: MeetingDto
  members: NetworkMemberDto[]
}

/**
 * A meeting (Sitzung): when and where, agenda, who attended (per member), decisions and the
 * minutes in Markdown with a preview.
 */
export function MeetingForm({ meeting, members, submitLabel, cancelTo, onSubmit, renderProblemAction }: MeetingFormProps) {
  const { t } = useTranslation()
  const schema = useMemo(() => makeMeetingSchema(t, meeting), [t, meeting])
  const { formError, clearFormError, fail } = useFormError()
  const [attendance, setAttendance] = useState<Record<string, AttendanceChoice>>(() =>
    Object.fromEntries((meeting?.attendance ?? []).map((a) => [a.memberId, a.attendance])),
  )
  const [attendanceError, setAttendanceError] = useState('')

  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<MeetingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: meeting
      ? toMeetingFormValues(meeting)
      : { title: '', ...defaultTimes(), location: '', cancelled: false, agenda: '', minutes: '', decisions: [] },
  })
  const decisions = useFieldArray({ control, name: 'decisions' })
  const [startsAt, agenda, minutes] = useWatch({ control, name: ['startsAt', 'agenda', 'minutes'] })

  // Members on the meeting day, plus anyone whose attendance is already recorded.
  const day = startsAt ? startsAt.slice(0, 10) : ''
  const [recorded] = useState(() => new Set((meeting?.attendance ?? []).map((a) => a.memberId)))
  const rows = useMemo(
    () => members.filter((m) => (day ? memberOn(m, day) : m.state === MembershipState.Current) || recorded.has(m.id)),
    [members, day, recorded],
  )

  const startField = register('startsAt', {
    onChange: (e: { target: { value: string } }) => {
      const start = e.target.value
      const end = getValues('endsAt')
      if (start && (!end || end <= start)) {
        const d = new Date(start)
        if (!Number.isNaN(d.getTime())) setValue('endsAt', toDateTimeLocal(new Date(d.getTime() + 2 * 3600_000).toISOString()))
      }
    },
  })

  const submit = handleSubmit(async (values) => {
    clearFormError()
    setAttendanceError('')
    // Only members shown for this day are sent.
    const shown = new Set(rows.map((r) => r.id))
    const sent = Object.fromEntries(Object.entries(attendance).filter(([id]) => shown.has(id)))
    try {
      await onSubmit(toMeetingRequest(values, sent, meeting))
    } catch (err) {
      fail(err, setError, meetingFormFields(getValues('decisions').length), {
        fieldStatuses: [400, 409],
        // decisions[2] is the text of the third decision row; attendance errors go to the attendance table.
        mapErrors: (errors) => {
          const errorsByField: Record<string, string[]> = {}
          const attendanceMessages: string[] = []
          for (const [key, messages] of Object.entries(errors)) {
            if (/^attendance/i.test(key)) attendanceMessages.push(...messages)
            else errorsByField[/^decisions\[\d+\]$/i.test(key) ? `${key}.text` : key] = messages
          }
          setAttendanceError(attendanceMessages.join(' '))
          return errorsByField
        },
      })
    }
  })

  return (
    <form className="form card" noValidate onSubmit={submit} aria-label={submitLabel}>
      <FormErrorAlert error={formError} renderProblemAction={renderProblemAction} />
      <p className="hint">{t('form.requiredHint')}</p>

      <div className="form__grid">
        <TextField id="meeting-startsAt" type="datetime-local" label={t('meetings.fields.startsAt')} required
          error={errors.startsAt?.message} {...startField} />
        <TextField id="meeting-endsAt" type="datetime-local" label={t('meetings.fields.endsAt')} required error={errors.endsAt?.message}
          {...register('endsAt')} />
      </div>
      <div className="form__grid">
        <TextField
          id="meeting-title"
          label={t('meetings.fields.title')}
          hint={t('meetings.form.titleHint')}
          maxLength={MEETING_LIMITS.title}
          error={errors.title?.message}
          {...register('title')}
        />
        <TextField
          id="meeting-location"
          label={t('meetings.fields.location')}
          maxLength={MEETING_LIMITS.location}
          error={errors.location?.message}
          {...register('location')}
        />
      </div>
      <div className="field field--checkbox">
        <input id="meeting-cancelled" type="checkbox" {...register('cancelled')} />
        <label htmlFor="meeting-cancelled">{t('meetings.fields.cancelledLabel')}</label>
      </div>
      <MarkdownField
        id="meeting-agenda"
        label={t('meetings.fields.agenda')}
        rows={5}
        maxLength={MEETING_LIMITS.agenda}
        value={agenda}
        error={errors.agenda?.message}
        {...register('agenda')}
      />

      <fieldset className="fieldset" aria-describedby={attendanceError ? 'meeting-attendance-error' : 'meeting-attendance-hint'}>
        <legend>{t('meetings.fields.attendance')}</legend>
        <p id="meeting-attendance-hint" className="field__hint">
          {t('meetings.form.attendanceHint')}
        </p>
        {rows.length === 0 ? (
          <p className="muted">{t('meetings.form.noMembersOnDay')}</p>
        ) : (
          <>
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setAttendance((prev) => ({ ...prev, ...Object.fromEntries(rows.map((r) => [r.id, Attendance.Present])) }))}
              >
                {t('meetings.form.allPresent')}
              </button>
            </p>
            <Table
              caption={t('meetings.fields.attendance')}
              className="table--compact"
              columns={[t('networks.members.actor'), t('networks.members.role'), t('meetings.fields.attendanceOne')]}
            >
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="table__rowhead">
                    {m.actorName}
                  </th>
                  <td>{t(`networks.roles.${m.role}`)}</td>
                  <td>
                    <select
                      className="input input--compact"
                      aria-label={t('meetings.form.attendanceOf', { name: m.actorName })}
                      value={attendance[m.id] ?? ''}
                      onChange={(e) => setAttendance((prev) => ({ ...prev, [m.id]: e.target.value as AttendanceChoice }))}
                    >
                      <option value="">{t('meetings.attendance.unknown')}</option>
                      {ATTENDANCE.map((a) => (
                        <option key={a} value={a}>
                          {t(`meetings.attendance.${a}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
        {attendanceError ? (
          <p id="meeting-attendance-error" className="field__error">
            {attendanceError}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('meetings.fields.decisions')}</legend>
        <p className="field__hint">{t('meetings.form.decisionsHint')}</p>
        {errors.decisions?.message || errors.decisions?.root?.message ? (
          <p className="field__error">{errors.decisions?.message ?? errors.decisions?.root?.message}</p>
        ) : null}
        {decisions.fields.map((field, i) => (
          <div key={field.id} className="decision-row">
            <TextAreaField
              id={`meeting-decisions-${i}`}
              label={t('meetings.form.decisionN', { n: i + 1 })}
              rows={2}
              maxLength={MEETING_LIMITS.decision}
              error={errors.decisions?.[i]?.text?.message}
              {...register(`decisions.${i}.text`)}
            />
            <button type="button" className="button button--link" onClick={() => decisions.remove(i)}>
              {t('meetings.form.removeDecision', { n: i + 1 })}
            </button>
          </div>
        ))}
        {decisions.fields.length < MEETING_LIMITS.decisions ? (
          <button type="button" className="button button--secondary" onClick={() => decisions.append({ text: '' })}>
            {t('meetings.form.addDecision')}
          </button>
        ) : null}
      </fieldset>

      <MarkdownField
        id="meeting-minutes"
        label={t('meetings.fields.minutes')}
        rows={12}
        maxLength={MEETING_LIMITS.minutes}
        value={minutes}
        error={errors.minutes?.message}
        {...register('minutes')}
      />

      <p className="hint">{t('meetings.form.agreementsHint')}</p>
      <FormActions submitting={isSubmitting} submitLabel={submitLabel} cancel={cancelTo} />
    </form>
  )
}
