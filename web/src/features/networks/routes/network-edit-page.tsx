import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useReloadOnConflict } from '@/components/ui/use-reload-on-conflict'
import { usePageTitle } from '@/lib/use-page-title'
import { toNetworkFormValues } from '../network-schema'
import { useNetwork, useUpdateNetwork } from '../api/networks'
import { NetworkForm } from '../components/network-form'

export function NetworkEditPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const network = useNetwork(id)
  usePageTitle(network.data ? t('networks.editTitle', { name: network.data.name }) : t('networks.editTitleShort'))
  const update = useUpdateNetwork(id)
  const { formKey, renderProblemAction } = useReloadOnConflict(() => network.refetch(), t('form.reload'))

  if (!network.data) {
    return <QueryFallback query={network} title={t('networks.editTitleShort')} loadingLabel={t('networks.detail.loading')} />
  }
  const n = network.data
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/networks/${n.id}`}>{t('networks.backToNetwork', { name: n.name })}</Link>
      </p>
      <h1>{t('networks.editTitle', { name: n.name })}</h1>
      <NetworkForm
        key={`${n.id}-${n.version}-${formKey}`}
        defaultValues={toNetworkFormValues(n)}
        selfId={n.id}
        submitLabel={t('networks.form.save')}
        cancelTo={`/networks/${n.id}`}
        onSubmit={async (request) => {
          const saved = await update.mutateAsync({ body: request, version: n.version })
          navigate(`/networks/${saved?.id ?? n.id}`, { state: { notice: t('networks.saved', { name: saved?.name ?? request.name }) } })
        }}
        renderProblemAction={renderProblemAction}
      />
    </>
  )
}
