import type { Translations } from '@/lib/i18n'
import type { de } from './de'

/** English texts of the network map: the same keys as German (checked by the type and by a test). */
export const en: Translations<typeof de> = {
  map: {
    title: 'Network map',
    intro: 'Who works with whom, in which networks – and who connects them? The table below the map holds the same information.',
    loading: 'Computing the network map …',
    empty: 'There are no nodes for this selection.',
    emptyHint: 'Choose another social space, network or reference date.',
    status: '{{nodes}} nodes and {{edges}} links, as of {{date}}.',
    side: 'Selection and legend',
    toolbar: 'Map view',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Show all',
    toTable: 'To the table',
    filters: {
      label: 'Filter the network map',
      network: 'Network',
      allNetworks: 'All networks',
      networkHint: 'Shows the network, its members and linked networks (takes precedence over the social space).',
      on: 'Reference date',
      edgeKinds: 'Kinds of links',
      relationTypes: 'Kinds of relations between actors',
      sizeBy: 'Node size by',
    },
    sizeBy: {
      betweenness: 'brokerage (betweenness)',
      degree: 'number of links (degree)',
    },
    edgeKinds: {
      membership: 'Memberships',
      actorRelation: 'Relations between actors',
      networkLink: 'Links between networks',
    },
    linkLabels: {
      delegatesTo: 'delegates',
      reportsTo: 'reports',
    },
    node: {
      network: 'Network',
      actor: 'Actor',
      broker: 'broker',
      isolated: 'isolated',
      regular: 'connected',
    },
    summary: {
      counts: 'Network map on {{date}} with {{nodes}} nodes ({{networks}} networks, {{actors}} actors) and {{edges}} links.',
      brokers: 'Main brokers: {{names}}.',
      noBrokers: 'No marked brokers.',
      isolated_one: '{{count}} isolated node.',
      isolated_other: '{{count}} isolated nodes.',
      table: 'All nodes are listed in the table below the map.',
    },
    selected: {
      title: 'Selected',
      none: 'Click a node or choose “Show in map” in the table.',
    },
    legend: {
      title: 'Legend',
      network: 'Network (rectangle)',
      actorPublic: 'Actor, public sector (circle)',
      actorCivil: 'Actor, civil society (circle)',
      actorPrivate: 'Actor, private economy (circle)',
      broker: 'Broker: diamond or double border, “◆” before the name – lies on many shortest paths between others (at least a quarter of ' +
        'the highest value in this map)',
      isolated: 'Isolated: dashed border, “(isolated)” after the name',
      relation: 'Relation between actors (dashed, with arrow)',
      link: 'Link between networks (thick, with arrow)',
      size: 'Node size: {{metric}}.',
    },
    table: {
      title: 'Nodes as a table',
      caption: 'All {{count}} nodes of the network map',
      sortHint: '(column headers sort)',
      name: 'Name',
      kind: 'Kind',
      degree: 'Links (degree)',
      betweenness: 'Brokerage',
      position: 'Position',
      inMap: 'Map',
      show: 'Show in map',
    },
  },
}
