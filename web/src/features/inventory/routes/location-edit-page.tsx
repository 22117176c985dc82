import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useReloadOnConflict } from '@/components/ui/use-reload-on-conflict'
import { usePageTitle } from '@/lib/use-page-title'
import { useLocation, useUpdateLocation } from '../api/inventory'
import { LocationForm } from '../components/location-form'

/** Edits a facility with If-Match (412: reload and try again): address, coordinates, accessibility, opening hours, closures. */
export function LocationEditPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation(id)
  usePageTitle(location.data ? t('inventory.location.editTitle', { name: location.data.name }) : t('inventory.location.editTitleShort'))
  const update = useUpdateLocation(id)
  const { formKey, renderProblemAction } = useReloadOnConflict(() => location.refetch(), t('form.reload'))

  if (!location.data) {
    return (
      <QueryFallback query={location} title={t('inventory.location.editTitleShort')} loadingLabel={t('inventory.location.loading')}
        back={{ to: '/inventory', label: t('inventory.location.back') }} />
    )
  }
  const l = location.data
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/inventory/locations/${l.id}`}>{t('inventory.service.back', { name: l.name })}</Link>
      </p>
      <h1>{t('inventory.location.editTitle', { name: l.name })}</h1>
      <LocationForm
        key={`${l.id}-${l.version}-${formKey}`}
        existing={l}
        submitLabel={t('inventory.location.save')}
        cancelTo={`/inventory/locations/${l.id}`}
        renderProblemAction={renderProblemAction}
        onSubmit={async (body) => {
          const saved = await update.mutateAsync({ body, version: l.version })
          navigate(`/inventory/locations/${l.id}`, { state: { notice: t('inventory.location.saved', { name: saved.name }) } })
        }}
      />
    </>
  )
}
