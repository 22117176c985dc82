import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { z } from '@/lib/zod'
import type { TFunction } from 'i18next'
import { toProblem } from '@/api/problem'
import { Alert, Loading } from '@/components/ui/feedback'
import { TextField } from '@/components/ui/field'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useCurrentUser, useLogout } from '@/lib/auth'
import { formatDateTime } from '@/lib/format'
import { applyServerErrors } from '@/lib/form-errors'
import { usePageTitle } from '@/lib/use-page-title'
import { useChangePassword, useEndSession, useOwnSessions } from '../api/account'

function makePasswordSchema(t: TFunction) {
  return z
    .object({
      currentPassword: z.string().min(1, t('validation.required')).max(200, t('validation.maxLength', { max: 200 })),
      newPassword: z.string().min(12, t('auth.account.tooShort')).max(200, t('validation.maxLength', { max: 200 })),
      repeat: z.string(),
    })
    .refine((v) => v.repeat === v.newPassword, { path: ['repeat'], message: t('auth.account.mismatch') })
    .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: t('auth.account.same') })
}
type PasswordValues = z.infer<ReturnType<typeof makePasswordSchema>>

/**
 * "Konto": the signed-in user changes their password and sees and ends their sessions. After a one-time password set by
 * an administrator the route guard sends every page here, and only the password form is shown until it is changed.
 */
export function AccountPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.account.title'))
  const me = useCurrentUser()
  const forced = !!me.data?.mustChangePassword
  return (
    <>
      <h1>{t('auth.account.title')}</h1>
      {forced ? <Alert tone="warning" title={t('auth.account.forcedTitle')}>{t('auth.account.forced')}</Alert> : null}
      <PasswordForm forced={forced} />
      {forced ? null : <OwnSessions />}
    </>
  )
}

function PasswordForm({ forced }: { forced: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const change = useChangePassword()
  const [done, setDone] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(() => makePasswordSchema(t), [t])
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PasswordValues>({ resolver: zodResolver(schema), defaultValues: { currentPassword: '', newPassword: '', repeat: '' } })

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null)
    setDone(false)
    try {
      await change.mutateAsync({ currentPassword, newPassword })
      reset()
      setDone(true)
      if (forced) navigate('/', { replace: true })
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 400) {
        const rest = applyServerErrors(problem, setError, ['currentPassword', 'newPassword'])
        if (rest.length > 0 || Object.keys(problem.errors).length === 0) setFormError(rest.join(' ') || t('errors.badRequest'))
      } else setFormError(problem.network ? t('errors.network') : t('errors.server'))
    }
  })

  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t('auth.account.passwordTitle')}</h2>
      <p className="muted">{t('auth.account.rules')}</p>
      {done ? <Alert tone="success">{t('auth.account.changed')}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit} aria-label={t('auth.account.passwordTitle')}>
        <TextField label={t('auth.account.current')} type="password" autoComplete="current-password" required
          error={errors.currentPassword?.message} {...register('currentPassword')} />
        <TextField label={t('auth.account.new')} type="password" autoComplete="new-password" required
          error={errors.newPassword?.message} {...register('newPassword')} />
        <TextField label={t('auth.account.repeat')} type="password" autoComplete="new-password" required
          error={errors.repeat?.message} {...register('repeat')} />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>{t('auth.account.submit')}</button>
        </div>
      </form>
    </section>
  )
}

function OwnSessions() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const sessions = useOwnSessions()
  const end = useEndSession()
  const logoutEverywhere = useLogout({ everywhere: true })
  return (
    <section className="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('auth.account.sessionsTitle')}</h2>
      {sessions.isPending ? <Loading /> : sessions.isError ? (
        <ProblemAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t('auth.account.sessionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.account.signedIn')}</th>
                <th scope="col">{t('auth.account.lastSeen')}</th>
                <th scope="col">{t('auth.account.device')}</th>
                <th scope="col">{t('auth.account.address')}</th>
                <th scope="col"><span className="visually-hidden">{t('auth.account.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.createdAt, i18n.language)}</td>
                  <td>{formatDateTime(s.lastSeenAt, i18n.language)}</td>
                  <td>{s.userAgent ?? '–'}</td>
                  <td>{s.address ?? '–'}</td>
                  <td>
                    {s.current ? <strong>{t('auth.account.thisSession')}</strong> : (
                      <button type="button" className="button button--secondary" disabled={end.isPending}
                        aria-label={t('auth.account.endLabel', { when: formatDateTime(s.createdAt, i18n.language) })}
                        onClick={() => end.mutate(s.id)}>
                        {t('auth.account.end')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {end.isError ? <ProblemAlert error={end.error} /> : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" disabled={logoutEverywhere.isPending}
          onClick={() => void logoutEverywhere.mutateAsync().finally(() => navigate('/login', { replace: true }))}>
          {t('auth.account.everywhere')}
        </button>
      </div>
    </section>
  )
}
