import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation } from 'react-router'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useCurrentUser } from '@/lib/auth'

/**
 * Route guard: renders the child routes for a signed-in user, otherwise sends them to /login; a user who must replace a
 * one-time password is sent to the account page.
 */
export function RequireAuth() {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useCurrentUser()
  if (me.isPending) {
    return (
      <main id="main" className="page page--center">
        <h1 className="visually-hidden">{t('app.name')}</h1>
        <Loading />
      </main>
    )
  }
  if (me.isError && me.data === undefined) {
    return (
      <main id="main" className="page page--center">
        <h1 className="visually-hidden">{t('app.name')}</h1>
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </main>
    )
  }
  if (!me.data) {
    const from = location.pathname + location.search
    return <Navigate to="/login" replace state={{ from }} />
  }
  // A one-time password set by an administrator: the API refuses everything else until it is changed.
  if (me.data.mustChangePassword && location.pathname !== '/account') return <Navigate to="/account" replace />
  return <Outlet />
}
