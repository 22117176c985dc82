import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MeetingSummaryDto } from '@/api'
import { useNetworkMeetings } from '@/components/pickers/networks'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { LoadMore } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { formatDate, formatTimeRange } from '@/lib/format'
import { icsFileName, meetingCalendarUrl } from '../api/networks'
import { CalendarFeed } from './calendar-feed'

/** Meetings of a network, newest first, with attendance in figures and a calendar file per meeting. */
export function NetworkMeetings({ networkId, networkName, canWrite }: { networkId: string; networkName: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const meetings = useNetworkMeetings(networkId)
  const items = meetings.data?.pages.flatMap((p) => p.items) ?? []
  // "Upcoming" is judged against the moment the list was first shown.
  const [now] = useState(() => Date.now())

  const when = (m: MeetingSummaryDto) => `${formatDate(m.startsAt, lng)}, ${formatTimeRange(m.startsAt, m.endsAt, lng)}`

  return (
    <>
      <div className="section-header">
        <h2 id="network-meetings">{t('networks.meetings.title')}</h2>
        {canWrite ? (
          <Link to={`/networks/${networkId}/meetings/new`} className="button button--secondary">
            {t('networks.meetings.create')}
          </Link>
        ) : null}
      </div>
      {meetings.isPending ? (
        <Loading label={t('networks.meetings.loading')} />
      ) : meetings.isError ? (
        <ProblemAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('networks.meetings.empty')} />
      ) : (
        <Table
          caption={t('networks.meetings.caption', { name: networkName })}
          columns={[
            t('networks.meetings.when'),
            t('networks.meetings.location'),
            t('networks.meetings.attendance'),
            t('networks.meetings.record'),
            t('networks.meetings.calendar'),
          ]}
        >
          {items.map((m) => {
            const upcoming = new Date(m.startsAt).getTime() > now
            return (
              <tr key={m.id}>
                <td>
                  <Link to={`/meetings/${m.id}`} className="strong-link">
                    {when(m)}
                  </Link>
                  {m.title ? <p className="small table-excerpt">{m.title}</p> : null}
                  {m.cancelled ? <span className="pill pill--ended">{t('networks.meetings.cancelled')}</span> : null}
                  {!m.cancelled && upcoming ? <span className="pill pill--planned">{t('networks.meetings.upcoming')}</span> : null}
                </td>
                <td>{m.location ?? ''}</td>
                <td>
                  {m.present + m.excused + m.absent === 0
                    ? t('networks.meetings.noAttendance')
                    : t('networks.meetings.attendanceCounts', { present: m.present, excused: m.excused, absent: m.absent })}
                </td>
                <td>
                  {m.hasMinutes ? t('networks.meetings.hasMinutes') : t('networks.meetings.noMinutes')}
                  {m.decisionCount > 0 ? (
                    <>
                      <br />
                      {t('networks.meetings.decisionCount', { count: m.decisionCount })}
                    </>
                  ) : null}
                </td>
                <td>
                  <a href={meetingCalendarUrl(m.id)} download={icsFileName(m.startsAt)}>
                    {t('networks.meetings.ics')}
                    <span className="visually-hidden"> ({when(m)})</span>
                  </a>
                </td>
              </tr>
            )
          })}
        </Table>
      )}
      <LoadMore query={meetings} label={t('networks.meetings.loadMore')} />
      <CalendarFeed networkId={networkId} />
    </>
  )
}
