import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toProblem, type LocationDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { ConfirmAlert } from '@/components/ui/confirm'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { Link, useParams } from 'react-router'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { QueryFallback } from '@/components/ui/query-fallback'
import { readAllPages, listFundings, MAX_PAGE_SIZE } from '@/api/requests'
import { WhyReadOnly } from '@/components/ui/why-read-only'
import { useWriteAccess } from '@/lib/auth'
import { formatDate } from '@/lib/format'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { queryKeys } from '@/lib/query-keys'
import { usePageTitle } from '@/lib/use-page-title'
import { useArchiveLocation, useLocation, useServiceList } from '../api/inventory'
import { AccessibilityList } from '../components/accessibility-list'
import { FundingTimeline } from '../components/funding-timeline'
import { formatCoordinates } from '../coordinates'
import { InventoryNav } from '../components/inventory-nav'
import { languageName, useTermNames } from '../components/labels'
import { OpeningHoursWeek } from '../components/opening-hours-week'
import { ServiceStatusBadge } from '../components/service-labels'
import { VerifyButton } from '../components/verify-button'
import { locationHistory } from '../history'

/** A facility: its services, opening hours as a week, accessibility, and the funding of its services on a time line. */
export function LocationPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const notice = useNavigationNotice()
  const location = useLocation(id)
  usePageTitle(location.data?.name ?? t('inventory.location.title'))
  const services = useServiceList({ locationId: id, limit: MAX_PAGE_SIZE })
  const serviceItems = services.data?.pages.flatMap((p) => p.items) ?? []
  const fundings = useQueries({
    queries: serviceItems.map((s) => ({
      queryKey: queryKeys.inventory.fundingList({ serviceId: s.id }),
      queryFn: () => readAllPages((cursor) => listFundings({ serviceId: s.id, limit: MAX_PAGE_SIZE, cursor })),
    })),
  })
  const termNames = useTermNames()
  const access = useWriteAccess({ spaceId: location.data?.spaceId })
  const canWrite = access.allowed
  const actions = useLocationActions(location.data, () => location.refetch())

  if (!location.data) {
    return (
      <QueryFallback
        query={location}
        title={t('inventory.location.title')}
        loadingLabel={t('inventory.location.loading')}
        back={{ to: '/inventory', label: t('inventory.location.back') }}
      />
    )
  }
  const l = location.data
  const address = l.addresses[0]
  const allFundings = fundings.flatMap((q) => q.data ?? [])

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inventory">{t('inventory.location.back')}</Link>
      </p>
      <InventoryNav />
      <div className="page-header">
        <h1>
          {l.name}
          {l.archivedAt ? <span className="badge badge--muted">{t('inventory.archived')}</span> : null}
        </h1>
        {canWrite ? actions.buttons : null}
      </div>
      <WhyReadOnly access={access} />
      {canWrite ? actions.panel : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {l.archivedAt ? <Alert tone="info">{t('inventory.location.archivedHint')}</Alert> : null}

      <section className="card" aria-labelledby="location-facts">
        <h2 id="location-facts">{t('inventory.location.facts')}</h2>
        <dl className="facts">
          <dt>{t('inventory.fields.address')}</dt>
          <dd>{address ? `${address.address1}, ${address.postalCode} ${address.city}` : t('common.notSpecified')}</dd>
          <dt>{t('inventory.fields.space')}</dt>
          <dd>
            {l.spaceId ? <Link to={`/spaces/${l.spaceId}`}>{l.spaceName}</Link> : t('common.notSpecified')}
            {l.spaceSource ? <span className="muted small"> ({t(`inventory.spaceSource.${l.spaceSource}`)})</span> : null}
          </dd>
          <dt>{t('inventory.fields.owner')}</dt>
          <dd>{l.ownerActorId ? <Link to={`/actors/${l.ownerActorId}`}>{l.ownerActorName}</Link> : t('common.notSpecified')}</dd>
          {l.latitude != null && l.longitude != null ? (
            <>
              <dt>{t('inventory.fields.coordinates')}</dt>
              <dd>
                {formatCoordinates(l.latitude, l.longitude, t, lng)}
              </dd>
            </>
          ) : null}
          {l.transportation ? (
            <>
              <dt>{t('inventory.fields.transportation')}</dt>
              <dd>{l.transportation}</dd>
            </>
          ) : null}
          {l.languages.length > 0 ? (
            <>
              <dt>{t('inventory.fields.languages')}</dt>
              <dd>{l.languages.map((x) => x.name || languageName(x.code, lng)).join(', ')}</dd>
            </>
          ) : null}
          {l.contacts.length > 0 ? (
            <>
              <dt>{t('inventory.location.contact')}</dt>
              <dd>
                {l.contacts.map((c, i) => (
                  <span key={i} className="block">
                    {[c.name, c.department].filter(Boolean).join(', ')}
                    {c.email ? <> · <a href={`mailto:${c.email}`}>{c.email}</a></> : null}
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="card" aria-labelledby="location-services">
        <h2 id="location-services">{t('inventory.location.services')}</h2>
        {services.isPending ? (
          <Loading label={t('inventory.sections.loading')} />
        ) : serviceItems.length === 0 ? (
          <EmptyState title={t('inventory.location.noServices')} />
        ) : (
          <ul className="service-cards">
            {serviceItems.map((s) => (
              <li key={s.id} className="service-card">
                <h3 className="service-card__title">
                  <Link to={`/inventory/services/${s.id}`}>{s.name}</Link>
                  <ServiceStatusBadge status={s.status} />
                </h3>
                <p className="muted small">
                  {termNames(s.categories)}
                  {s.operatorName ? ` · ${t('inventory.fields.operator')}: ${s.operatorName}` : ''}
                </p>
                {s.description ? <p>{s.description}</p> : null}
                <p className="small">
                  {s.verifiedOn ? t('inventory.service.verifiedOn', { date: formatDate(s.verifiedOn, lng) })
                    : t('inventory.service.neverVerified')}
                  {s.verificationDueOn ? ` · ${t('inventory.service.dueOn', { date: formatDate(s.verificationDueOn, lng) })}` : ''}
                </p>
                {canWrite && !s.archivedAt ? <VerifyButton serviceId={s.id} version={s.version} name={s.name} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="inventory-columns">
        <section className="card" aria-labelledby="location-hours">
          <h2 id="location-hours">{t('inventory.hours.title')}</h2>
          <OpeningHoursWeek rules={l.openingHours} closures={l.closures} headingId="location-hours" />
        </section>
        <section className="card" aria-labelledby="location-access">
          <h2 id="location-access">{t('inventory.access.title')}</h2>
          <AccessibilityList accessibility={l.accessibility} />
        </section>
      </div>

      <section className="card" aria-labelledby="location-funding">
        <h2 id="location-funding">{t('inventory.funding.timelineTitle')}</h2>
        {fundings.some((q) => q.isPending) ? (
          <Loading />
        ) : (
          <FundingTimeline fundings={allFundings} caption={t('inventory.funding.title')} showService />
        )}
      </section>
      <EntityHistory entityId={id} entity={locationHistory} />
    </>
  )
}

/**
 * Edit, add a service, archive (after asking) or restore; both with If-Match, a stale version offers a reload. The buttons
 * go into the page header, the question and errors below it.
 */
function useLocationActions(l: LocationDto | undefined, onReload: () => Promise<unknown>) {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const archive = useArchiveLocation(l?.id ?? '')
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null)
  if (!l) return { buttons: null, panel: null }
  const run = async (toArchive: boolean) => {
    setError(null)
    try {
      await archive.mutateAsync({ archive: toArchive, version: l.version })
      setAsking(false)
    } catch (err) {
      setError({ text: describe(err), stale: toProblem(err).status === 412 })
    }
  }
  const errorText = error ? (
    <div>
      <p>{error.text}</p>
      {error.stale ? (
        <button type="button" className="button button--secondary" onClick={async () => { setError(null); await onReload() }}>
          {t('form.reload')}
        </button>
      ) : null}
    </div>
  ) : null
  return {
    buttons: (
      <div className="button-row">
        {l.archivedAt ? (
          <button type="button" className="button button--secondary" disabled={archive.isPending} onClick={() => void run(false)}>
            {archive.isPending ? t('common.saving') : t('inventory.location.restore')}
          </button>
        ) : (
          <>
            <Link to={`/inventory/locations/${l.id}/edit`} className="button button--primary">
              {t('common.edit')}
            </Link>
            <Link to={`/inventory/services/new?locationId=${l.id}`} className="button button--secondary">
              {t('inventory.location.addService')}
            </Link>
            <button type="button" className="button button--secondary" onClick={() => { setError(null); setAsking(true) }}>
              {t('inventory.location.archive')}
            </button>
          </>
        )}
      </div>
    ),
    panel: asking && !l.archivedAt ? (
        <ConfirmAlert title={t('inventory.location.archiveTitle', { name: l.name })} text={t('inventory.location.archiveText')}
          error={errorText} confirmLabel={t('inventory.location.archive')} pending={archive.isPending}
          onConfirm={() => void run(true)} onCancel={() => setAsking(false)} />
      ) : error ? (
        <Alert tone="error">{errorText}</Alert>
      ) : null,
  }
}
