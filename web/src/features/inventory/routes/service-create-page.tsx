import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateFunding, useCreateService } from '../api/inventory'
import { ServiceForm } from '../components/service-form'
import { emptyServiceForm, toFundingRequest, toServiceRequest } from '../service-schema'

/** Records a service (at the facility given as ?locationId=) and then its funders, one after the other with progress. */
export function ServiceCreatePage() {
  const { t } = useTranslation()
  usePageTitle(t('inventory.service.createTitle'))
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const locationId = params.get('locationId') ?? ''
  const create = useCreateService()
  const createFunding = useCreateFunding()
  const describe = useProblemMessage()
  const [progress, setProgress] = useState<string>()
  const back = locationId ? `/inventory/locations/${locationId}` : '/inventory'

  return (
    <>
      <p className="breadcrumb">
        <Link to={back}>{t('inventory.location.back')}</Link>
      </p>
      <h1>{t('inventory.service.createTitle')}</h1>
      <ServiceForm
        defaultValues={{ ...emptyServiceForm, locationIds: locationId ? [locationId] : [] }}
        submitLabel={t('inventory.service.create')}
        cancelTo={back}
        progress={progress}
        onSubmit={async (values) => {
          const service = await create.mutateAsync(toServiceRequest(values))
          for (const [i, row] of values.fundings.entries()) {
            setProgress(t('inventory.service.savingFunding', { n: i + 1, total: values.fundings.length }))
            try {
              await createFunding.mutateAsync(toFundingRequest(service.id, row))
            } catch (err) {
              setProgress(undefined)
              navigate(`/inventory/services/${service.id}/edit`, {
                state: { notice: t('inventory.service.fundingFailed', { n: i + 1, message: describe(err) }), tone: 'error' },
              })
              return
            }
          }
          setProgress(undefined)
          navigate(`/inventory/services/${service.id}`, { state: { notice: t('inventory.service.created', { name: service.name }) } })
        }}
      />
    </>
  )
}
