import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listTasks } from '@/api/requests'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { queryKeys } from '@/lib/query-keys'
import { DueDate } from './due-date'

/** An actor's page: the agreements it is responsible for, by due date, with network and status. */
export function ActorAgreements({ actorId, headingId }: { actorId: string; headingId: string }) {
  const { t } = useTranslation()
  const tasks = useQuery({
    queryKey: [...queryKeys.tasks.all, 'of-actor', actorId],
    queryFn: () => listTasks({ responsibleActorId: actorId, limit: 100 }),
  })
  return (
    <>
      <h2 id={headingId}>{t('tasks.ofActor.title')}</h2>
      {tasks.isPending ? <Loading /> : tasks.isError ? <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
        : tasks.data.items.length === 0 ? <p className="muted">{t('tasks.ofActor.none')}</p> : (
          <Table caption={t('tasks.ofActor.caption')} className="table--compact"
            columns={[t('tasks.ofActor.agreement'), t('tasks.ofActor.network'), t('tasks.ofActor.status'), t('tasks.ofActor.due')]}>
            {tasks.data.items.map((x) => (
              <tr key={x.id}>
                <th scope="row">{x.title}</th>
                <td><Link to={`/networks/${x.networkId}`}>{x.networkName}</Link></td>
                <td>{t(`tasks.statuses.${x.status}`)}</td>
                <td><DueDate task={x} /></td>
              </tr>
            ))}
          </Table>
        )}
    </>
  )
}
