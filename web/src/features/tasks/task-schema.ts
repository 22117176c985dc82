import type { TFunction } from 'i18next'
import { z } from '@/lib/zod'
import { AgreementStatus, type CreateTaskRequest, type TaskDto } from '@/api'

/** Limits mirrored from the API contract (CreateTaskRequest / UpdateTaskRequest). */
export const TASK_LIMITS = { title: 200, description: 4000, outcome: 4000, responsibles: 20 } as const

export const AGREEMENT_STATUSES = Object.values(AgreementStatus) as AgreementStatus[]

export interface TaskFormValues {
  title: string
  description: string
  responsibleActorIds: string[]
  dueDate: string
  status: string
  outcome: string
  meetingId: string
}

export const TASK_FORM_FIELDS = ['title', 'description', 'responsibleActorIds', 'dueDate', 'status', 'outcome', 'meetingId'] as const

export function makeTaskSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  return z.object({
    title: z.string().trim().min(1, t('validation.required')).max(TASK_LIMITS.title, max(TASK_LIMITS.title)),
    description: z.string().max(TASK_LIMITS.description, max(TASK_LIMITS.description)),
    responsibleActorIds: z
      .array(z.string())
      .min(1, t('tasks.form.responsibleRequired'))
      .max(TASK_LIMITS.responsibles, t('tasks.form.tooManyResponsibles', { max: TASK_LIMITS.responsibles })),
    dueDate: z.string(),
    status: z.string().refine((v) => (AGREEMENT_STATUSES as string[]).includes(v), t('validation.required')),
    outcome: z.string().max(TASK_LIMITS.outcome, max(TASK_LIMITS.outcome)),
    meetingId: z.string(),
  }) satisfies z.ZodType<TaskFormValues>
}

export function toTaskRequest(networkId: string, v: TaskFormValues): CreateTaskRequest {
  return {
    networkId,
    meetingId: v.meetingId || undefined,
    title: v.title.trim(),
    description: v.description.trim() || undefined,
    responsibleActorIds: v.responsibleActorIds,
    dueDate: v.dueDate || undefined,
    status: v.status as AgreementStatus,
    outcome: v.outcome.trim() || undefined,
  }
}

export function toTaskFormValues(task: TaskDto): TaskFormValues {
  return {
    title: task.title,
    description: task.description ?? '',
    responsibleActorIds: task.responsibles.map((r) => r.actorId),
    dueDate: task.dueDate ?? '',
    status: task.status,
    outcome: task.outcome ?? '',
    meetingId: task.meetingId ?? '',
  }
}
