import type { TFunction } from 'i18next'
import { z } from '@/lib/zod'
import {
  CadenceUnit,
  MemberRole,
  NetworkFunction,
  NetworkKind,
  NetworkLinkType,
  NetworkStatus,
  type CreateNetworkRequest,
  type NetworkDto,
} from '@/api'

/** Limits mirrored from the API contract (CreateNetworkRequest / UpdateNetworkRequest in openapi/raumnetz.v1.json). */
export const NETWORK_LIMITS = {
  name: 200,
  mandate: 4000,
  mandatedBy: 200,
  legitimationNote: 4000,
  goals: 20,
  goal: 500,
  cadenceMin: 1,
  cadenceMax: 52,
  spaces: 200,
  links: 50,
  linkNote: 4000,
} as const

export const NETWORK_KINDS = Object.values(NetworkKind) as NetworkKind[]
export const NETWORK_STATUSES = Object.values(NetworkStatus) as NetworkStatus[]
export const NETWORK_FUNCTIONS = Object.values(NetworkFunction) as NetworkFunction[]
export const CADENCE_UNITS = Object.values(CadenceUnit) as CadenceUnit[]
export const LINK_TYPES = Object.values(NetworkLinkType) as NetworkLinkType[]
export const MEMBER_ROLES = Object.values(MemberRole) as MemberRole[]

export interface NetworkLinkValues {
  targetNetworkId: string
  type: string
  note: string
}

/** What the form edits: plain strings (empty = not set), goals one per line. */
export interface NetworkFormValues {
  name: string
  kind: string
  status: string
  mandate: string
  mandatedBy: string
  mandatedOn: string
  legitimationNote: string
  functions: string[]
  goals: string
  startedOn: string
  endedOn: string
  cadenceInterval: string
  cadenceUnit: string
  coordinatorActorId: string
  spaceIds: string[]
  links: NetworkLinkValues[]
}

const TOP_FIELDS = [
  'name',
  'kind',
  'status',
  'mandate',
  'mandatedBy',
  'mandatedOn',
  'legitimationNote',
  'functions',
  'goals',
  'startedOn',
  'endedOn',
  'cadenceInterval',
  'cadenceUnit',
  'coordinatorActorId',
  'spaceIds',
  'links',
] as const satisfies readonly (keyof NetworkFormValues)[]

/** Field names the server's error keys can land on, including each link row (`links.0.targetNetworkId`). */
export function networkFormFields(linkCount: number): string[] {
  const rows = Array.from({ length: linkCount }, (_, i) => [`links.${i}.targetNetworkId`, `links.${i}.type`, `links.${i}.note`]).flat()
  return [...TOP_FIELDS, ...rows]
}

export const emptyNetworkForm: NetworkFormValues = {
  name: '',
  kind: '',
  status: NetworkStatus.Active,
  mandate: '',
  mandatedBy: '',
  mandatedOn: '',
  legitimationNote: '',
  functions: [],
  goals: '',
  startedOn: '',
  endedOn: '',
  cadenceInterval: '',
  cadenceUnit: '',
  coordinatorActorId: '',
  spaceIds: [],
  links: [],
}

export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}

export function makeNetworkSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  const required = t('validation.required')
  return z
    .object({
      name: z.string().trim().min(1, required).max(NETWORK_LIMITS.name, max(NETWORK_LIMITS.name)),
      kind: z.string().refine((v) => (NETWORK_KINDS as string[]).includes(v), required),
      status: z.string().refine((v) => (NETWORK_STATUSES as string[]).includes(v), required),
      mandate: z.string().trim().min(1, t('networks.form.mandateRequired')).max(NETWORK_LIMITS.mandate, max(NETWORK_LIMITS.mandate)),
      mandatedBy: z.string().trim().max(NETWORK_LIMITS.mandatedBy, max(NETWORK_LIMITS.mandatedBy)),
      mandatedOn: z.string(),
      legitimationNote: z.string().max(NETWORK_LIMITS.legitimationNote, max(NETWORK_LIMITS.legitimationNote)),
      functions: z.array(z.string()),
      goals: z.string().superRefine((text, ctx) => {
        const goals = splitLines(text)
        if (goals.length > NETWORK_LIMITS.goals) ctx.addIssue(
          { code: 'custom', message: t('networks.form.tooManyGoals', { max: NETWORK_LIMITS.goals }) })
        if (goals.some((g) => g.length > NETWORK_LIMITS.goal)) ctx.addIssue(
          { code: 'custom', message: t('networks.form.goalTooLong', { max: NETWORK_LIMITS.goal }) })
      }),
      startedOn: z.string(),
      endedOn: z.string(),
      cadenceInterval: z
        .string()
        .trim()
        .refine((v) => v === '' || (/^\d+$/.test(v) && +v >= NETWORK_LIMITS.cadenceMin && +v <= NETWORK_LIMITS.cadenceMax), {
          message: t('networks.form.cadenceRange', { min: NETWORK_LIMITS.cadenceMin, max: NETWORK_LIMITS.cadenceMax }),
        }),
      cadenceUnit: z.string(),
      coordinatorActorId: z.string(),
      spaceIds: z.array(z.string()).max(NETWORK_LIMITS.spaces, t('validation.tooManySpaces', { max: NETWORK_LIMITS.spaces })),
      links: z
        .array(
          z.object({
            targetNetworkId: z.string().min(1, required),
            type: z.string().refine((v) => (LINK_TYPES as string[]).includes(v), required),
            note: z.string().max(NETWORK_LIMITS.linkNote, max(NETWORK_LIMITS.linkNote)),
          }),
        )
        .max(NETWORK_LIMITS.links, t('networks.form.tooManyLinks', { max: NETWORK_LIMITS.links })),
    })
    .superRefine((v, ctx) => {
      if ((v.cadenceInterval.trim() === '') !== (v.cadenceUnit === ''))
        ctx.addIssue(
          { code: 'custom', path: [v.cadenceInterval.trim() === '' ? 'cadenceInterval' : 'cadenceUnit'],
            message: t('networks.form.cadenceBoth') })
      if (v.status === NetworkStatus.Ended && !v.endedOn) ctx.addIssue(
        { code: 'custom', path: ['endedOn'], message: t('networks.form.endedOnRequired') })
      if (v.status !== NetworkStatus.Ended && v.endedOn) ctx.addIssue(
        { code: 'custom', path: ['endedOn'], message: t('networks.form.endedOnOnlyWhenEnded') })
      if (v.startedOn && v.endedOn && v.endedOn < v.startedOn) ctx.addIssue(
        { code: 'custom', path: ['endedOn'], message: t('validation.endBeforeStart') })
      const seen = new Set<string>()
      v.links.forEach((link, i) => {
        if (link.targetNetworkId && seen.has(link.targetNetworkId))
          ctx.addIssue({ code: 'custom', path: ['links', i, 'targetNetworkId'], message: t('networks.form.linkTwice') })
        seen.add(link.targetNetworkId)
      })
    }) satisfies z.ZodType<NetworkFormValues>
}

const orUndefined = (v: string) => {
  const s = v.trim()
  return s === '' ? undefined : s
}

/** Form values → request body (empty text becomes "not set"). */
export function toNetworkRequest(v: NetworkFormValues): CreateNetworkRequest {
  return {
    name: v.name.trim(),
    kind: v.kind as NetworkKind,
    status: v.status as NetworkStatus,
    mandate: v.mandate.trim(),
    mandatedBy: orUndefined(v.mandatedBy),
    mandatedOn: orUndefined(v.mandatedOn),
    legitimationNote: orUndefined(v.legitimationNote),
    functions: v.functions as NetworkFunction[],
    goals: splitLines(v.goals),
    startedOn: orUndefined(v.startedOn),
    endedOn: orUndefined(v.endedOn),
    cadenceInterval: v.cadenceInterval.trim() ? Number(v.cadenceInterval) : undefined,
    cadenceUnit: v.cadenceUnit ? (v.cadenceUnit as CadenceUnit) : undefined,
    coordinatorActorId: orUndefined(v.coordinatorActorId),
    spaceIds: v.spaceIds,
    links: v.links.map((l) => ({ targetNetworkId: l.targetNetworkId, type: l.type as NetworkLinkType, note: orUndefined(l.note) })),
  }
}

/** A loaded network → form values. */
export function toNetworkFormValues(n: NetworkDto): NetworkFormValues {
  return {
    name: n.name,
    kind: n.kind,
    status: n.status,
    mandate: n.mandate ?? '',
    mandatedBy: n.mandatedBy ?? '',
    mandatedOn: n.mandatedOn ?? '',
    legitimationNote: n.legitimationNote ?? '',
    functions: [...n.functions],
    goals: n.goals.join('\n'),
    startedOn: n.startedOn ?? '',
    endedOn: n.endedOn ?? '',
    cadenceInterval: n.cadenceInterval ? String(n.cadenceInterval) : '',
    cadenceUnit: n.cadenceUnit ?? '',
    coordinatorActorId: n.coordinatorActorId ?? '',
    spaceIds: n.spaces.map((s) => s.id),
    links: n.links.map((l) => ({ targetNetworkId: l.networkId, type: l.type, note: l.note ?? '' })),
  }
}
