import type { Translations } from '@/lib/i18n'
import type { de } from './de'

/** English texts of the social spaces: the same keys as German (checked by the type and by a test). */
export const en: Translations<typeof de> = {
  spaces: {
    title: 'Social spaces',
    intro: 'The spatial hierarchy in which networks, services and measures are located.',
    validOn: 'Reference date',
    loading: 'Loading social spaces …',
    empty: 'No social spaces yet.',
    emptyHint: 'Social spaces can be imported as GeoJSON.',
    backToTree: 'Back to social spaces',
    tree: {
      label: 'Hierarchy of social spaces',
      help: 'Move with the arrow keys, expand and collapse with right/left arrow, open the details with Enter.',
      endedShort: 'ended',
    },
    fields: {
      code: 'Code',
      level: 'Level',
      parent: 'Parent space',
      population: 'Population',
      validity: 'Validity',
    },
    detail: {
      shape: 'Location and parts',
      shapeLabel: 'Outline of {{name}} with the areas inside it',
      indicatorsLink: 'Indicators of this social space',
      title: 'Social space',
      loading: 'Loading social space …',
      facts: 'Details',
      ended: 'This social space is no longer valid since {{date}}.',
      endedOn: 'ended on {{date}}',
      noParent: 'none (top level)',
      predecessors: 'Predecessors',
      noPredecessors: 'No predecessors.',
      successors: 'Successors',
      noSuccessors: 'No successors.',
      children: 'Subordinate spaces',
      noChildren: 'No subordinate spaces.',
    },
  },
}
