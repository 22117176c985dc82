import type { ActorDto } from '@/api'
import { historyOf } from '@/components/history/history-values'

/** An actor's "Verlauf": its fields with the labels of its page and form. */
export const actorHistory = historyOf<ActorDto>('actor', {
  kind: { label: 'actors.fields.kind', value: { enum: 'terms.actorKinds' } },
  name: { label: 'actors.fields.name' },
  shortName: { label: 'actors.fields.shortName' },
  // the type's code; its name is beside it
  type: { label: 'actors.fields.type', value: { nameIn: 'typeName' } },
  typeName: { label: 'actors.fields.type' },
  sector: { label: 'actors.fields.sector', value: { enum: 'terms.sectors' } },
  parentId: { label: 'actors.fields.parent', value: { nameIn: 'parentName' } },
  parentName: { label: 'actors.fields.parent' },
  email: { label: 'actors.fields.email' },
  phone: { label: 'actors.fields.phone' },
  website: { label: 'actors.fields.website' },
  street: { label: 'actors.fields.street' },
  postalCode: { label: 'actors.fields.postalCode' },
  city: { label: 'actors.fields.city' },
  spaceIds: { label: 'actors.fields.spaces', value: { records: 'spaces' } },
  tags: { label: 'actors.fields.tags', value: 'texts' },
  notes: { label: 'actors.fields.notes' },
  archivedAt: { label: 'actors.history.archivedAt', value: 'instant' },
})
