import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation as useRouterLocation, useNavigate, useParams } from 'react-router'
import { Alert } from '@/components/ui/feedback'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useReloadOnConflict } from '@/components/ui/use-reload-on-conflict'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateFunding, useDeleteFunding, useService, useServiceFundings, useUpdateService } from '../api/inventory'
import { ServiceForm } from '../components/service-form'
import { toFundingRequest, toServiceFormValues, toServiceRequest } from '../service-schema'

/** Edits a service with If-Match (412: reload and try again), and adds or removes its fundings. */
export function ServiceEditPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const state = useRouterLocation().state as { notice?: string; tone?: 'error' } | null
  const service = useService(id)
  const fundings = useServiceFundings(id)
  usePageTitle(service.data ? t('inventory.service.editTitle', { name: service.data.name }) : t('inventory.service.editTitleShort'))
  const update = useUpdateService(id)
  const createFunding = useCreateFunding()
  const deleteFunding = useDeleteFunding()
  const describe = useProblemMessage()
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [progress, setProgress] = useState<string>()
  const { formKey, renderProblemAction } = useReloadOnConflict(() => service.refetch(), t('form.reload'))

  if (!service.data) {
    return <QueryFallback query={service} title={t('inventory.service.editTitleShort')} loadingLabel={t('inventory.service.loading')} />
  }
  const s = service.data
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/inventory/services/${s.id}`}>{t('inventory.service.back', { name: s.name })}</Link>
      </p>
      <h1>{t('inventory.service.editTitle', { name: s.name })}</h1>
      {state?.notice ? <Alert tone={state.tone ?? 'success'}>{state.notice}</Alert> : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ServiceForm
        key={`${s.id}-${s.version}-${formKey}`}
        defaultValues={toServiceFormValues(s)}
        submitLabel={t('inventory.service.save')}
        cancelTo={`/inventory/services/${s.id}`}
        existingFundings={fundings.data}
        progress={progress}
        onRemoveFunding={async (f) => {
          try {
            await deleteFunding.mutateAsync({ id: f.id, version: f.version })
            setMessage({ tone: 'success', text: t('inventory.service.removed') })
          } catch (err) {
            setMessage({ tone: 'error', text: describe(err) })
          }
        }}
        renderProblemAction={renderProblemAction}
        onSubmit={async (values) => {
          const saved = await update.mutateAsync({ body: toServiceRequest(values, s), version: s.version })
          for (const [i, row] of values.fundings.entries()) {
            setProgress(t('inventory.service.savingFunding', { n: i + 1, total: values.fundings.length }))
            try {
              await createFunding.mutateAsync(toFundingRequest(s.id, row))
            } catch (err) {
              setProgress(undefined)
              setMessage({ tone: 'error', text: t('inventory.service.fundingFailed', { n: i + 1, message: describe(err) }) })
              return
            }
          }
          setProgress(undefined)
          navigate(`/inventory/services/${s.id}`, { state: { notice: t('inventory.service.saved', { name: saved.name }) } })
        }}
      />
    </>
  )
}
