import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateActor } from '../api/actors'
import { ActorForm } from '../components/actor-form'

export function ActorCreatePage() {
  const { t } = useTranslation()
  usePageTitle(t('actors.createTitle'))
  const navigate = useNavigate()
  const create = useCreateActor()
  return (
    <>
      <p className="breadcrumb">
        <Link to="/actors">{t('actors.backToList')}</Link>
      </p>
      <h1>{t('actors.createTitle')}</h1>
      <ActorForm
        submitLabel={t('actors.form.create')}
        cancelTo="/actors"
        onSubmit={async (request) => {
          const actor = await create.mutateAsync(request)
          navigate(`/actors/${actor.id}`, { state: { notice: t('actors.created', { name: actor.name }) } })
        }}
      />
    </>
  )
}
