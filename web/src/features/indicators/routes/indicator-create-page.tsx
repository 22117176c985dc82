import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateIndicator } from '../api/indicators'
import { IndicatorForm } from '../components/indicator-form'

export function IndicatorCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  usePageTitle(t('indicators.newTitle'))
  const create = useCreateIndicator()
  return (
    <>
      <p className="breadcrumb"><Link to="/indicators">{t('indicators.backToCatalogue')}</Link></p>
      <h1>{t('indicators.newTitle')}</h1>
      <IndicatorForm
        submitLabel={t('indicators.form.create')}
        cancelTo="/indicators"
        onSubmit={async (request) => {
          const created = await create.mutateAsync(request)
          navigate(`/indicators/${created.id}`, { state: { notice: t('indicators.created', { name: created.name }) } })
        }}
      />
    </>
  )
}
