import type { Translations } from '@/lib/i18n'
import type { de } from './de'

/** English texts of the social spaces: the same keys as German (checked by the type and by a test). */
export const en: Translations<typeof de> = {
  spaces: {
    editor: {
      createTitle: 'Create a social space',
      editTitle: 'Edit {{name}}',
      create: 'Create',
      save: 'Save',
      edit: 'Edit',
      validFrom: 'Valid from',
      shape: 'Outline (GeoJSON file)',
      shapeHint: 'A GeoJSON file with a Polygon or MultiPolygon (a geometry, a Feature or the first feature of a collection).',
      shapeSet: 'Outline present ({{type}}); a new file replaces it.',
      shapeInvalid: 'The file holds no Polygon or MultiPolygon in GeoJSON.',
      endOn: 'End on',
      end: 'End the space',
      newSpace: 'Create a space',
      importSpaces: 'Import from GeoJSON',
    },
    import: {
      title: 'Import social spaces from GeoJSON',
      lead:
        'A FeatureCollection as a GIS writes it: choose which properties hold the code and the name, and the ' +
        'level, parent and start for all. Check first, then import; existing codes are updated.',
      file: 'GeoJSON file',
      notCollection: 'The file is not a GeoJSON FeatureCollection.',
      read_one: '{{count}} area read.',
      read_other: '{{count}} areas read.',
      codeFrom: 'Code from property',
      nameFrom: 'Name from property',
      check: 'Check',
      run: 'Import',
      checked: 'Checked: {{created}} new, {{updated}} updated. Nothing saved yet.',
      done: 'Imported: {{created}} new, {{updated}} updated.',
    },
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
      name: 'Name',
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
    // Labels of the "Verlauf" for fields this page does not show under a name of their own.
    history: {
      shape: 'Outline',
      validTo: 'Valid until',
    },
  },
}
