import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listActors } from '@/api/requests'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { queryKeys } from '@/lib/query-keys'

const SHOWN = 100

/** A space's page: the actors working in the space (organisations and persons), with their type. */
export function SpaceActors({ spaceId, headingId }: { spaceId: string; headingId: string }) {
  const { t } = useTranslation()
  const actors = useQuery({
    queryKey: [...queryKeys.actors.lists, { spaceId, of: 'space' }],
    queryFn: () => listActors({ spaceId, includeArchived: false, limit: SHOWN }),
  })
  return (
    <>
      <div className="section-header">
        <h2 id={headingId}>{t('actors.inSpace.title')}</h2>
        <Link to={`/actors?spaceId=${spaceId}`}>{t('actors.inSpace.all')}</Link>
      </div>
      {actors.isPending ? <Loading /> : actors.isError ? <ProblemAlert error={actors.error} onRetry={() => void actors.refetch()} />
        : actors.data.items.length === 0 ? <p className="muted">{t('actors.inSpace.none')}</p> : (
          <ul className="link-list">
            {actors.data.items.map((a) => (
              <li key={a.id}><Link to={`/actors/${a.id}`}>{a.name}</Link>{a.typeName ? <span
                className="muted"> – {a.typeName}</span> : null}</li>
            ))}
          </ul>
        )}
    </>
  )
}
