import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AgreementStatus, type TaskDto } from '@/api'
import { useActorOptions } from '@/components/pickers/actors'
import { useNetworkOptions } from '@/components/pickers/networks'
import { Alert, Loading } from '@/components/ui/feedback'
import { FilterCheckbox, FilterForm, FilterSelect, LoadMore } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { decideWriteAccess, useCurrentUser } from '@/lib/auth'
import { flagParam, textParam, useListFilters } from '@/lib/use-list-filters'
import { usePageTitle } from '@/lib/use-page-title'
import { toTaskUpdate, useTaskList, useUpdateTask, type TaskFilters } from '../api/tasks'
import { TaskCard } from '../components/task-card'
import { AGREEMENT_STATUSES } from '../task-schema'
import '../tasks.css'

const COLUMN_PAGE_SIZE = 100

function filtersFrom(params: URLSearchParams): Omit<TaskFilters, 'status' | 'meetingId'> {
  return {
    networkId: textParam(params, 'networkId'),
    responsibleActorId: textParam(params, 'responsibleActorId'),
    overdue: flagParam(params, 'overdue'),
  }
}

/** The agreements board: one column per status, filters, and a keyboard-usable status change on every card. */
export function AgreementsBoardPage() {
  const { t } = useTranslation()
  usePageTitle(t('tasks.board.title'))
  const { filters, setFilter, hasFilters, reset } = useListFilters(filtersFrom)
  const networks = useNetworkOptions()
  const actors = useActorOptions()
  // global writers move every card; a coordinator with a network grant moves the cards of that network (as the API decides)
  const { data: user } = useCurrentUser()
  const canWrite = (task: TaskDto) => decideWriteAccess(user, { networkId: task.networkId }, () => []).allowed
  const update = useUpdateTask()
  const describe = useProblemMessage()
  const [announcement, setAnnouncement] = useState('')
  const [moveError, setMoveError] = useState('')
  const [focus, setFocus] = useState<{ id: string; status: AgreementStatus } | null>(null)

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

      <FilterForm label={t('tasks.board.filters')} hasFilters={hasFilters} onReset={reset}>
        <FilterSelect label={t('tasks.board.network')} allLabel={t('tasks.board.allNetworks')} value={filters.networkId}
          onChange={(v) => setFilter('networkId', v)}>
          {(networks.data ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('tasks.board.responsible')}
          allLabel={t('tasks.board.allResponsibles')}
          value={filters.responsibleActorId}
          onChange={(v) => setFilter('responsibleActorId', v)}
        >
          {(actors.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </FilterSelect>
        <FilterCheckbox label={t('tasks.board.overdueOnly')} checked={filters.overdue ?? false}
          onChange={(checked) => setFilter('overdue', checked ? '1' : undefined)} />
      </FilterForm>

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
  canWrite: (task: TaskDto) => boolean
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
              <TaskCard task={task} canWrite={canWrite(task)} onMove={onMove} moving={moving} focus={focusId === task.id} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={tasks} small />
    </section>
  )
}
