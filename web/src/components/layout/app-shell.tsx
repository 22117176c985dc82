import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet, useLocation } from 'react-router'
import { useCurrentUser } from '@/lib/auth'
import { LanguageSwitcher } from './language-switcher'
import { UserMenu } from './user-menu'

const AREAS = [
  { to: '/', key: 'start', end: true },
  { to: '/spaces', key: 'spaces', end: false },
  { to: '/actors', key: 'actors', end: false },
  { to: '/networks', key: 'networks', end: false },
  { to: '/tasks', key: 'tasks', end: false },
  { to: '/network-map', key: 'map', end: false },
  { to: '/inventory', key: 'inventory', end: false },
  { to: '/indicators', key: 'indicators', end: false },
] as const

/** Header (brand, navigation, language, user), skip link and the <main> landmark. */
export function AppShell() {
  const { t } = useTranslation()
  const { data: user } = useCurrentUser()
  const location = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const firstRender = useRef(true)
  // On a phone the navigation is a menu behind a button (it took a third of the screen); from 48rem it is always shown.
  const [menuOpen, setMenuOpen] = useState(false)
  const [menuPath, setMenuPath] = useState(location.pathname)
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname)
    setMenuOpen(false)
  }

  // After client-side navigation, move focus to the new page's content (as a page load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    mainRef.current?.focus()
  }, [location.pathname])

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav-list"
          onClick={() => setMenuOpen((o) => !o)}>
          <span aria-hidden="true">☰</span> {t('shell.menu')}
        </button>
        <nav className={menuOpen ? 'main-nav is-open' : 'main-nav'} aria-label={t('shell.navLabel')}>
          <ul id="main-nav-list">
            {AREAS.map((area) => (
              <li key={area.key}>
                <NavLink to={area.to} end={area.end} className="main-nav__link">
                  {t(`nav.${area.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="app-header__tools">
          <LanguageSwitcher />
          {user ? <UserMenu user={user} /> : null}
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>{t('shell.footer')}</p>
        <p><a href="/api/docs/">{t('shell.apiDocs')}</a></p>
      </footer>
    </>
  )
}
