import { useId, useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { NetworkLinkType, NetworkStatus, type NetworkDto, type NetworkLinkDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { Alert } from '@/components/ui/feedback'
import { InlineList } from '@/components/ui/inline-list'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { WhyReadOnly } from '@/components/ui/why-read-only'
import { useWriteAccess } from '@/lib/auth'
import { formatDate, today } from '@/lib/format'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { useDateRangeText } from '@/lib/period'
import { usePageTitle } from '@/lib/use-page-title'
import { useEndNetwork, useNetwork } from '../api/networks'
import { CompositionPanel } from '../components/composition-panel'
import { HealthPanel } from '../components/health-panel'
import { cadenceText } from '../components/network-labels'
import { NetworkMembers } from '../components/network-members'
import { NetworkMeetings } from '../components/network-meetings'
import { StatusBadge } from '../components/status-badge'
import '../networks.css'
import { networkHistory } from '../history'

/** What the page shows under "Verabredungen": the agreements of the network (the tasks feature's, put in by the route). */
export type NetworkAgreementsSlot = ComponentType<{ networkId: string; networkName: string; canWrite: boolean; headingId: string }>

/** What the page shows under "Angebote": the services that belong to the network (the inventory's, put in by the route). */
export type NetworkServicesSlot = ComponentType<{ networkId: string; headingId: string }>

export function NetworkDetailPage({ agreements: Agreements, services: Services, servicesLabel }: { agreements: NetworkAgreementsSlot;
  services?: NetworkServicesSlot; servicesLabel?: string }) {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const notice = useNavigationNotice()
  const network = useNetwork(id)
  usePageTitle(network.data?.name ?? t('networks.detail.title'))
  const access = useWriteAccess({ networkId: id })
  const canWrite = access.allowed
  const [confirmEnd, setConfirmEnd] = useState(false)

  if (!network.data) {
    return (
      <QueryFallback
        query={network}
        title={t('networks.detail.title')}
        loadingLabel={t('networks.detail.loading')}
        back={{ to: '/networks', label: t('networks.backToList') }}
      />
    )
  }
  const n = network.data
  const ended = n.status === NetworkStatus.Ended

  return (
    <>
      <p className="breadcrumb">
        <Link to="/networks">{t('networks.backToList')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{n.name}</h1>
          <p className="page-header__meta">
            {t(`terms.networkKinds.${n.kind}`)} · <StatusBadge status={n.status} />
          </p>
        </div>
        {canWrite ? (
          <div className="page-header__actions">
            <Link to={`/networks/${n.id}/edit`} className="button button--primary">
              {t('common.edit')}
            </Link>
            {!ended && !confirmEnd ? (
              <button type="button" className="button button--secondary" onClick={() => setConfirmEnd(true)}>
                {t('networks.end')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <WhyReadOnly access={access} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {confirmEnd ? <EndNetwork network={n} onDone={() => setConfirmEnd(false)} /> : null}

      <nav className="toc" aria-label={t('networks.detail.toc')}>
        <ul>
          <li>
            <a href="#network-mandate">{t('networks.fields.mandate')}</a>
          </li>
          <li>
            <a href="#network-facts">{t('networks.detail.facts')}</a>
          </li>
          <li>
            <a href="#network-health">{t('networks.health.title')}</a>
          </li>
          <li>
            <a href="#network-composition">{t('networks.composition.title')}</a>
          </li>
          <li>
            <a href="#network-members">{t('networks.members.title')}</a>
          </li>
          <li>
            <a href="#network-meetings">{t('networks.meetings.title')}</a>
          </li>
          <li>
            <a href="#network-agreements">{t('networks.detail.agreements')}</a>
          </li>
          {Services && servicesLabel ? (
            <li>
              <a href="#network-services">{servicesLabel}</a>
            </li>
          ) : null}
        </ul>
      </nav>

      <MandateSection network={n} />

      <section className="card" aria-labelledby="network-facts">
        <h2 id="network-facts">{t('networks.detail.facts')}</h2>
        <Facts network={n} />
      </section>

      <section className="card" aria-labelledby="network-health">
        <h2 id="network-health">{t('networks.health.title')}</h2>
        <HealthPanel networkId={n.id} />
      </section>

      <section className="card" aria-labelledby="network-composition">
        <h2 id="network-composition">{t('networks.composition.title')}</h2>
        <CompositionPanel networkId={n.id} />
      </section>

      <section className="card" aria-labelledby="network-members">
        <NetworkMembers networkId={n.id} networkName={n.name} canWrite={canWrite} />
      </section>

      <section className="card" aria-labelledby="network-meetings">
        <NetworkMeetings networkId={n.id} networkName={n.name} canWrite={canWrite} />
      </section>

      <section className="card" aria-labelledby="network-agreements">
        <Agreements networkId={n.id} networkName={n.name} canWrite={canWrite} headingId="network-agreements" />
      </section>

      {Services ? (
        <section className="card" aria-labelledby="network-services">
          <Services networkId={n.id} headingId="network-services" />
        </section>
      ) : null}
      <EntityHistory entityId={id} entity={networkHistory} />
    </>
  )
}

/** The mandate first and prominent: why the network meets, who gave it the task, what it does. */
function MandateSection({ network: n }: { network: NetworkDto }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const legitimation =
    n.mandatedBy && n.mandatedOn
      ? t('networks.detail.mandatedByOn', { by: n.mandatedBy, date: formatDate(n.mandatedOn, lng) })
      : n.mandatedBy
        ? t('networks.detail.mandatedBy', { by: n.mandatedBy })
        : n.mandatedOn
          ? t('networks.detail.mandatedOn', { date: formatDate(n.mandatedOn, lng) })
          : null
  return (
    <section className="card mandate" aria-labelledby="network-mandate">
      <h2 id="network-mandate">{t('networks.fields.mandate')}</h2>
      {n.mandate ? (
        <p className="mandate__text pre-line">{n.mandate}</p>
      ) : (
        <Alert tone="warning">
          <p>{t('networks.detail.noMandate')}</p>
        </Alert>
      )}
      <dl className="facts">
        <dt>{t('networks.detail.legitimation')}</dt>
        <dd>
          {legitimation ?? t('common.notSpecified')}
          {n.legitimationNote ? <span className="pre-line block muted">{n.legitimationNote}</span> : null}
        </dd>
        <dt>{t('networks.fields.functions')}</dt>
        <dd>
          <InlineList items={n.functions} empty={t('common.notSpecified')} tags itemKey={(f) => f}>
            {(f) => t(`networks.functions.${f}`)}
          </InlineList>
        </dd>
        <dt>{t('networks.fields.goals')}</dt>
        <dd>
          {n.goals.length === 0 ? (
            t('common.notSpecified')
          ) : (
            <ul className="goal-list">
              {n.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
  )
}

function Facts({ network: n }: { network: NetworkDto }) {
  const { t } = useTranslation()
  const dateRange = useDateRangeText()
  const period = dateRange(n.startedOn, n.endedOn)
  return (
    <dl className="facts">
      <dt>{t('networks.fields.kind')}</dt>
      <dd>{t(`terms.networkKinds.${n.kind}`)}</dd>
      <dt>{t('networks.fields.status')}</dt>
      <dd>
        <StatusBadge status={n.status} />
      </dd>
      <dt>{t('networks.detail.period')}</dt>
      <dd>{period}</dd>
      <dt>{t('networks.fields.cadence')}</dt>
      <dd>{cadenceText(t, n.cadenceInterval, n.cadenceUnit)}</dd>
      <dt>{t('networks.fields.coordinator')}</dt>
      <dd>
        {n.coordinatorActorId ? <Link to={`/actors/${n.coordinatorActorId}`}>{n.coordinatorActorName ?? n.coordinatorActorId}</Link>
          : t('common.notSpecified')}
      </dd>
      <dt>{t('networks.fields.spaces')}</dt>
      <dd>
        <InlineList items={n.spaces} empty={t('common.none')} itemKey={(s) => s.id}>
          {(s) => <Link to={`/spaces/${s.id}`}>{s.name}</Link>}
        </InlineList>
      </dd>
      <dt>{t('networks.detail.links')}</dt>
      <dd>
        {n.links.length + n.incomingLinks.length === 0 ? (
          t('common.none')
        ) : (
          <ul className="link-list">
            {n.links.map((l) => (
              <LinkItem key={`out-${l.networkId}`} link={l} direction="out" />
            ))}
            {n.incomingLinks.map((l) => (
              <LinkItem key={`in-${l.networkId}`} link={l} direction="in" />
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('networks.list.members')}</dt>
      <dd>{t('networks.detail.memberCount', { count: n.memberCount })}</dd>
    </dl>
  )
}

/** "entsendet Delegierte in X", "berichtet an X"; incoming: "erhält Delegierte von X", "erhält Berichte von X". */
function LinkItem({ link, direction }: { link: NetworkLinkDto; direction: 'out' | 'in' }) {
  const { t } = useTranslation()
  const key = `networks.linkPhrases.${direction}.${link.type === NetworkLinkType.DelegatesTo ? 'delegatesTo' : 'reportsTo'}`
  return (
    <li>
      {t(key)} <Link to={`/networks/${link.networkId}`}>{link.networkName}</Link>
      {link.note ? <span className="muted"> – {link.note}</span> : null}
    </li>
  )
}

/** Ends the network on a day (If-Match with the loaded version). */
function EndNetwork({ network, onDone }: { network: NetworkDto; onDone: () => void }) {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const end = useEndNetwork(network.id)
  const [endedOn, setEndedOn] = useState(today())
  const id = useId()
  return (
    <Alert tone="warning" title={t('networks.endTitle')}>
      <p>{t('networks.endText', { name: network.name })}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          end.mutate({ endedOn, version: network.version }, { onSuccess: onDone })
        }}
      >
        <div className="field">
          <label htmlFor={id} className="field__label">
            {t('networks.fields.endedOn')}
          </label>
          <input id={id} type="date" className="input" required value={endedOn} onChange={(e) => setEndedOn(e.target.value)} />
        </div>
        <button type="submit" className="button button--danger" disabled={end.isPending || !endedOn}>
          {t('networks.endConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </form>
      {end.isError ? <p className="field__error">{describe(end.error)}</p> : null}
    </Alert>
  )
}
