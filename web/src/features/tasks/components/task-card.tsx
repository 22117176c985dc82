import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AgreementStatus, TaskDto } from '@/api'
import { formatDate } from '@/lib/format'
import { AGREEMENT_STATUSES } from '../task-schema'
import { DueDate } from './due-date'
import '../tasks.css'

export interface TaskCardProps {
  task: TaskDto
  canWrite: boolean
  /** Moves the agreement to another status (PUT with If-Match). */
  onMove: (task: TaskDto, status: AgreementStatus) => void
  moving: boolean
  /** Focus the card's heading once mounted (after it moved into this column). */
  focus: boolean
}

/**
 * One agreement on the board. The status is changed with a labelled select and a button,
 * so the board works with keyboard and screen reader, not by dragging.
 */
export function TaskCard({ task, canWrite, onMove, moving, focus }: TaskCardProps) {
  const { t, i18n } = useTranslation()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const selectId = useId()
  const [target, setTarget] = useState<AgreementStatus>(task.status)

  useEffect(() => {
    if (focus) headingRef.current?.focus()
  }, [focus])

  return (
    <article className={task.isOverdue ? 'task-card task-card--overdue' : 'task-card'} aria-labelledby={`${selectId}-title`}>
      <h3 id={`${selectId}-title`} className="task-card__title" ref={headingRef} tabIndex={-1}>
        {task.title}
      </h3>
      <p className="task-card__network">
        <Link to={`/networks/${task.networkId}`}>{task.networkName}</Link>
        {task.meetingId ? (
          <>
            {' · '}
            <Link to={`/meetings/${task.meetingId}`}>{t('tasks.fromMeeting', { date: formatDate(task.meetingStartsAt, i18n.language) })}</Link>
          </>
        ) : null}
      </p>
      <dl className="task-card__facts">
        <dt>{t('tasks.fields.responsibles')}</dt>
        <dd>{task.responsibles.map((r) => r.name).join(', ')}</dd>
        <dt>{t('tasks.fields.dueDate')}</dt>
        <dd>
          <DueDate task={task} />
        </dd>
        {task.outcome ? (
          <>
            <dt>{t('tasks.fields.outcome')}</dt>
            <dd>{task.outcome}</dd>
          </>
        ) : null}
      </dl>
      {canWrite ? (
        <form
          className="task-card__move"
          onSubmit={(e) => {
            e.preventDefault()
            if (target !== task.status) onMove(task, target)
          }}
        >
          <label htmlFor={selectId} className="visually-hidden">
            {t('tasks.board.statusOf', { title: task.title })}
          </label>
          <select id={selectId} className="input input--compact" value={target} onChange={(e) => setTarget(e.target.value as AgreementStatus)}>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`tasks.statuses.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary button--small" disabled={moving || target === task.status}>
            {t('tasks.board.move')}
            <span className="visually-hidden">: {task.title}</span>
          </button>
        </form>
      ) : null}
    </article>
  )
}
