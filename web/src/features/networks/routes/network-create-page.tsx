import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateNetwork } from '../api/networks'
import { NetworkForm } from '../components/network-form'

export function NetworkCreatePage() {
  const { t } = useTranslation()
  usePageTitle(t('networks.createTitle'))
  const navigate = useNavigate()
  const create = useCreateNetwork()
  return (
    <>
      <p className="breadcrumb">
        <Link to="/networks">{t('networks.backToList')}</Link>
      </p>
      <h1>{t('networks.createTitle')}</h1>
      <p className="lead">{t('networks.createIntro')}</p>
      <NetworkForm
        submitLabel={t('networks.form.create')}
        cancelTo="/networks"
        onSubmit={async (request) => {
          const network = await create.mutateAsync(request)
          navigate(`/networks/${network.id}`, { state: { notice: t('networks.created', { name: network.name }) } })
        }}
      />
    </>
  )
}
