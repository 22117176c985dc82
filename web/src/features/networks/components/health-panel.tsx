import { useTranslation } from 'react-i18next'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { formatDate, formatDateTime, formatPercent } from '@/lib/format'
import { useNetworkHealth } from '../api/networks'
import { cadenceText, useAttentionReasonTexts } from './network-labels'
import '../networks.css'

/** How the network is doing: meetings, attendance, agreements and the reasons for attention in words. */
export function HealthPanel({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const health = useNetworkHealth(networkId)
  const reasonTexts = useAttentionReasonTexts()

  if (health.isPending) return <Loading label={t('networks.health.loading')} />
  if (health.isError) return <ProblemAlert error={health.error} onRetry={() => void health.refetch()} />
  const h = health.data
  const reasons = reasonTexts(h)
  return (
    <>
      {h.needsAttention ? (
        <Alert tone="warning" title={t('networks.health.needsAttention')}>
          <ul className="reason-list">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <p className="health-ok">
          <span aria-hidden="true">✓ </span>
          {t('networks.health.ok')}
        </p>
      )}
      <dl className="stats">
        <div className="stat">
          <dt>{t('networks.health.lastMeeting')}</dt>
          <dd>{h.lastMeetingAt ? formatDateTime(h.lastMeetingAt, lng) : t('networks.health.noMeetingYet')}</dd>
        </div>
        <div className="stat">
          <dt>{t('networks.health.nextMeeting')}</dt>
          <dd>{h.nextMeetingAt ? formatDateTime(h.nextMeetingAt, lng) : t('networks.health.noneScheduled')}</dd>
        </div>
        <div className="stat">
          <dt>{t('networks.health.cadence')}</dt>
          <dd>
            {cadenceText(t, h.cadenceInterval, h.cadenceUnit)}
            {h.meetingDueBy ? (
              <span className={h.meetingOverdue ? 'stat__note text-warning' : 'stat__note'}>
                {h.meetingOverdue ? '⚠ ' : ''}
                {t('networks.health.dueBy', { date: formatDate(h.meetingDueBy, lng) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('networks.health.attendance')}</dt>
          <dd>
            {h.attendanceRate !== undefined && h.attendanceRate !== null ? (
              <>
                {formatPercent(h.attendanceRate, lng)}
                <span className="stat__note">{t('networks.health.attendanceOver', { count: h.meetingsConsidered })}</span>
              </>
            ) : (
              t('networks.health.noAttendance')
            )}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('networks.health.openAgreements')}</dt>
          <dd>
            {h.openAgreements}
            <span className={h.overdueAgreements > 0 ? 'stat__note text-warning' : 'stat__note'}>
              {h.overdueAgreements > 0 ? '⚠ ' : ''}
              {t('networks.health.overdueOf', { count: h.overdueAgreements })}
            </span>
          </dd>
        </div>
      </dl>
    </>
  )
}
