import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useReloadOnConflict } from '@/components/ui/use-reload-on-conflict'
import { usePageTitle } from '@/lib/use-page-title'
import { toActorFormValues } from '../actor-schema'
import { useActor, useUpdateActor } from '../api/actors'
import { ActorForm } from '../components/actor-form'

export function ActorEditPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const actor = useActor(id)
  usePageTitle(actor.data ? t('actors.editTitle', { name: actor.data.name }) : t('actors.editTitleShort'))
  const update = useUpdateActor(id)
  const { formKey, renderProblemAction } = useReloadOnConflict(() => actor.refetch(), t('form.reload'))

  if (!actor.data) {
    return <QueryFallback query={actor} title={t('actors.editTitleShort')} loadingLabel={t('actors.detail.loading')} />
  }
  const a = actor.data
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/actors/${a.id}`}>{t('actors.backToActor', { name: a.name })}</Link>
      </p>
      <h1>{t('actors.editTitle', { name: a.name })}</h1>
      <ActorForm
        key={`${a.id}-${a.version}-${formKey}`}
        defaultValues={toActorFormValues(a)}
        selfId={a.id}
        submitLabel={t('actors.form.save')}
        cancelTo={`/actors/${a.id}`}
        onSubmit={async (request) => {
          const saved = await update.mutateAsync({ body: request, version: a.version })
          navigate(`/actors/${saved?.id ?? a.id}`, { state: { notice: t('actors.saved', { name: saved?.name ?? request.name }) } })
        }}
        renderProblemAction={renderProblemAction}
      />
    </>
  )
}
