import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateRound } from '../api/inventory'
import { RoundForm } from '../components/round-form'

export function RoundCreatePage() {
  const { t } = useTranslation()
  usePageTitle(t('inventory.roundForm.title'))
  const navigate = useNavigate()
  const create = useCreateRound()
  return (
    <>
      <p className="breadcrumb">
        <Link to="/inventory/rounds">{t('inventory.rounds.title')}</Link>
      </p>
      <h1>{t('inventory.roundForm.title')}</h1>
      <RoundForm
        submitLabel={t('inventory.roundForm.create')}
        cancelTo="/inventory/rounds"
        onSubmit={async (request) => {
          const round = await create.mutateAsync(request)
          navigate(`/inventory/rounds/${round.id}`, { state: { notice: t('inventory.roundForm.created', { name: round.name }) } })
        }}
      />
    </>
  )
}
