import type { TFunction } from 'i18next'
import { z } from '@/lib/zod'
import type { CreateInventoryRoundRequest } from '@/api'

/** Limits mirrored from the contract (CreateInventoryRoundRequest). */
export const ROUND_LIMITS = { name: 200, note: 4000, assignments: 200 } as const

/** Who is responsible for what: an actor for a space (and the spaces below it) or for a category. */
export interface AssignmentRow {
  actorId: string
  by: 'space' | 'category'
  spaceId: string
  categoryCode: string
}

export interface RoundFormValues {
  name: string
  spaceId: string
  startsOn: string
  endsOn: string
  previousRoundId: string
  note: string
  assignments: AssignmentRow[]
}

export const ROUND_FORM_FIELDS = ['name', 'spaceId', 'startsOn', 'endsOn', 'previousRoundId', 'note', 'assignments'] as const

export const emptyAssignmentRow: AssignmentRow = { actorId: '', by: 'space', spaceId: '', categoryCode: '' }

export const emptyRoundForm: RoundFormValues = {
  name: '', spaceId: '', startsOn: '', endsOn: '', previousRoundId: '', note: '', assignments: [],
}

export function makeRoundSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  const assignment = z
    .object({
      actorId: z.string().min(1, t('inventory.roundForm.actorRequired')),
      by: z.enum(['space', 'category']),
      spaceId: z.string(),
      categoryCode: z.string(),
    })
    .superRefine((a, ctx) => {
      if (a.by === 'space' && !a.spaceId)
        ctx.addIssue({ code: 'custom', message: t('inventory.roundForm.spaceRequired'), path: ['spaceId'] })
      if (a.by === 'category' && !a.categoryCode)
        ctx.addIssue({ code: 'custom', message: t('inventory.roundForm.categoryRequired'), path: ['categoryCode'] })
    })
  return z
    .object({
      name: z.string().trim().min(1, t('validation.required')).max(ROUND_LIMITS.name, max(ROUND_LIMITS.name)),
      spaceId: z.string().min(1, t('inventory.roundForm.regionRequired')),
      startsOn: z.string().min(1, t('validation.required')),
      endsOn: z.string().min(1, t('validation.required')),
      previousRoundId: z.string(),
      note: z.string().max(ROUND_LIMITS.note, max(ROUND_LIMITS.note)),
      assignments: z.array(assignment).max(ROUND_LIMITS.assignments, t('inventory.roundForm.tooManyAssignments',
        { max: ROUND_LIMITS.assignments })),
    })
    .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
      message: t('validation.endBeforeStart'),
      path: ['endsOn'],
    }) satisfies z.ZodType<RoundFormValues>
}

export function toRoundRequest(v: RoundFormValues): CreateInventoryRoundRequest {
  return {
    name: v.name.trim(),
    spaceId: v.spaceId,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    previousRoundId: v.previousRoundId || undefined,
    note: v.note.trim() || undefined,
    assignments: v.assignments.map((a) => (a.by === 'space' ? { actorId: a.actorId, spaceId: a.spaceId }
      : { actorId: a.actorId, categoryCode: a.categoryCode })),
  }
}
