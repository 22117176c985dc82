import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listNetworks } from '@/api/requests'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { queryKeys } from '@/lib/query-keys'
import { StatusBadge } from './status-badge'

/** A space's page: the networks working for the space, with kind and status. */
export function SpaceNetworks({ spaceId, headingId }: { spaceId: string; headingId: string }) {
  const { t } = useTranslation()
  const networks = useQuery({
    queryKey: [...queryKeys.networks.all, 'of-space', spaceId],
    queryFn: () => listNetworks({ spaceId, limit: 100 }),
  })
  return (
    <>
      <h2 id={headingId}>{t('networks.inSpace.title')}</h2>
      {networks.isPending ? <Loading /> : networks.isError ? <ProblemAlert error={networks.error} onRetry={() => void networks.refetch()} />
        : networks.data.items.length === 0 ? <p className="muted">{t('networks.inSpace.none')}</p> : (
          <ul className="link-list">
            {networks.data.items.map((n) => (
              <li key={n.id}><Link to={`/networks/${n.id}`}>{n.name}</Link>{' '}
                <span className="muted small">{t(`terms.networkKinds.${n.kind}`)} · <StatusBadge status={n.status} /></span></li>
            ))}
          </ul>
        )}
    </>
  )
}
