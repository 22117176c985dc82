import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TaskDto } from '@/api'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { LoadMore } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { Table } from '@/components/ui/table'
import { formatDate } from '@/lib/format'
import { useDeleteTask, useTaskList, type TaskFilters } from '../api/tasks'
import { DueDate } from './due-date'
import { TaskForm } from './task-form'

type Editing = { mode: 'add' } | { mode: 'edit'; task: TaskDto } | null

/** Agreements of a network or of one meeting: table with responsibles, due date, status; add, edit, delete. */
export function TaskList({
  networkId,
  meetingId,
  canWrite,
  caption,
  headingId,
  heading,
}: {
  networkId: string
  meetingId?: string
  canWrite: boolean
  caption: string
  headingId: string
  heading: string
}) {
  const { t, i18n } = useTranslation()
  const filters: TaskFilters = meetingId ? { meetingId } : { networkId }
  const tasks = useTaskList(filters)
  const remove = useDeleteTask()
  const describe = useProblemMessage()
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<TaskDto | null>(null)
  const [notice, setNotice] = useState('')
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? []

  const done = (message: string) => {
    setEditing(null)
    setDeleting(null)
    setNotice(message)
  }

  return (
    <>
      <div className="section-header">
        <h2 id={headingId}>{heading}</h2>
        <div className="page-header__actions">
          {!meetingId ? (
            <Link to={`/tasks?networkId=${networkId}`} className="button button--link">
              {t('tasks.openBoard')}
            </Link>
          ) : null}
          {canWrite && !editing ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setNotice('')
                setEditing({ mode: 'add' })
              }}
            >
              {t('tasks.add')}
            </button>
          ) : null}
        </div>
      </div>
      <div role="status">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {editing ? (
        <TaskForm
          key={editing.mode === 'edit' ? editing.task.id : 'new'}
          networkId={networkId}
          meetingId={meetingId}
          task={editing.mode === 'edit' ? editing.task : undefined}
          onDone={done}
        />
      ) : null}
      {deleting ? (
        <Alert tone="warning" title={t('tasks.deleteTitle', { title: deleting.title })}>
          <p>{t('tasks.deleteText')}</p>
          {remove.isError ? <p className="field__error">{describe(remove.error)}</p> : null}
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id: deleting.id, version: deleting.version }, { onSuccess: () => done(t('tasks.deleted', { title: deleting.title })) })}
            >
              {t('tasks.deleteConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => done('')}>
              {t('common.cancel')}
            </button>
          </div>
        </Alert>
      ) : null}
      {tasks.isPending ? (
        <Loading label={t('tasks.loading')} />
      ) : tasks.isError ? (
        <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('tasks.empty')} />
      ) : (
        <Table
          caption={caption}
          columns={[
            t('tasks.fields.title'),
            t('tasks.fields.responsibles'),
            t('tasks.fields.dueDate'),
            t('tasks.fields.status'),
            ...(canWrite ? [t('common.actions')] : []),
          ]}
        >
          {items.map((task) => (
            <tr key={task.id}>
              <td>
                <strong>{task.title}</strong>
                {task.description ? <p className="small pre-line table-excerpt">{task.description}</p> : null}
                {task.meetingId && !meetingId ? (
                  <p className="small table-excerpt">
                    <Link to={`/meetings/${task.meetingId}`}>{t('tasks.fromMeeting', { date: formatDate(task.meetingStartsAt, i18n.language) })}</Link>
                  </p>
                ) : null}
                {task.outcome ? (
                  <p className="small table-excerpt">
                    {t('tasks.fields.outcome')}: {task.outcome}
                  </p>
                ) : null}
              </td>
              <td>
                <ul className="plain-list">
                  {task.responsibles.map((r) => (
                    <li key={r.actorId}>
                      <Link to={`/actors/${r.actorId}`}>{r.name}</Link>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <DueDate task={task} />
              </td>
              <td>
                <span className={`pill pill--task-${task.status}`}>{t(`tasks.statuses.${task.status}`)}</span>
              </td>
              {canWrite ? (
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => {
                        setNotice('')
                        setEditing({ mode: 'edit', task })
                      }}
                    >
                      {t('common.edit')}
                      <span className="visually-hidden">: {task.title}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => {
                        setNotice('')
                        remove.reset()
                        setDeleting(task)
                      }}
                    >
                      {t('common.delete')}
                      <span className="visually-hidden">: {task.title}</span>
                    </button>
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={tasks} />
    </>
  )
}
