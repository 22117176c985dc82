import type { SpaceDto } from '@/api'
import { historyOf } from '@/components/history/history-values'

/** A space's "Verlauf": its fields with the labels of its page and editor. */
export const spaceHistory = historyOf<SpaceDto>('space', {
  code: { label: 'spaces.fields.code' },
  name: { label: 'spaces.fields.name' },
  level: { label: 'spaces.fields.level', value: { enum: 'terms.spaceLevels' } },
  parentId: { label: 'spaces.fields.parent', value: { nameIn: 'parentName' } },
  parentName: { label: 'spaces.fields.parent' },
  population: { label: 'spaces.fields.population', value: 'number' },
  geometry: { label: 'spaces.history.shape', value: 'presence' },
  validFrom: { label: 'spaces.editor.validFrom', value: 'date' },
  validTo: { label: 'spaces.history.validTo', value: 'date' },
  predecessorIds: { label: 'spaces.detail.predecessors', value: { records: 'spaces' } },
  successorIds: { label: 'spaces.detail.successors', value: { records: 'spaces' } },
  // how many spaces lie below: computed, it changes with the others
  childCount: 'hidden',
})
