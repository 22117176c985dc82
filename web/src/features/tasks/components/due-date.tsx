import { useTranslation } from 'react-i18next'
import type { TaskDto } from '@/api'
import { formatDate } from '@/lib/format'
import '../tasks.css'

/** Due date in words; an overdue agreement says so in text ("überfällig seit …"), not only by colour. */
export function DueDate({ task }: { task: Pick<TaskDto, 'dueDate' | 'isOverdue'> }) {
  const { t, i18n } = useTranslation()
  if (!task.dueDate) return <span className="muted">{t('tasks.noDueDate')}</span>
  const date = formatDate(task.dueDate, i18n.language)
  if (task.isOverdue)
    return (
      <strong className="overdue">
        <span aria-hidden="true">⚠ </span>
        {t('tasks.overdueSince', { date })}
      </strong>
    )
  return <span>{t('tasks.dueOn', { date })}</span>
}
