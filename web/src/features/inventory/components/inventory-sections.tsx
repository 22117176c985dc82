import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ServiceDto } from '@/api'
import { MAX_PAGE_SIZE, listVerificationQueue } from '@/api/requests'
import { queryKeys } from '@/lib/query-keys'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { LoadMore } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { formatNumber } from '@/lib/format'
import { useFundingsBy, useFundingsEnding, useLocationList, useServiceList } from '../api/inventory'
import { FundingEndingTable } from './funding-ending-list'
import { useTermNames } from './labels'
import { ServiceStatusBadge } from './service-labels'
import '../inventory.css'

/**
 * Parts of the inventory that other pages show (put together in app/routes): a space's facilities and services, the
 * services an actor runs and funds, a network's services, and the start page's "Förderung endet bald".
 */

function ServiceList({ services }: { services: readonly Pick<ServiceDto, 'id' | 'name' | 'status' | 'categories' | 'operatorName'>[] }) {
  const termNames = useTermNames()
  return (
    <ul className="inventory-list">
      {services.map((s) => (
        <li key={s.id}>
          <Link to={`/inventory/services/${s.id}`}>{s.name}</Link>
          <ServiceStatusBadge status={s.status} />
          <span className="muted small block">
            {[termNames(s.categories), s.operatorName].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** A space's facilities (with the spaces below it) and the services there. */
export function SpaceInventory({ spaceId, headingId }: { spaceId: string; headingId: string }) {
  const { t } = useTranslation()
  const locations = useLocationList({ spaceId })
  const services = useServiceList({ spaceId })
  const locationItems = locations.data?.pages.flatMap((p) => p.items) ?? []
  const serviceItems = services.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <div className="section-header">
        <h2 id={headingId}>{t('inventory.sections.spaceTitle')}</h2>
        <Link to={`/inventory?spaceId=${spaceId}`}>{t('inventory.mapTitle')}</Link>
      </div>
      {locations.isPending ? (
        <Loading label={t('inventory.loading')} />
      ) : locations.isError ? (
        <ProblemAlert error={locations.error} onRetry={() => void locations.refetch()} />
      ) : locationItems.length === 0 ? (
        <EmptyState title={t('inventory.sections.spaceEmpty')} />
      ) : (
        <div className="inventory-columns">
          <div>
            <h3>{t('inventory.listTitle')}</h3>
            <ul className="inventory-list">
              {locationItems.map((l) => (
                <li key={l.id}>
                  <Link to={`/inventory/locations/${l.id}`}>{l.name}</Link>
                  <span className="muted small block">{[l.spaceName, l.ownerActorName].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
            </ul>
            <LoadMore query={locations} small />
          </div>
          <div>
            <h3>{t('inventory.sections.spaceServices')}</h3>
            {services.isPending ? <Loading /> : <ServiceList services={serviceItems} />}
            <LoadMore query={services} small />
          </div>
        </div>
      )}
    </>
  )
}

/** The services an actor runs and those it funds. */
export function ActorInventory({ actorId, headingId }: { actorId: string; headingId: string }) {
  const { t, i18n } = useTranslation()
  const runs = useServiceList({ operatorId: actorId, limit: MAX_PAGE_SIZE })
  const funds = useFundingsBy(actorId)
  const runItems = runs.data?.pages.flatMap((p) => p.items) ?? []
  const funded = [...new Map((funds.data ?? []).map((f) => [f.serviceId, f])).values()]
  return (
    <>
      <h2 id={headingId}>{t('inventory.fields.services')}</h2>
      <div className="inventory-columns">
        <div>
          <h3>{t('inventory.sections.actorRuns')}</h3>
          {runs.isPending ? <Loading /> : runItems.length === 0 ? <p className="muted">{t('inventory.sections.actorRunsEmpty')}</p>
            : <ServiceList services={runItems} />}
          <LoadMore query={runs} small />
        </div>
        <div>
          <h3>{t('inventory.sections.actorFunds')}</h3>
          {funds.isPending ? <Loading /> : funded.length === 0 ? <p className="muted">{t('inventory.sections.actorFundsEmpty')}</p> : (
            <ul className="inventory-list">
              {funded.map((f) => (
                <li key={f.serviceId}>
                  <Link to={`/inventory/services/${f.serviceId}`}>{f.serviceName}</Link>
                  <span className="muted small block">
                    {[f.programme, f.sharePercent != null ? `${formatNumber(f.sharePercent, i18n.language)} %` : null]
                      .filter(Boolean).join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </>
  )
}

/** The services that belong to a network. */
export function NetworkServices({ networkId, headingId }: { networkId: string; headingId: string }) {
  const { t } = useTranslation()
  const services = useServiceList({ networkId })
  const items = services.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <h2 id={headingId}>{t('inventory.sections.networkTitle')}</h2>
      {services.isPending ? <Loading label={t('inventory.sections.loading')} /> : services.isError
        ? <ProblemAlert error={services.error} onRetry={() => void services.refetch()} />
        : items.length === 0 ? <p className="muted">{t('inventory.sections.networkEmpty')}</p> : <ServiceList services={items} />}
      <LoadMore query={services} small />
    </>
  )
}

const START_LIMIT = 6

/** The start page's "Förderung endet bald": the next fundings to run out within six months, and a link to all of them. */
export function FundingEndingSoon({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const ending = useFundingsEnding({}, START_LIMIT)
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{t('inventory.ending.startTitle')}</h2>
        <Link to="/inventory/funding-ending">{t('inventory.ending.showAll')}</Link>
      </div>
      {ending.isPending ? (
        <Loading label={t('inventory.ending.loading')} />
      ) : ending.isError ? (
        <ProblemAlert error={ending.error} onRetry={() => void ending.refetch()} />
      ) : ending.data.items.length === 0 ? (
        <p className="muted">{t('inventory.ending.startEmpty')}</p>
      ) : (
        <FundingEndingTable items={ending.data.items} caption={t('inventory.ending.caption')} compact />
      )}
    </section>
  )
}

/** The start page's "Überfällig zu prüfen": the services whose verification is overdue, longest overdue first. */
export function VerificationOverdue({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const queue = useQuery({
    queryKey: [...queryKeys.inventory.verificationQueue({}), 'start'],
    queryFn: () => listVerificationQueue({ limit: START_LIMIT }),
  })
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{t('inventory.overdueStart.title')}</h2>
        <Link to="/inventory/verification">{t('inventory.overdueStart.showAll')}</Link>
      </div>
      {queue.isPending ? (
        <Loading label={t('inventory.overdueStart.loading')} />
      ) : queue.isError ? (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <p className="muted">{t('inventory.overdueStart.none')}</p>
      ) : (
        <ul className="compact-list">
          {queue.data.items.map((i) => (
            <li key={i.serviceId}>
              <Link to={`/inventory/services/${i.serviceId}`}>{i.name}</Link>{' '}
              <span className="muted small">{i.daysOverdue !== undefined
                ? t('inventory.overdueStart.days', { count: i.daysOverdue }) : t('inventory.overdueStart.never')}
                {i.operatorName ? ` · ${i.operatorName}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
