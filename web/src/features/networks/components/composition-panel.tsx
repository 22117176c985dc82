import { useTranslation } from 'react-i18next'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { formatDate, formatPercent } from '@/lib/format'
import { useNetworkComposition } from '../api/networks'
import '../networks.css'

/** Who sits in the network today: state, civil society and economy, by actor type and role. */
export function CompositionPanel({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const composition = useNetworkComposition(networkId)
  if (composition.isPending) return <Loading label={t('networks.composition.loading')} />
  if (composition.isError) return <ProblemAlert error={composition.error} onRetry={() => void composition.refetch()} />
  const c = composition.data
  if (c.total === 0) return <EmptyState title={t('networks.composition.empty')} />
  return (
    <>
      <p>
        {t('networks.composition.summary', { count: c.total, organisations: c.organisations, persons: c.persons, date: formatDate(c.on, lng) })}
      </p>
      <div className="composition">
        <div>
          <h3 className="subheading">{t('networks.composition.bySector')}</h3>
          <ul className="bar-list">
            {c.sectors.map((s) => (
              <li key={s.sector}>
                <div className="bar-list__label">
                  <span>{t(`terms.sectors.${s.sector}`)}</span>
                  <span>
                    {t('networks.composition.countShare', { count: s.count, share: formatPercent(s.share, lng) })}
                  </span>
                </div>
                <div className="bar" aria-hidden="true">
                  <span className={`bar__fill bar__fill--${s.sector}`} style={{ width: `${Math.round(s.share * 100)}%` }} />
                </div>
                {s.types.length > 0 ? (
                  <p className="small muted">
                    {s.types.map((ty) => `${(lng === 'en' ? ty.nameEn : ty.nameDe) || ty.typeCode} (${ty.count})`).join(', ')}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="subheading">{t('networks.composition.byRole')}</h3>
          <ul className="plain-list">
            {c.roles.map((r) => (
              <li key={r.role}>
                {t(`networks.roles.${r.role}`)}: <strong>{r.count}</strong>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  )
}
