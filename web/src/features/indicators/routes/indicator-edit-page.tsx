import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useReloadOnConflict } from '@/components/ui/use-reload-on-conflict'
import { usePageTitle } from '@/lib/use-page-title'
import { useIndicator, useUpdateIndicator } from '../api/indicators'
import { IndicatorForm } from '../components/indicator-form'
import { toIndicatorFormValues } from '../indicator-schema'

export function IndicatorEditPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const indicator = useIndicator(id)
  const update = useUpdateIndicator(id)
  const { formKey, renderProblemAction } = useReloadOnConflict(() => indicator.refetch(), t('indicators.form.reload'))
  usePageTitle(indicator.data ? t('indicators.editTitle', { name: indicator.data.name }) : t('indicators.editTitleShort'))
  if (indicator.isPending) return <Loading label={t('indicators.loading')} />
  if (indicator.isError) {
    return (
      <>
        <h1>{t('indicators.editTitleShort')}</h1>
        <ProblemAlert error={indicator.error} onRetry={() => void indicator.refetch()} />
      </>
    )
  }
  const i = indicator.data
  return (
    <>
      <p className="breadcrumb"><Link to={`/indicators/${i.id}`}>{t('indicators.backToIndicator', { name: i.name })}</Link></p>
      <h1>{t('indicators.editTitle', { name: i.name })}</h1>
      <IndicatorForm
        key={`${i.id}-${i.version}-${formKey}`}
        defaultValues={toIndicatorFormValues(i)}
        submitLabel={t('indicators.form.save')}
        cancelTo={`/indicators/${i.id}`}
        onSubmit={async (request) => {
          const saved = await update.mutateAsync({ body: request, version: i.version })
          navigate(`/indicators/${i.id}`, { state: { notice: t('indicators.saved', { name: saved?.name ?? request.name }) } })
        }}
        renderProblemAction={renderProblemAction}
      />
    </>
  )
}
