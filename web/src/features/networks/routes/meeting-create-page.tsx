import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useNetworkMembers } from '@/components/pickers/networks'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateMeeting, useNetwork } from '../api/networks'
import { MeetingForm } from '../components/meeting-form'
import '../networks.css'

export function MeetingCreatePage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const network = useNetwork(id)
  const members = useNetworkMembers(id)
  const create = useCreateMeeting(id)
  usePageTitle(network.data ? t('meetings.createTitle', { name: network.data.name }) : t('meetings.createTitleShort'))

  if (network.isPending || members.isPending) {
    return (
      <>
        <h1>{t('meetings.createTitleShort')}</h1>
        <Loading />
      </>
    )
  }
  if (network.isError || members.isError) {
    const error = network.error ?? members.error
    return (
      <>
        <h1>{t('meetings.createTitleShort')}</h1>
        <ProblemAlert error={error} onRetry={() => void (network.isError ? network.refetch() : members.refetch())} />
      </>
    )
  }
  const n = network.data
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/networks/${n.id}`}>{t('networks.backToNetwork', { name: n.name })}</Link>
      </p>
      <h1>{t('meetings.createTitle', { name: n.name })}</h1>
      {n.mandate ? (
        <aside className="mandate-reminder" aria-label={t('networks.fields.mandate')}>
          <p className="mandate-reminder__label">{t('networks.fields.mandate')}</p>
          <p className="pre-line">{n.mandate}</p>
        </aside>
      ) : null}
      <MeetingForm
        members={members.data}
        submitLabel={t('meetings.form.create')}
        cancelTo={`/networks/${n.id}`}
        onSubmit={async (request) => {
          const meeting = await create.mutateAsync(request)
          navigate(`/meetings/${meeting.id}`, { state: { notice: t('meetings.created') } })
        }}
      />
    </>
  )
}
