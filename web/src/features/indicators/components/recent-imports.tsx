import { useTranslation } from 'react-i18next'
import type { RecentImportDto } from '@/api'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { formatDateTime } from '@/lib/format'
import { useRecentImports } from '../api/indicators'

/** The counts the list names (in this order); others an import may carry stay out of the short line. */
const COUNTS = ['rows', 'created', 'updated', 'records', 'organizations', 'locations', 'services'] as const

/**
 * The start page's "Letzte Importe": the latest imports of indicator values, spaces and the inventory, newest first, with
 * when, by whom and their counts (from the audit trail, readable by every account).
 */
export function RecentImports({ headingId }: { headingId: string }) {
  const { t, i18n } = useTranslation()
  const imports = useRecentImports()
  const counts = (i: RecentImportDto) =>
    COUNTS.filter((k) => i.counts[k] !== undefined).map((k) => t(`indicators.recentImports.counts.${k}`, { count: i.counts[k] })).join(', ')
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('indicators.recentImports.title')}</h2>
      {imports.isPending ? (
        <Loading label={t('indicators.recentImports.loading')} />
      ) : imports.isError ? (
        <ProblemAlert error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.length === 0 ? (
        <p className="muted">{t('indicators.recentImports.none')}</p>
      ) : (
        <ul className="compact-list">
          {imports.data.map((i) => (
            <li key={i.id}>
              <strong>{t(`indicators.recentImports.kinds.${i.kind}`)}</strong>{' '}
              <span className="muted small">
                <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt, i18n.language)}</time>
                {' · '}{i.by ?? t('indicators.recentImports.system')}
              </span>
              {counts(i) ? <span className="small block">{counts(i)}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
