/** German texts of the social spaces (lib/i18n merges every feature's locales into the app's texts). */
export const de = {
  spaces: {
    title: 'Sozialräume',
    intro: 'Die räumliche Gliederung, in der Netzwerke, Angebote und Kennzahlen verortet sind.',
    validOn: 'Stichtag',
    loading: 'Sozialräume werden geladen …',
    empty: 'Noch keine Sozialräume vorhanden.',
    emptyHint: 'Sozialräume können als GeoJSON importiert werden.',
    backToTree: 'Zurück zu den Sozialräumen',
    tree: {
      label: 'Gliederung der Sozialräume',
      help: 'Mit den Pfeiltasten bewegen, mit Pfeil rechts/links auf- und zuklappen, mit der Eingabetaste die Details öffnen.',
      endedShort: 'beendet',
    },
    fields: {
      code: 'Kennung',
      level: 'Ebene',
      parent: 'Übergeordneter Raum',
      population: 'Einwohnerzahl',
      validity: 'Gültigkeit',
    },
    detail: {
      indicatorsLink: 'Indikatoren dieses Sozialraums',
      title: 'Sozialraum',
      loading: 'Sozialraum wird geladen …',
      facts: 'Stammdaten',
      ended: 'Dieser Sozialraum ist seit {{date}} nicht mehr gültig.',
      endedOn: 'beendet am {{date}}',
      noParent: 'keiner (oberste Ebene)',
      predecessors: 'Vorgänger',
      noPredecessors: 'Keine Vorgänger.',
      successors: 'Nachfolger',
      noSuccessors: 'Keine Nachfolger.',
      children: 'Untergeordnete Räume',
      noChildren: 'Keine untergeordneten Räume.',
    },
  },
}
