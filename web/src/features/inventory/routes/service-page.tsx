import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { EntityHistory } from '@/components/history/entity-history'
import { Alert } from '@/components/ui/feedback'
import { QueryFallback } from '@/components/ui/query-fallback'
import { WhyReadOnly } from '@/components/ui/why-read-only'
import { useWriteAccess } from '@/lib/auth'
import { formatDate } from '@/lib/format'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { usePageTitle } from '@/lib/use-page-title'
import { useCapacity, useService, useServiceFundings } from '../api/inventory'
import { CapacitySection } from '../components/capacity-section'
import { FundingTimeline } from '../components/funding-timeline'
import { InventoryNav } from '../components/inventory-nav'
import { useTermNames } from '../components/labels'
import { useAgeText } from '../components/age-text'
import { ServiceStatusBadge } from '../components/service-labels'
import { VerifyButton } from '../components/verify-button'
import { serviceHistory } from '../history'

/** A service: what it offers and for whom, where, its operator, verification, capacity and funding. */
export function ServicePage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const notice = useNavigationNotice()
  const service = useService(id)
  const fundings = useServiceFundings(id)
  const capacity = useCapacity(id)
  usePageTitle(service.data?.name ?? t('inventory.service.title'))
  const termNames = useTermNames()
  const ageText = useAgeText()
  // a service is inside a space subtree only when all its places are: its locations' spaces and the spaces it serves
  const access = useWriteAccess(service.data
    ? { spaceIds: [...service.data.locations.map((l) => l.spaceId), ...service.data.servedSpaceIds] }
    : undefined)
  const canWrite = access.allowed

  if (!service.data) {
    return (
      <QueryFallback query={service} title={t('inventory.service.title')} loadingLabel={t('inventory.service.loading')}
        back={{ to: '/inventory', label: t('inventory.location.back') }} />
    )
  }
  const s = service.data
  return (
    <>
      <p className="breadcrumb">
        {s.locations[0] ? (
          <Link to={`/inventory/locations/${s.locations[0].locationId}`}>{t('inventory.service.back',
            { name: s.locations[0].locationName })}</Link>
        ) : (
          <Link to="/inventory">{t('inventory.location.back')}</Link>
        )}
      </p>
      <InventoryNav />
      <div className="page-header">
        <h1>
          {s.name}
          <ServiceStatusBadge status={s.status} />
        </h1>
        {canWrite && !s.archivedAt ? (
          <div className="button-row">
            <VerifyButton serviceId={s.id} version={s.version} name={s.name} />
            <Link to={`/inventory/services/${s.id}/edit`} className="button button--secondary">
              {t('common.edit')}
            </Link>
          </div>
        ) : null}
      </div>
      <WhyReadOnly access={access} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <section className="card" aria-labelledby="service-facts">
        <h2 id="service-facts">{t('inventory.location.facts')}</h2>
        {s.description ? <p>{s.description}</p> : null}
        <dl className="facts">
          <dt>{t('inventory.fields.categories')}</dt>
          <dd>{termNames(s.categories) || t('common.none')}</dd>
          <dt>{t('inventory.fields.targetGroups')}</dt>
          <dd>
            {termNames(s.targetGroups) || t('common.notSpecified')}
            {ageText(s) ? ` · ${ageText(s)}` : ''}
          </dd>
          <dt>{t('inventory.fields.operator')}</dt>
          <dd>{s.operatorId ? <Link to={`/actors/${s.operatorId}`}>{s.operatorName}</Link> : t('common.notSpecified')}</dd>
          <dt>{t('inventory.fields.locations')}</dt>
          <dd>
            {s.locations.map((l) => (
              <Link key={l.id} to={`/inventory/locations/${l.locationId}`} className="block">
                {l.locationName}
              </Link>
            ))}
          </dd>
          {s.applicationProcess ? (
            <>
              <dt>{t('inventory.fields.applicationProcess')}</dt>
              <dd>{s.applicationProcess}</dd>
            </>
          ) : null}
          {s.feesDescription || s.isFree ? (
            <>
              <dt>{t('inventory.fields.fees')}</dt>
              <dd>{s.isFree ? t('inventory.service.isFree') : s.feesDescription}</dd>
            </>
          ) : null}
          <dt>{t('inventory.fields.verified')}</dt>
          <dd>
            {s.verifiedOn ? t('inventory.service.verifiedOn', { date: formatDate(s.verifiedOn, lng) })
              : t('inventory.service.neverVerified')}
            {s.verificationDueOn ? ` · ${t('inventory.service.dueOn', { date: formatDate(s.verificationDueOn, lng) })}` : ''}
          </dd>
        </dl>
      </section>
      <CapacitySection service={s} entries={capacity.data ?? []} canWrite={canWrite && !s.archivedAt} />
      <section className="card" aria-labelledby="service-funding">
        <h2 id="service-funding">{t('inventory.funding.title')}</h2>
        <FundingTimeline fundings={fundings.data ?? []} caption={t('inventory.funding.title')} />
      </section>
      <EntityHistory entityId={id} entity={serviceHistory} />
    </>
  )
}
