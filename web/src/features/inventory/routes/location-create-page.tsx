import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateLocation } from '../api/inventory'
import { LocationForm } from '../components/location-form'

export function LocationCreatePage() {
  const { t } = useTranslation()
  usePageTitle(t('inventory.location.createTitle'))
  const navigate = useNavigate()
  const create = useCreateLocation()
  return (
    <>
      <p className="breadcrumb">
        <Link to="/inventory">{t('inventory.location.back')}</Link>
      </p>
      <h1>{t('inventory.location.createTitle')}</h1>
      <LocationForm
        submitLabel={t('inventory.location.create')}
        cancelTo="/inventory"
        onSubmit={async (request) => {
          const location = await create.mutateAsync(request)
          navigate(`/inventory/locations/${location.id}`, { state: { notice: t('inventory.location.created', { name: location.name }) } })
        }}
      />
    </>
  )
}
