import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { CurrentUserDto, Role } from '@/api/client'
import { useLogout } from '@/lib/auth'

/** Disclosure with the signed-in user's name, role and the logout buttons (this session, every session). */
export function UserMenu({ user }: { user: CurrentUserDto }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const logout = useLogout()
  const logoutEverywhere = useLogout({ everywhere: true })
  const navigate = useNavigate()

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const onLogout = async (everywhere = false) => {
    try {
      await (everywhere ? logoutEverywhere : logout).mutateAsync()
    } finally {
      navigate('/login', { replace: true })
    }
  }

  return (
    <div
      className="user-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false)
          buttonRef.current?.focus()
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="visually-hidden">{t('shell.userMenu')}: </span>
        {user.displayName}
        <span aria-hidden="true" className="user-menu__caret">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__name">{user.displayName}</p>
        <p className="user-menu__meta">{user.email}</p>
        <p className="user-menu__meta">
          {t('shell.role')}: {t(`roles.${user.role}`, { defaultValue: String(user.role) })}
        </p>
        <Link to="/account" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('shell.account')}
        </Link>
        {user.role === ('admin' as Role) ? (
          <>
            <Link to="/admin/users" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('shell.users')}
            </Link>
            <Link to="/admin/api-keys" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('shell.apiKeys')}
            </Link>
          </>
        ) : null}
        {user.role === ('admin' as Role) ? (
          <Link to="/admin/webhooks" className="button button--secondary" onClick={() => setOpen(false)}>
            {t('shell.webhooks')}
          </Link>
        ) : null}
        <Link to="/privacy" className="button button--secondary" onClick={() => setOpen(false)}>
          {t('shell.privacy')}
        </Link>
        <button type="button" className="button button--secondary" onClick={() => void onLogout()} disabled={logout.isPending}>
          {t('shell.logout')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void onLogout(true)}
          disabled={logout.isPending || logoutEverywhere.isPending}
        >
          {t('shell.logoutEverywhere')}
        </button>
      </div>
    </div>
  )
}
