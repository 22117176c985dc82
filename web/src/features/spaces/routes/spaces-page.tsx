import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useSpaceTree } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { textParam, useListFilters } from '@/lib/use-list-filters'
import { useCanWrite } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'
import { SpaceTree } from '../components/space-tree'

const filtersFrom = (params: URLSearchParams) => ({ validOn: textParam(params, 'validOn') })

export function SpacesPage() {
  const { t } = useTranslation()
  usePageTitle(t('spaces.title'))
  const navigate = useNavigate()
  const canWrite = useCanWrite()
  const {
    filters: { validOn = '' },
    setFilter,
  } = useListFilters(filtersFrom)
  const tree = useSpaceTree(validOn || undefined)
  const dateId = useId()
  const helpId = useId()

  return (
    <>
      <h1>{t('spaces.title')}</h1>
      <p className="lead">{t('spaces.intro')}</p>
      {canWrite ? (
        <p className="page-actions">
          <Link to="/spaces/new" className="button">{t('spaces.editor.newSpace')}</Link>{' '}
          <Link to="/spaces/import" className="button button--secondary">{t('spaces.editor.importSpaces')}</Link>
        </p>
      ) : null}
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
            onChange={(e) => setFilter('validOn', e.target.value)}
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
