import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, etag, type AgreementStatus, type CreateTaskRequest, type TaskDto, type UpdateTaskRequest } from '@/api'
import { listTasks } from '@/api/requests'
import { cursorPaging } from '@/lib/cursor-paging'
import { queryKeys } from '@/lib/query-keys'

export interface TaskFilters {
  networkId?: string
  meetingId?: string
  responsibleActorId?: string
  status?: AgreementStatus
  overdue?: boolean
}

export const TASKS_PAGE_SIZE = 50

/** Agreements by due date (undated last), page by page along the cursor. */
export function useTaskList(filters: TaskFilters, pageSize = TASKS_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: queryKeys.tasks.list(filters, pageSize),
    queryFn: ({ pageParam }) => listTasks({ ...filters, overdue: filters.overdue || undefined, limit: pageSize, cursor: pageParam }),
    ...cursorPaging,
    placeholderData: keepPreviousData,
  })
}

/** Agreements change health, attention list and the board: refetch all of them. */
function useTaskCacheUpdate() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.tasks.all })
    void queryClient.invalidateQueries({ queryKey: queryKeys.networks.healthAll })
    void queryClient.invalidateQueries({ queryKey: queryKeys.networks.attentionAll })
  }
}

export function useCreateTask() {
  const update = useTaskCacheUpdate()
  return useMutation({ mutationFn: (body: CreateTaskRequest) => api.createTask(body), onSuccess: update })
}

export function useUpdateTask() {
  const update = useTaskCacheUpdate()
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdateTaskRequest; version: number }) => api.updateTask(id, etag(version), body),
    onSuccess: update,
  })
}

export function useDeleteTask() {
  const update = useTaskCacheUpdate()
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.deleteTask(id, etag(version)),
    onSuccess: update,
  })
}

/** A loaded agreement → the full update body (PUT replaces every field). */
export function toTaskUpdate(task: TaskDto, changes: Partial<UpdateTaskRequest> = {}): UpdateTaskRequest {
  return {
    networkId: task.networkId,
    meetingId: task.meetingId,
    title: task.title,
    description: task.description,
    responsibleActorIds: task.responsibles.map((r) => r.actorId),
    dueDate: task.dueDate,
    status: task.status,
    outcome: task.outcome,
    ...changes,
  }
}
