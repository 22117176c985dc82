import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { z } from '@/lib/zod'
import type { TFunction } from 'i18next'
import { api } from '@/api'
import { toProblem } from '@/api/problem'
import { LanguageSwitcher } from '@/components/layout/language-switcher'
import { Alert, Loading } from '@/components/ui/feedback'
import { TextField } from '@/components/ui/field'
import { useCurrentUser, useLogin } from '@/lib/auth'
import { applyServerErrors } from '@/lib/form-errors'
import { usePageTitle } from '@/lib/use-page-title'

function makeLoginSchema(t: TFunction) {
  return z.object({
    email: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .max(254, t('validation.maxLength', { max: 254 }))
      .regex(/^[^@\s]+@[^@\s]+$/, t('validation.email')),
    password: z.string().min(1, t('validation.required')).max(200, t('validation.maxLength', { max: 200 })),
  })
}
type LoginValues = z.infer<ReturnType<typeof makeLoginSchema>>

/** Only same-site paths are followed after login (no open redirect). */
function safeTarget(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/'
}

/** How one signs in here (password form and/or the identity provider, returning to `target`); anonymous. */
const signInOptionsQuery = (target: string) =>
  ({ queryKey: ['auth', 'sign-in-options', target] as const, queryFn: () => api.getSignInOptions(target), staleTime: 5 * 60_000 })

export function LoginPage() {
  const { t } = useTranslation()
  usePageTitle(t('auth.login.title'))
  const navigate = useNavigate()
  const location = useLocation()
  const target = safeTarget((location.state as { from?: unknown } | null)?.from)
  const me = useCurrentUser()
  const login = useLogin()
  const options = useQuery(signInOptionsQuery(target))
  const providerError = new URLSearchParams(location.search).get('signInError')
  const [formError, setFormError] = useState<string | null>(null)
  const schema = useMemo(() => makeLoginSchema(t), [t])
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } })

  if (me.data) return <Navigate to={target} replace />

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await login.mutateAsync(values)
      navigate(target, { replace: true })
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 403) setFormError(problem.detail ?? t('auth.login.localOff'))
      else if (problem.status === 401) setFormError(t('auth.login.wrongCredentials'))
      else if (problem.status === 429) setFormError(t('auth.login.tooManyAttempts'))
      else if (problem.status === 400) {
        const rest = applyServerErrors(problem, setError, ['email', 'password'])
        if (rest.length > 0 || Object.keys(problem.errors).length === 0) setFormError(rest.join(' ') || t('errors.badRequest'))
      } else if (problem.network) setFormError(t('errors.network'))
      else setFormError(t('errors.server'))
    }
  })

  return (
    <>
      <header className="app-header app-header--simple">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </span>
        <div className="app-header__tools">
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{t('auth.login.title')}</h1>
        <p className="lead">{t('auth.login.intro')}</p>
        {me.isPending ? <Loading /> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {providerError ? <Alert tone="error">{t('auth.login.providerFailed', { reason: providerError })}</Alert> : null}
        {options.data?.provider ? (
          <p className="form__actions">
            <a className="button button--primary" href={options.data.provider.loginUrl}>
              {t('auth.login.withProvider', { name: options.data.provider.displayName })}
            </a>
          </p>
        ) : null}
        {options.data?.localAccounts === false ? <p>{t('auth.login.localOff')}</p> : (
        <form className="form card" noValidate onSubmit={onSubmit} aria-label={t('auth.login.formLabel')}>
          <TextField
            label={t('auth.login.email')}
            type="email"
            autoComplete="username"
            required
            error={errors.email?.message}
            {...register('email')}
          />
          <TextField
            label={t('auth.login.password')}
            type="password"
            autoComplete="current-password"
            required
            error={errors.password?.message}
            {...register('password')}
          />
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? t('auth.login.submitting') : t('auth.login.submit')}
            </button>
          </div>
        </form>
        )}
      </main>
    </>
  )
}
