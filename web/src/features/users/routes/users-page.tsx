import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { Role, type UserDto } from '@/api'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useCurrentUser } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'
import { useSetActive, useSetOneTimePassword, useUpdateUser, useUsers } from '../api/users'
import { UserGrants } from '../components/user-grants'

const ROLES = [Role.Viewer, Role.Analyst, Role.Editor, Role.Coordinator, Role.Admin]

/** Account administration (administrators): role, grants for networks and space subtrees, deactivation and one-time passwords. */
export function UsersPage() {
  const { t } = useTranslation()
  usePageTitle(t('users.title'))
  const me = useCurrentUser()
  const users = useUsers()
  const [saved, setSaved] = useState<string | null>(null)
  if (me.data && me.data.role !== Role.Admin) return <Navigate to="/" replace />
  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.intro')}</p>
      {saved ? <Alert tone="success">{t('users.saved', { name: saved })}</Alert> : null}
      {users.isPending ? <Loading /> : users.isError ? <ProblemAlert error={users.error} onRetry={() => void users.refetch()} /> : (
        <div className="table-wrap card">
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.grants.title')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => <UserRow key={u.id} user={u} onSaved={setSaved} />)}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

function UserRow({ user, onSaved }: { user: UserDto; onSaved: (name: string) => void }) {
  const { t } = useTranslation()
  const ids = { role: useId(), password: useId() }
  const [role, setRole] = useState<Role>(user.role)
  const [passwordOpen, setPasswordOpen] = useState(false)
  const [password, setPassword] = useState('')
  const [tooShort, setTooShort] = useState(false)
  const update = useUpdateUser()
  const active = useSetActive()
  const oneTime = useSetOneTimePassword()
  const error = update.error ?? active.error ?? oneTime.error
  const name = user.displayName
  const done = () => onSaved(name)

  return (
    <tr>
      <td>{name}</td>
      <td>{user.email}</td>
      <td>
        <label htmlFor={ids.role} className="visually-hidden">{t('users.roleOf', { name })}</label>
        <select id={ids.role} className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </td>
      <td>
        <UserGrants user={user} onSaved={done} />
      </td>
      <td>
        {user.isActive ? t('users.active') : t('users.inactive')}
        {user.mustChangePassword ? <>, {t('users.mustChange')}</> : null}
      </td>
      <td>
        <div className="form__actions">
          <button type="button" className="button button--secondary" disabled={role === user.role || update.isPending}
            aria-label={t('users.saveRoleOf', { name })}
            onClick={() => update.mutate({ id: user.id, version: user.version, displayName: user.displayName, role }, { onSuccess: done })}>
            {t('users.saveRole')}
          </button>
          <button type="button" className="button button--secondary" disabled={active.isPending}
            aria-label={t(user.isActive ? 'users.deactivateOf' : 'users.reactivateOf', { name })}
            onClick={() => active.mutate({ id: user.id, active: !user.isActive }, { onSuccess: done })}>
            {user.isActive ? t('users.deactivate') : t('users.reactivate')}
          </button>
          <button type="button" className="button button--secondary" aria-expanded={passwordOpen}
            aria-label={t('users.oneTimeOf', { name })} onClick={() => setPasswordOpen((v) => !v)}>
            {t('users.oneTime')}
          </button>
        </div>
        {passwordOpen ? (
          <form className="form" noValidate onSubmit={(e) => {
            e.preventDefault()
            if (password.length < 12) { setTooShort(true); return }
            setTooShort(false)
            oneTime.mutate({ id: user.id, password }, { onSuccess: () => { setPassword(''); setPasswordOpen(false); done() } })
          }}>
            <div className={tooShort ? 'field field--invalid' : 'field'}>
              <label htmlFor={ids.password} className="field__label">{t('users.oneTimeLabel', { name })}</label>
              <p id={`${ids.password}-hint`} className="field__hint">{t('users.oneTimeHint')}</p>
              <input id={ids.password} className="input" type="text" autoComplete="off" value={password}
                aria-describedby={`${ids.password}-hint${tooShort ? ` ${ids.password}-error` : ''}`} aria-invalid={tooShort || undefined}
                onChange={(e) => setPassword(e.target.value)} />
              {tooShort ? <p id={`${ids.password}-error`} className="field__error">{t('users.tooShort')}</p> : null}
            </div>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={oneTime.isPending}>{t('users.oneTimeSubmit')}</button>
              <button type="button" className="button button--secondary" onClick={() => setPasswordOpen(false)}>{t('users.cancel')}</button>
            </div>
          </form>
        ) : null}
        {error ? <ProblemAlert error={error} /> : null}
      </td>
    </tr>
  )
}
