import { useQueries, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, Attendance } from '@/api'
import { listNetworks } from '@/api/requests'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { formatDate } from '@/lib/format'
import { queryKeys } from '@/lib/query-keys'

const RECENT = 10

/**
 * An actor's page: the networks it is a member of, with its role there, and the meetings it attended (present) out of
 * the last ten meetings it was recorded for, with the last one.
 */
export function ActorNetworks({ actorId, headingId }: { actorId: string; headingId: string }) {
  const { t, i18n } = useTranslation()
  const networks = useQuery({
    queryKey: [...queryKeys.networks.all, 'of-actor', actorId],
    queryFn: () => listNetworks({ memberActorId: actorId, limit: 100 }),
  })
  const items = networks.data?.items ?? []
  const details = useQueries({
    queries: items.map((n) => ({
      queryKey: [...queryKeys.networks.all, 'actor-detail', n.id, actorId],
      queryFn: async () => {
        const [members, summaries] = await Promise.all([api.listNetworkMembers(n.id, undefined, undefined, 500),
          api.listNetworkMeetings(n.id, undefined, new Date().toISOString().slice(0, 10), 500)])
        const own = members.items.filter((m) => m.actorId === actorId)
        // attendance is on each meeting: the last ten held meetings
        const held = summaries.items.filter((m) => !m.cancelled).sort((a, b) => b.startsAt.localeCompare(a.startsAt)).slice(0, RECENT)
        const meetings = await Promise.all(held.map((m) => api.getMeeting(m.id)))
        const recorded = meetings.filter((m) => m.attendance.some((a) => a.actorId === actorId))
        const present = recorded.filter((m) => m.attendance.some((a) => a.actorId === actorId && a.attendance === Attendance.Present))
        const last = present.map((m) => m.startsAt).sort().pop()
        return { roles: [...new Set(own.map((m) => m.role))], present: present.length, recorded: recorded.length, last }
      },
    })),
  })
  return (
    <>
      <h2 id={headingId}>{t('networks.ofActor.title')}</h2>
      {networks.isPending ? <Loading /> : networks.isError ? <ProblemAlert error={networks.error} onRetry={() => void networks.refetch()} />
        : items.length === 0 ? <p className="muted">{t('networks.ofActor.none')}</p> : (
          <Table caption={t('networks.ofActor.caption')} className="table--compact"
            columns={[t('networks.ofActor.network'), t('networks.ofActor.role'), t('networks.ofActor.meetings')]}>
            {items.map((n, i) => {
              const d = details[i]?.data
              return (
                <tr key={n.id}>
                  <th scope="row"><Link to={`/networks/${n.id}`}>{n.name}</Link></th>
                  <td>{d ? d.roles.map((r) => t(`networks.roles.${r}`)).join(', ') : '…'}</td>
                  <td>{d ? t('networks.ofActor.attended', { present: d.present, recorded: d.recorded })
                    + (d.last ? ` · ${t('networks.ofActor.last', { date: formatDate(d.last.slice(0, 10), i18n.language) })}` : '')
                      : '…'}</td>
                </tr>
              )
            })}
          </Table>
        )}
    </>
  )
}
