import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AgreementStatus, type TaskDto } from '@/api'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useActorOptions } from '@/components/pickers/actors'
import { useCanWrite } from '@/lib/auth'
import { useNetworkOptions } from '@/components/pickers/networks'
import { usePageTitle } from '@/lib/use-page-title'
import { toTaskUpdate, useTaskList, useUpdateTask, type TaskFilters } from '../api/tasks'
import { TaskCard } from '../components/task-card'
import { AGREEMENT_STATUSES } from '../task-schema'

const COLUMN_PAGE_SIZE = 100

function filtersFrom(params: URLSearchParams): Omit<TaskFilters, 'status' | 'meetingId'> {
  return {
    networkId: params.get('networkId') || undefined,
    responsibleActorId: params.get('responsibleActorId') || undefined,
    overdue: params.get('overdue') === '1' || undefined,
  }
}

/** The agreements board: one column per status, filters, and a keyboard-usable status change on every card. */
export function AgreementsBoardPage() {
  const { t } = useTranslation()
  usePageTitle(t('tasks.board.title'))
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => filtersFrom(params), [params])
  const networks = useNetworkOptions()
  const actors = useActorOptions()
  const canWrite = useCanWrite()
  const update = useUpdateTask()
  const describe = useProblemMessage()
  const [announcement, setAnnouncement] = useState('')
  const [moveError, setMoveError] = useState('')
  const [focus, setFocus] = useState<{ id: string; status: AgreementStatus } | null>(null)
  const ids = { network: useId(), actor: useId(), overdue: useId() }

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }
  const hasFilters = Object.values(filters).some((v) => v !== undefined)

  const move = (task: TaskDto, status: AgreementStatus) => {
    setMoveError('')
    setAnnouncement('')
    update.mutate(
      { id: task.id, body: toTaskUpdate(task, { status }), version: task.version },
      {
        onSuccess: () => {
          setAnnouncement(t('tasks.board.moved', { title: task.title, status: t(`tasks.statuses.${status}`) }))
          setFocus({ id: task.id, status })
        },
        onError: (err) => setMoveError(t('tasks.board.moveFailed', { title: task.title, reason: describe(err) })),
      },
    )
  }

  return (
    <>
      <h1>{t('tasks.board.title')}</h1>
      <p className="lead">{t('tasks.board.intro')}</p>

      <form className="card filters" aria-label={t('tasks.board.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="filters__row">
          <div className="field">
            <label htmlFor={ids.network} className="field__label">
              {t('tasks.board.network')}
            </label>
            <select id={ids.network} className="input" value={filters.networkId ?? ''} onChange={(e) => setFilter('networkId', e.target.value)}>
              <option value="">{t('tasks.board.allNetworks')}</option>
              {(networks.data ?? []).map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.actor} className="field__label">
              {t('tasks.board.responsible')}
            </label>
            <select
              id={ids.actor}
              className="input"
              value={filters.responsibleActorId ?? ''}
              onChange={(e) => setFilter('responsibleActorId', e.target.value)}
            >
              <option value="">{t('tasks.board.allResponsibles')}</option>
              {(actors.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--checkbox">
            <input id={ids.overdue} type="checkbox" checked={filters.overdue ?? false} onChange={(e) => setFilter('overdue', e.target.checked ? '1' : undefined)} />
            <label htmlFor={ids.overdue}>{t('tasks.board.overdueOnly')}</label>
          </div>
          {hasFilters ? (
            <button type="button" className="button button--link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('actors.filters.reset')}
            </button>
          ) : null}
        </div>
      </form>

      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {moveError ? <Alert tone="error">{moveError}</Alert> : null}

      <div className="board">
        {AGREEMENT_STATUSES.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            filters={filters}
            canWrite={canWrite}
            onMove={move}
            moving={update.isPending}
            focusId={focus?.status === status ? focus.id : undefined}
          />
        ))}
      </div>
    </>
  )
}

function BoardColumn({
  status,
  filters,
  canWrite,
  onMove,
  moving,
  focusId,
}: {
  status: AgreementStatus
  filters: Omit<TaskFilters, 'status' | 'meetingId'>
  canWrite: boolean
  onMove: (task: TaskDto, status: AgreementStatus) => void
  moving: boolean
  focusId?: string
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const tasks = useTaskList({ ...filters, status }, COLUMN_PAGE_SIZE)
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <section className={`board__column board__column--${status}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="board__heading">
        {t(`tasks.statuses.${status}`)}{' '}
        <span className="board__count">
          {tasks.isSuccess ? t(tasks.hasNextPage ? 'tasks.board.countMore' : 'tasks.board.count', { count: items.length }) : ''}
        </span>
      </h2>
      {tasks.isPending ? (
        <Loading label={t('common.loadingShort')} />
      ) : tasks.isError ? (
        <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <p className="board__empty">{t(status === AgreementStatus.Open ? 'tasks.board.emptyOpen' : 'tasks.board.empty')}</p>
      ) : (
        <ul className="board__list">
          {items.map((task) => (
            <li key={task.id}>
              <TaskCard task={task} canWrite={canWrite} onMove={onMove} moving={moving} focus={focusId === task.id} />
            </li>
          ))}
        </ul>
      )}
      {tasks.hasNextPage ? (
        <button type="button" className="button button--secondary button--small" onClick={() => void tasks.fetchNextPage()} disabled={tasks.isFetchingNextPage}>
          {tasks.isFetchingNextPage ? t('common.loadingShort') : t('actors.loadMore')}
        </button>
      ) : null}
    </section>
  )
}
