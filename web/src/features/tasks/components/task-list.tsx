import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TaskDto } from '@/api'
import { ConfirmAlert } from '@/components/ui/confirm'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { AddButton, ChangeNotice } from '@/components/ui/inline-editing'
import { LoadMore } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { RowAction, Table } from '@/components/ui/table'
import { useInlineEditing } from '@/components/ui/use-inline-editing'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { formatDate } from '@/lib/format'
import { useDeleteTask, useTaskList, type TaskFilters } from '../api/tasks'
import { DueDate } from './due-date'
import { TaskForm } from './task-form'

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
  const { editing, notice, add, edit, close, clearNotice } = useInlineEditing<TaskDto>()
  const [deleting, setDeleting] = useState<TaskDto | null>(null)
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? []

  const done = (message: string) => {
    close(message)
    setDeleting(null)
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
          {canWrite && !editing ? <AddButton label={t('tasks.add')} onClick={add} /> : null}
        </div>
      </div>
      <ChangeNotice notice={notice} />
      {editing ? (
        <TaskForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          networkId={networkId}
          meetingId={meetingId}
          task={editing.mode === 'edit' ? editing.item : undefined}
          onDone={done}
        />
      ) : null}
      {deleting ? (
        <ConfirmAlert
          title={t('tasks.deleteTitle', { title: deleting.title })}
          text={t('tasks.deleteText')}
          error={remove.isError ? <p className="field__error">{describe(remove.error)}</p> : null}
          confirmLabel={t('tasks.deleteConfirm')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: deleting.id, version: deleting.version }, { onSuccess: () => done(t('tasks.deleted', { title: deleting.title })) })}
          onCancel={() => done('')}
        />
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
                    <RowAction label={t('common.edit')} subject={task.title} onClick={() => edit(task)} />
                    <RowAction
                      label={t('common.delete')}
                      subject={task.title}
                      onClick={() => {
                        clearNotice()
                        remove.reset()
                        setDeleting(task)
                      }}
                    />
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
