/**
 * Every TanStack Query key of the app, one area per resource. Features read and write their own areas; when a change
 * in one feature makes another's data stale (a network change moves the map and the board, an agreement changes a
 * network's health), it invalidates through these keys, never through a key spelled out by hand. A key is a prefix of
 * the longer ones below it: invalidating `networks.all` refetches every network query.
 */
export const queryKeys = {
  currentUser: ['auth', 'me'] as const,
  /** The signed-in user's own open sessions. */
  ownSessions: ['auth', 'sessions'] as const,
  /** The signed-in user's preferences (what the start page shows). */
  myPreferences: ['auth', 'preferences'] as const,

  users: {
    all: ['users'] as const,
  },
  /** API keys of partner systems (administrators only). */
  apiKeys: ['api-keys'] as const,

  spaces: {
    all: ['spaces'] as const,
    tree: (validOn?: string) => ['spaces', 'tree', validOn ?? null] as const,
    detail: (id: string) => ['spaces', 'detail', id] as const,
    children: (id: string) => ['spaces', 'children', id] as const,
  },

  actors: {
    all: ['actors'] as const,
    lists: ['actors', 'list'] as const,
    list: (filters: object) => ['actors', 'list', filters] as const,
    /** Every picker list of actors (all kinds). */
    options: ['actors', 'options'] as const,
    optionsOf: (kind?: string) => ['actors', 'options', kind ?? null] as const,
    detail: (id: string) => ['actors', 'detail', id] as const,
    relations: (id: string) => ['actors', 'relations', id] as const,
    types: ['actor-types'] as const,
  },

  networks: {
    all: ['networks'] as const,
    lists: ['networks', 'list'] as const,
    list: (filters: object) => ['networks', 'list', filters] as const,
    options: ['networks', 'options'] as const,
    detail: (id: string) => ['networks', 'detail', id] as const,
    /** Every network's health (agreements change it). */
    healthAll: ['networks', 'health'] as const,
    health: (id: string) => ['networks', 'health', id] as const,
    composition: (id: string) => ['networks', 'composition', id] as const,
    members: (id: string) => ['networks', 'members', id] as const,
    meetings: (id: string) => ['networks', 'meetings', id] as const,
    calendarToken: (id: string) => ['networks', 'calendar-token', id] as const,
    /** Every "needs attention" list (agreements change them). */
    attentionAll: ['networks', 'attention'] as const,
    attention: (spaceId?: string) => ['networks', 'attention', spaceId ?? null] as const,
  },

  meetings: {
    all: ['meetings'] as const,
    detail: (id: string) => ['meetings', 'detail', id] as const,
  },

  tasks: {
    all: ['tasks'] as const,
    list: (filters: object, pageSize: number) => ['tasks', 'list', filters, pageSize] as const,
  },

  graph: {
    all: ['graph'] as const,
    graph: (filters: object) => ['graph', filters] as const,
  },

  indicators: {
    all: ['indicators'] as const,
    lists: ['indicators', 'list'] as const,
    list: (filters: object) => ['indicators', 'list', filters] as const,
    detail: (id: string) => ['indicators', 'detail', id] as const,
    /** The latest imports (of values, spaces and the inventory) on the start page. */
    recentImports: (limit: number) => ['indicators', 'recentImports', limit] as const,
  },

  indicatorSets: {
    all: ['indicator-sets'] as const,
    detail: (id: string) => ['indicator-sets', 'detail', id] as const,
    goalsOf: (id: string) => ['indicator-sets', 'goals', id] as const,
    goals: (id: string, spaceId?: string) => ['indicator-sets', 'goals', id, spaceId ?? null] as const,
  },

  observations: {
    all: ['observations'] as const,
    series: (indicatorId: string, spaceId: string) => ['observations', 'series', indicatorId, spaceId] as const,
    evaluationsOf: (setId: string) => ['observations', 'evaluation', setId] as const,
    evaluation: (setId: string, spaceId: string, period: string, referenceSpaceId: string) =>
      ['observations', 'evaluation', setId, spaceId, period, referenceSpaceId] as const,
    spacePeriod: (spaceId: string, period: string) => ['observations', 'space-period', spaceId, period] as const,
  },

  assessments: {
    all: ['assessments'] as const,
    summary: (indicatorId: string, spaceId: string, period: string) => ['assessments', 'summary', indicatorId, spaceId, period] as const,
  },

  /** The inventory (Bestandsaufnahme): a change to a service moves its locations, fundings, the queue and the rounds. */
  inventory: {
    all: ['inventory'] as const,
    taxonomies: ['inventory', 'taxonomies'] as const,
    terms: (taxonomyId: string) => ['inventory', 'taxonomies', taxonomyId, 'terms'] as const,
    locations: ['inventory', 'locations'] as const,
    locationList: (filters: object) => ['inventory', 'locations', 'list', filters] as const,
    /** Every location for the map (up to the API's largest page), by filters. */
    locationMap: (filters: object) => ['inventory', 'locations', 'map', filters] as const,
    location: (id: string) => ['inventory', 'locations', 'detail', id] as const,
    services: ['inventory', 'services'] as const,
    serviceList: (filters: object) => ['inventory', 'services', 'list', filters] as const,
    service: (id: string) => ['inventory', 'services', 'detail', id] as const,
    capacity: (serviceId: string) => ['inventory', 'services', 'capacity', serviceId] as const,
    fundings: ['inventory', 'fundings'] as const,
    fundingList: (filters: object) => ['inventory', 'fundings', 'list', filters] as const,
    fundingsEnding: (filters: object) => ['inventory', 'fundings', 'ending', filters] as const,
    verificationQueue: (filters: object) => ['inventory', 'verification', filters] as const,
    rounds: ['inventory', 'rounds'] as const,
    roundList: (filters: object) => ['inventory', 'rounds', 'list', filters] as const,
    round: (id: string) => ['inventory', 'rounds', 'detail', id] as const,
    roundProgress: (id: string) => ['inventory', 'rounds', 'progress', id] as const,
    roundChanges: (id: string) => ['inventory', 'rounds', 'changes', id] as const,
  },
}
