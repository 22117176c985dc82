import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GrantScope, Role, type RoleGrantDto, type RoleGrantInput, type UserDto } from '@/api'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useNetworkOptions } from '@/components/pickers/networks'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { useUpdateUser } from '../api/users'

const toInput = (g: RoleGrantDto): RoleGrantInput => ({ role: g.role, scope: g.scope, targetId: g.targetId })

/**
 * An account's grants scoped to networks and space subtrees (besides its role): listed with a remove button each, and a
 * small form to add one (a network's coordination or a space subtree's editing). Each change is saved at once.
 */
export function UserGrants({ user, onSaved }: { user: UserDto; onSaved: () => void }) {
  const { t } = useTranslation()
  const ids = { scope: useId(), target: useId() }
  const name = user.displayName
  const update = useUpdateUser()
  const networks = useNetworkOptions()
  const { spaces } = useFlatSpaces()
  const [scope, setScope] = useState<GrantScope>(GrantScope.Network)
  const [target, setTarget] = useState('')
  const grants = user.grants ?? []

  const save = (next: RoleGrantInput[]) =>
    update.mutate(
      { id: user.id, version: user.version, displayName: user.displayName, role: user.role, grants: next },
      { onSuccess: onSaved },
    )

  return (
    <div className="user-grants">
      {grants.length ? (
        <ul className="inline-list">
          {grants.map((g) => (
            <li key={`${g.scope}-${g.targetId}`}>
              {t(g.scope === GrantScope.Network ? 'users.grants.network' : 'users.grants.space', { name: g.targetName ?? g.targetId })}
              {' '}
              <button type="button" className="button button--link" disabled={update.isPending}
                aria-label={t('users.grants.removeOf', { grant: g.targetName ?? g.targetId, name })}
                onClick={() => save(grants.filter((x) => x !== g).map(toInput))}>
                {t('users.grants.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : <p className="field__hint">{t('users.grants.none')}</p>}
      <form className="form form--inline" noValidate onSubmit={(e) => {
        e.preventDefault()
        if (!target) return
        const role = scope === GrantScope.Network ? Role.Coordinator : Role.Editor
        save([...grants.map(toInput), { role, scope, targetId: target }])
        setTarget('')
      }}>
        <label htmlFor={ids.scope} className="visually-hidden">{t('users.grants.scopeOf', { name })}</label>
        <select id={ids.scope} className="input" value={scope} onChange={(e) => { setScope(e.target.value as GrantScope); setTarget('') }}>
          <option value={GrantScope.Network}>{t('users.grants.scopeNetwork')}</option>
          <option value={GrantScope.Space}>{t('users.grants.scopeSpace')}</option>
        </select>
        <label htmlFor={ids.target} className="visually-hidden">{t('users.grants.targetOf', { name })}</label>
        <select id={ids.target} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('users.grants.choose')}</option>
          {scope === GrantScope.Network
            ? (networks.data ?? []).map((n) => <option key={n.id} value={n.id}>{n.name}</option>)
            : <SpaceOptions spaces={spaces} />}
        </select>
        <button type="submit" className="button button--secondary" disabled={!target || update.isPending}
          aria-label={t('users.grants.addOf', { name })}>
          {t('users.grants.add')}
        </button>
      </form>
      {update.error ? <ProblemAlert error={update.error} /> : null}
    </div>
  )
}
