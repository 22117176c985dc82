import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { usePageTitle } from '@/lib/use-page-title'
import { useSpaceTree } from '@/components/pickers/spaces'
import { SpaceTree } from '../components/space-tree'

export function SpacesPage() {
  const { t } = useTranslation()
  usePageTitle(t('spaces.title'))
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const validOn = params.get('validOn') ?? ''
  const tree = useSpaceTree(validOn || undefined)
  const dateId = useId()
  const helpId = useId()

  return (
    <>
      <h1>{t('spaces.title')}</h1>
      <p className="lead">{t('spaces.intro')}</p>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={dateId} className="field__label">
            {t('spaces.validOn')}
          </label>
          <input
            id={dateId}
            type="date"
            className="input"
            value={validOn}
            onChange={(e) => {
              const next = new URLSearchParams(params)
              if (e.target.value) next.set('validOn', e.target.value)
              else next.delete('validOn')
              setParams(next, { replace: true })
            }}
          />
        </div>
      </div>
      <p id={helpId} className="hint">
        {t('spaces.tree.help')}
      </p>
      {tree.isPending ? (
        <Loading label={t('spaces.loading')} />
      ) : tree.isError ? (
        <ProblemAlert error={tree.error} onRetry={() => void tree.refetch()} />
      ) : tree.data.length === 0 ? (
        <EmptyState title={t('spaces.empty')}>
          <p>{t('spaces.emptyHint')}</p>
        </EmptyState>
      ) : (
        <div className="card">
          <SpaceTree
            key={validOn}
            nodes={tree.data}
            label={t('spaces.tree.label')}
            describedBy={helpId}
            onActivate={(node) => navigate(`/spaces/${node.id}`)}
          />
        </div>
      )}
    </>
  )
}
