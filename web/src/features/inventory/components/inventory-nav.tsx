import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import '../inventory.css'

const TABS = [
  { to: '/inventory', key: 'overview', end: true },
  { to: '/inventory/verification', key: 'verification', end: false },
  { to: '/inventory/rounds', key: 'rounds', end: false },
  { to: '/inventory/funding-ending', key: 'fundingEnding', end: false },
  { to: '/inventory/coverage', key: 'coverage', end: false },
] as const

/** Second-level navigation inside the inventory. */
export function InventoryNav() {
  const { t } = useTranslation()
  return (
    <nav className="sub-nav" aria-label={t('inventory.nav.label')}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.key}>
            <NavLink to={tab.to} end={tab.end} className="sub-nav__link">
              {t(`inventory.nav.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
