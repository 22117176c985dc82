import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useNetworksNeedingAttention } from '../api/networks'
import { useAttentionReasonTexts } from './network-labels'
import { StatusBadge } from './status-badge'
import '../networks.css'

/** "Netzwerke mit Handlungsbedarf": each network with its reasons in words and a link to it. */
export function AttentionList({ headingId }: { headingId: string }) {
  const { t } = useTranslation()
  const attention = useNetworksNeedingAttention()
  const reasonTexts = useAttentionReasonTexts()
  return (
    <section className="card attention" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{t('networks.attention.title')}</h2>
        <Link to="/networks" className="button button--link">
          {t('networks.attention.allNetworks')}
        </Link>
      </div>
      <p className="hint">{t('networks.attention.intro')}</p>
      {attention.isPending ? (
        <Loading label={t('networks.attention.loading')} />
      ) : attention.isError ? (
        <ProblemAlert error={attention.error} onRetry={() => void attention.refetch()} />
      ) : attention.data.length === 0 ? (
        <EmptyState title={t('networks.attention.none')} />
      ) : (
        <ul className="attention__list">
          {attention.data.map((h) => (
            <li key={h.networkId} className="attention__item">
              <p className="attention__name">
                <Link to={`/networks/${h.networkId}`}>{h.networkName}</Link>{' '}
                <span className="muted small">
                  {t(`terms.networkKinds.${h.kind}`)} · <StatusBadge status={h.status} />
                </span>
              </p>
              <ul className="reason-list">
                {reasonTexts(h).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
