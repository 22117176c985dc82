import { useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { isProblemStatus } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { ConfirmAlert } from '@/components/ui/confirm'
import { Alert, EmptyState } from '@/components/ui/feedback'
import { Markdown } from '@/components/ui/markdown'
import { QueryFallback } from '@/components/ui/query-fallback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { WhyReadOnly } from '@/components/ui/why-read-only'
import { useWriteAccess } from '@/lib/auth'
import { formatDate, formatTimeRange } from '@/lib/format'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { usePageTitle } from '@/lib/use-page-title'
import { icsFileName, meetingCalendarUrl, useDeleteMeeting, useMeeting } from '../api/networks'
import { meetingHistory } from '../history'
import '../networks.css'

/** What the page shows at its end: the agreements made in the meeting (the tasks feature's, put in by the route). */
export type MeetingAgreementsSlot = ComponentType<{ networkId: string; meetingId: string; canWrite: boolean; headingId: string }>

/** One meeting: when and where, agenda, attendance, decisions, minutes and the agreements made in it. */
export function MeetingPage({ agreements: Agreements }: { agreements: MeetingAgreementsSlot }) {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const navigate = useNavigate()
  const notice = useNavigationNotice()
  const meeting = useMeeting(id)
  const access = useWriteAccess({ networkId: meeting.data?.networkId })
  const canWrite = access.allowed
  const remove = useDeleteMeeting(id)
  const describe = useProblemMessage()
  const [confirmDelete, setConfirmDelete] = useState(false)
  const title = meeting.data
    ? t('meetings.pageTitle', { name: meeting.data.networkName, date: formatDate(meeting.data.startsAt, lng) })
    : t('meetings.title')
  usePageTitle(title)

  if (!meeting.data) {
    return <QueryFallback query={meeting} title={t('meetings.title')} />
  }
  const m = meeting.data
  const present = m.attendance.filter((a) => a.attendance === 'present').length

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/networks/${m.networkId}`}>{t('networks.backToNetwork', { name: m.networkName })}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {m.title ? <p className="page-header__meta">{m.title}</p> : null}
        </div>
        <div className="page-header__actions">
          {canWrite ? (
            <Link to={`/meetings/${m.id}/edit`} className="button button--primary">
              {t('common.edit')}
            </Link>
          ) : null}
          <a className="button button--secondary" href={meetingCalendarUrl(m.id)} download={icsFileName(m.startsAt)}>
            {t('networks.meetings.icsLong')}
          </a>
          {canWrite && !confirmDelete ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                remove.reset()
                setConfirmDelete(true)
              }}
            >
              {t('common.delete')}
            </button>
          ) : null}
        </div>
      </div>
      <WhyReadOnly access={access} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {m.cancelled ? (
        <Alert tone="info">
          <p>{t('meetings.cancelledNotice')}</p>
        </Alert>
      ) : null}
      {confirmDelete ? (
        <ConfirmAlert
          title={t('meetings.deleteTitle')}
          text={t('meetings.deleteText')}
          error={
            remove.isError ? (
              <p className="field__error">{isProblemStatus(remove.error, 409) ? t('meetings.deleteConflict') : describe(remove.error)}</p>
            ) : null
          }
          confirmLabel={t('meetings.deleteConfirm')}
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(m.version,
              { onSuccess: () => navigate(`/networks/${m.networkId}`, { state: { notice: t('meetings.deleted') } }) })
          }
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}

      <section className="card" aria-labelledby="meeting-facts">
        <h2 id="meeting-facts">{t('meetings.facts')}</h2>
        <dl className="facts">
          <dt>{t('meetings.when')}</dt>
          <dd>
            {formatDate(m.startsAt, lng)}, {formatTimeRange(m.startsAt, m.endsAt, lng)}
          </dd>
          <dt>{t('meetings.fields.location')}</dt>
          <dd>{m.location ?? t('common.notSpecified')}</dd>
          <dt>{t('meetings.fields.attendance')}</dt>
          <dd>{m.attendance.length === 0 ? t('networks.meetings.noAttendance')
            : t('meetings.presentOf', { present, count: m.attendance.length })}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda">{t('meetings.fields.agenda')}</h2>
        {m.agenda ? <Markdown source={m.agenda} /> : <p className="muted">{t('meetings.noAgenda')}</p>}
      </section>

      <section className="card" aria-labelledby="meeting-attendance">
        <h2 id="meeting-attendance">{t('meetings.fields.attendance')}</h2>
        {m.attendance.length === 0 ? (
          <EmptyState title={t('networks.meetings.noAttendance')} />
        ) : (
          <Table
            caption={t('meetings.fields.attendance')}
            className="table--compact"
            columns={[t('networks.members.actor'), t('networks.members.role'), t('meetings.fields.attendanceOne')]}
          >
            {m.attendance.map((a) => (
              <tr key={a.memberId}>
                <td>
                  <Link to={`/actors/${a.actorId}`}>{a.actorName}</Link>
                </td>
                <td>{t(`networks.roles.${a.role}`)}</td>
                <td>
                  <span className={`attendance attendance--${a.attendance}`}>{t(`meetings.attendance.${a.attendance}`)}</span>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>

      <section className="card" aria-labelledby="meeting-decisions">
        <h2 id="meeting-decisions">{t('meetings.fields.decisions')}</h2>
        {m.decisions.length === 0 ? (
          <p className="muted">{t('meetings.noDecisions')}</p>
        ) : (
          <ol className="decision-list">
            {m.decisions.map((d, i) => (
              <li key={i} className="pre-line">
                {d}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="meeting-minutes">
        <h2 id="meeting-minutes">{t('meetings.fields.minutes')}</h2>
        {m.minutes ? <Markdown source={m.minutes} /> : <p className="muted">{t('meetings.noMinutes')}</p>}
      </section>

      <section className="card" aria-labelledby="meeting-agreements">
        <Agreements networkId={m.networkId} meetingId={m.id} canWrite={canWrite} headingId="meeting-agreements" />
      </section>
      <EntityHistory entityId={id} entity={meetingHistory} />
    </>
  )
}
