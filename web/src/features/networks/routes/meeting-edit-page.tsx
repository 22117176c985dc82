import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useNetworkMembers } from '@/components/pickers/networks'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useReloadOnConflict } from '@/components/ui/use-reload-on-conflict'
import { formatDate } from '@/lib/format'
import { usePageTitle } from '@/lib/use-page-title'
import { useMeeting, useUpdateMeeting } from '../api/networks'
import { MeetingForm } from '../components/meeting-form'

export function MeetingEditPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const meeting = useMeeting(id)
  const networkId = meeting.data?.networkId ?? ''
  const members = useNetworkMembers(networkId)
  const update = useUpdateMeeting(id)
  const { formKey, renderProblemAction } = useReloadOnConflict(() => meeting.refetch(), t('form.reload'))
  const title = meeting.data
    ? t('meetings.editTitle', { name: meeting.data.networkName, date: formatDate(meeting.data.startsAt, i18n.language) })
    : t('meetings.editTitleShort')
  usePageTitle(title)

  if (meeting.isPending || (meeting.isSuccess && members.isPending)) {
    return (
      <>
        <h1>{t('meetings.editTitleShort')}</h1>
        <Loading />
      </>
    )
  }
  if (meeting.isError || members.isError) {
    return (
      <>
        <h1>{t('meetings.editTitleShort')}</h1>
        <ProblemAlert error={meeting.error ?? members.error} onRetry={() => void (meeting.isError ? meeting.refetch() : members.refetch())} />
      </>
    )
  }
  const m = meeting.data
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/meetings/${m.id}`}>{t('meetings.backToMeeting')}</Link>
      </p>
      <h1>{title}</h1>
      <MeetingForm
        key={`${m.id}-${m.version}-${formKey}`}
        meeting={m}
        members={members.data ?? []}
        submitLabel={t('meetings.form.save')}
        cancelTo={`/meetings/${m.id}`}
        onSubmit={async (request) => {
          await update.mutateAsync({ body: request, version: m.version })
          navigate(`/meetings/${m.id}`, { state: { notice: t('meetings.saved') } })
        }}
        renderProblemAction={renderProblemAction}
      />
    </>
  )
}
