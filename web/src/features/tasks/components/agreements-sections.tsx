import { useTranslation } from 'react-i18next'
import { TaskList } from './task-list'

/** The agreements of a network, as its page shows them (the app's route puts this into the networks feature's page). */
export function NetworkAgreements({
  networkId,
  networkName,
  canWrite,
  headingId,
}: {
  networkId: string
  networkName: string
  canWrite: boolean
  headingId: string
}) {
  const { t } = useTranslation()
  return (
    <TaskList
      networkId={networkId}
      canWrite={canWrite}
      headingId={headingId}
      heading={t('tasks.title')}
      caption={t('tasks.caption', { name: networkName })}
    />
  )
}

/** The agreements made in one meeting, as the meeting's page shows them. */
export function MeetingAgreements({
  networkId,
  meetingId,
  canWrite,
  headingId,
}: {
  networkId: string
  meetingId: string
  canWrite: boolean
  headingId: string
}) {
  const { t } = useTranslation()
  return (
    <TaskList
      networkId={networkId}
      meetingId={meetingId}
      canWrite={canWrite}
      headingId={headingId}
      heading={t('tasks.ofMeeting.title')}
      caption={t('tasks.ofMeeting.caption')}
    />
  )
}
