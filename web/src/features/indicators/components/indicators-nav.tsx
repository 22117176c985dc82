import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import '../indicators.css'

const TABS = [
  { to: '/indicators', key: 'catalogue', end: true },
  { to: '/indicators/sets', key: 'sets', end: false },
  { to: '/indicators/import', key: 'import', end: false },
  { to: '/indicators/entry', key: 'entry', end: true },
  { to: '/indicators/entry-grid', key: 'grid', end: false },
  { to: '/indicators/rating', key: 'rating', end: false },
  { to: '/indicators/map', key: 'map', end: false },
] as const

/** Second-level navigation inside the indicators area. */
export function IndicatorsNav() {
  const { t } = useTranslation()
  return (
    <nav className="sub-nav" aria-label={t('indicators.subnav')}>
      <ul>
        {TABS.map((tab) => (
          <li key={tab.key}>
            <NavLink to={tab.to} end={tab.end} className="sub-nav__link">
              {t(`indicators.tabs.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
