import type { TFunction } from 'i18next'
import { z } from '@/lib/zod'
import { ActorKind, RelationType, Sector, type ActorDto, type CreateActorRequest } from '@/api'

/** Limits mirrored from the API contract (CreateActorRequest / UpdateActorRequest in openapi/raumnetz.v1.json). */
export const ACTOR_LIMITS = {
  name: 200,
  shortName: 50,
  email: 254,
  phone: 50,
  website: 500,
  street: 200,
  postalCode: 10,
  city: 100,
  notes: 4000,
  tags: 20,
  tag: 50,
  spaces: 200,
} as const

/** The contract's e-mail pattern (something@domain.tld, no spaces). */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

export const ACTOR_KINDS = Object.values(ActorKind) as ActorKind[]
export const SECTORS = Object.values(Sector) as Sector[]
export const RELATION_TYPES = Object.values(RelationType) as RelationType[]

/** What the form edits: plain strings (empty = not set), tags as one comma-separated text. */
export interface ActorFormValues {
  kind: string
  name: string
  shortName: string
  type: string
  sector: string
  parentId: string
  email: string
  phone: string
  website: string
  street: string
  postalCode: string
  city: string
  spaceIds: string[]
  tags: string
  notes: string
}

export const ACTOR_FORM_FIELDS = [
  'kind',
  'name',
  'shortName',
  'type',
  'sector',
  'parentId',
  'email',
  'phone',
  'website',
  'street',
  'postalCode',
  'city',
  'spaceIds',
  'tags',
  'notes',
] as const satisfies readonly (keyof ActorFormValues)[]

export const emptyActorForm: ActorFormValues = {
  kind: ActorKind.Organisation,
  name: '',
  shortName: '',
  type: '',
  sector: '',
  parentId: '',
  email: '',
  phone: '',
  website: '',
  street: '',
  postalCode: '',
  city: '',
  spaceIds: [],
  tags: '',
  notes: '',
}

export function splitTags(text: string): string[] {
  const seen = new Set<string>()
  for (const raw of text.split(',')) {
    const tag = raw.trim()
    if (tag) seen.add(tag)
  }
  return [...seen]
}

export function makeActorSchema(t: TFunction) {
  const max = (n: number) => t('validation.maxLength', { max: n })
  const optional = (n: number) => z.string().trim().max(n, max(n))
  return z.object({
    kind: z.string().refine((v) => (ACTOR_KINDS as string[]).includes(v), t('validation.required')),
    name: z.string().trim().min(1, t('validation.required')).max(ACTOR_LIMITS.name, max(ACTOR_LIMITS.name)),
    shortName: optional(ACTOR_LIMITS.shortName),
    type: z.string().min(1, t('validation.required')),
    sector: z.string().refine((v) => (SECTORS as string[]).includes(v), t('validation.required')),
    parentId: z.string(),
    email: z
      .string()
      .trim()
      .max(ACTOR_LIMITS.email, max(ACTOR_LIMITS.email))
      .refine((v) => v === '' || EMAIL_PATTERN.test(v), t('validation.email')),
    phone: optional(ACTOR_LIMITS.phone),
    website: optional(ACTOR_LIMITS.website),
    street: optional(ACTOR_LIMITS.street),
    postalCode: optional(ACTOR_LIMITS.postalCode),
    city: optional(ACTOR_LIMITS.city),
    spaceIds: z.array(z.string()).max(ACTOR_LIMITS.spaces, t('validation.tooManySpaces', { max: ACTOR_LIMITS.spaces })),
    tags: z.string().superRefine((text, ctx) => {
      const tags = splitTags(text)
      if (tags.length > ACTOR_LIMITS.tags) ctx.addIssue(
        { code: 'custom', message: t('validation.tooManyTags', { max: ACTOR_LIMITS.tags }) })
      const long = tags.find((tag) => tag.length > ACTOR_LIMITS.tag)
      if (long) ctx.addIssue({ code: 'custom', message: t('validation.tagTooLong', { tag: long, max: ACTOR_LIMITS.tag }) })
    }),
    notes: z.string().max(ACTOR_LIMITS.notes, max(ACTOR_LIMITS.notes)),
  }) satisfies z.ZodType<ActorFormValues>
}

const orUndefined = (v: string) => {
  const s = v.trim()
  return s === '' ? undefined : s
}

/** Form values → request body (empty text becomes "not set"). */
export function toActorRequest(v: ActorFormValues): CreateActorRequest {
  return {
    kind: v.kind as ActorKind,
    name: v.name.trim(),
    shortName: orUndefined(v.shortName),
    type: v.type,
    sector: v.sector as Sector,
    parentId: orUndefined(v.parentId),
    email: orUndefined(v.email),
    phone: orUndefined(v.phone),
    website: orUndefined(v.website),
    street: orUndefined(v.street),
    postalCode: orUndefined(v.postalCode),
    city: orUndefined(v.city),
    spaceIds: v.spaceIds,
    tags: splitTags(v.tags),
    notes: orUndefined(v.notes),
  }
}

/** A loaded actor → form values. */
export function toActorFormValues(a: ActorDto): ActorFormValues {
  return {
    kind: a.kind,
    name: a.name,
    shortName: a.shortName ?? '',
    type: a.type,
    sector: a.sector,
    parentId: a.parentId ?? '',
    email: a.email ?? '',
    phone: a.phone ?? '',
    website: a.website ?? '',
    street: a.street ?? '',
    postalCode: a.postalCode ?? '',
    city: a.city ?? '',
    spaceIds: [...(a.spaceIds ?? [])],
    tags: (a.tags ?? []).join(', '),
    notes: a.notes ?? '',
  }
}
