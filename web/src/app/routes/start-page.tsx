import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCurrentUser } from '@/lib/auth'
import { AttentionList } from '@/features/networks/components/attention-list'
import { usePageTitle } from '@/lib/use-page-title'

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
      <div className="tiles">
        <section className="card tile" aria-labelledby="tile-networks">
          <h2 id="tile-networks">{t('nav.networks')}</h2>
          <p>{t('start.networks')}</p>
          <Link to="/networks" className="button button--secondary">
            {t('start.openNetworks')}
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-tasks">
          <h2 id="tile-tasks">{t('nav.tasks')}</h2>
          <p>{t('start.tasks')}</p>
          <Link to="/tasks" className="button button--secondary">
            {t('start.openTasks')}
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-map">
          <h2 id="tile-map">{t('nav.map')}</h2>
          <p>{t('start.map')}</p>
          <Link to="/network-map" className="button button--secondary">
            {t('start.openMap')}
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-spaces">
          <h2 id="tile-spaces">{t('nav.spaces')}</h2>
          <p>{t('start.spaces')}</p>
          <Link to="/spaces" className="button button--secondary">
            {t('start.openSpaces')}
          </Link>
        </section>
        <section className="card tile" aria-labelledby="tile-actors">
          <h2 id="tile-actors">{t('nav.actors')}</h2>
          <p>{t('start.actors')}</p>
          <Link to="/actors" className="button button--secondary">
            {t('start.openActors')}
          </Link>
        </section>
      </div>
      <section className="card" aria-labelledby="upcoming">
        <h2 id="upcoming">{t('start.upcomingTitle')}</h2>
        <ul className="upcoming">
          <li>
            <strong>{t('nav.inventory')}</strong> – {t('start.upcoming.inventory')}
          </li>
          <li>
            <strong>{t('nav.indicators')}</strong> – {t('start.upcoming.indicators')}
          </li>
        </ul>
      </section>
    </>
  )
}
