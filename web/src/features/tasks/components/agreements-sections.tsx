import { useTranslation } from 'react-i18next'
import { TaskList } from './task-list'

/** What the networks feature's pages hand to their agreements section (the app's route puts these components in). */
interface SectionProps {
  networkId: string
  canWrite: boolean
  headingId: string
}

/** The agreements of a network, as its page shows them. */
export function NetworkAgreements({ networkName, ...props }: SectionProps & { networkName: string }) {
  const { t } = useTranslation()
  return <TaskList {...props} heading={t('tasks.title')} caption={t('tasks.caption', { name: networkName })} />
}

/** The agreements made in one meeting, as the meeting's page shows them. */
export function MeetingAgreements(props: SectionProps & { meetingId: string }) {
  const { t } = useTranslation()
  return <TaskList {...props} heading={t('tasks.ofMeeting.title')} caption={t('tasks.ofMeeting.caption')} />
}
