import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AgreementStatus, type TaskDto } from '@/api'
import { listTasks } from '@/api/requests'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { queryKeys } from '@/lib/query-keys'
import { DueDate } from './due-date'

const SOON_DAYS = 30
const SHOWN = 6

/** Open agreements that are overdue or due within {@link SOON_DAYS} days, the first {@link SHOWN}. */
function dueSoon(items: TaskDto[]): TaskDto[] {
  const soon = new Date(Date.now() + SOON_DAYS * 86_400_000).toISOString().slice(0, 10)
  return items
    .filter((x) => (x.status === AgreementStatus.Open || x.status === AgreementStatus.InProgress) && !!x.dueDate
      && (x.isOverdue || x.dueDate <= soon))
    .slice(0, SHOWN)
}

/** The start page's "Meine Verabredungen": the open agreements of the actor the user acts as, overdue or due within 30 days. */
export function MyAgreementsDueSoon({ actorId }: { actorId: string }) {
  const { t } = useTranslation()
  const tasks = useQuery({
    queryKey: [...queryKeys.tasks.all, 'mine', actorId],
    queryFn: () => listTasks({ responsibleActorId: actorId, limit: 100 }),
  })
  if (tasks.isPending) return <Loading />
  if (tasks.isError) return <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
  const due = dueSoon(tasks.data.items)
  if (due.length === 0) return <p className="muted">{t('start.myAgreements.none')}</p>
  return (
    <Table caption={t('start.myAgreements.caption')} className="table--compact"
      columns={[t('start.myAgreements.title2'), t('start.myAgreements.network'), t('start.myAgreements.due')]}>
      {due.map((x) => (
        <tr key={x.id}>
          <th scope="row">{x.title}</th>
          <td><Link to={`/networks/${x.networkId}`}>{x.networkName}</Link></td>
          <td><DueDate task={x} /></td>
        </tr>
      ))}
    </Table>
  )
}
