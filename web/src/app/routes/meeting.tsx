import { MeetingPage } from '@/features/networks/routes/meeting-page'
import { MeetingAgreements } from '@/features/tasks/components/agreements-sections'

/** A meeting's page (networks feature) with the agreements made in it (tasks feature). */
export function MeetingRoute() {
  return <MeetingPage agreements={MeetingAgreements} />
}
