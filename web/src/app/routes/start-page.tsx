import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { FundingEndingSoon } from '@/features/inventory/components/inventory-sections'
import { AttentionList } from '@/features/networks/components/attention-list'
import { useCurrentUser } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'

/** The areas with a tile of their own, in this order: heading nav.<area>, text start.<area>, button start.<open>. */
const TILES = [
  { area: 'networks', to: '/networks', open: 'openNetworks' },
  { area: 'tasks', to: '/tasks', open: 'openTasks' },
  { area: 'map', to: '/network-map', open: 'openMap' },
  { area: 'spaces', to: '/spaces', open: 'openSpaces' },
  { area: 'actors', to: '/actors', open: 'openActors' },
] as const

/** The start page: the networks needing attention (from the networks feature) and a tile per area. */
export function StartPage() {
  const { t } = useTranslation()
  usePageTitle(t('start.title'))
  const { data: user } = useCurrentUser()
  return (
    <>
      <h1>{user ? t('start.greeting', { name: user.displayName }) : t('start.title')}</h1>
      <p className="lead">{t('start.intro')}</p>
      <AttentionList headingId="attention" />
      <FundingEndingSoon headingId="funding-ending" />
      <div className="tiles">
        {TILES.map(({ area, to, open }) => (
          <section key={area} className="card tile" aria-labelledby={`tile-${area}`}>
            <h2 id={`tile-${area}`}>{t(`nav.${area}`)}</h2>
            <p>{t(`start.${area}`)}</p>
            <Link to={to} className="button button--secondary">
              {t(`start.${open}`)}
            </Link>
          </section>
        ))}
        <section className="card tile tile--wide" aria-labelledby="tile-inventory">
          <h2 id="tile-inventory">{t('nav.inventory')}</h2>
          <p>{t('inventory.startTile')}</p>
          <Link to="/inventory" className="button button--secondary">
            {t('inventory.openTile')}
          </Link>
        </section>
      </div>
      <section className="card" aria-labelledby="upcoming">
        <h2 id="upcoming">{t('start.upcomingTitle')}</h2>
        <ul className="upcoming">
          <li>
            <strong>{t('nav.indicators')}</strong> – {t('start.upcoming.indicators')}
          </li>
        </ul>
      </section>
    </>
  )
}
