/**
 * Named parameters for the generated client's list and search operations. NSwag generates their optional query
 * parameters positionally (`api.listActors(kind, type, sector, spaceId, q, includeArchived, limit, cursor)`), which
 * invites `undefined, undefined, …` calls that break silently when the contract adds a parameter. Call these instead:
 * `listActors({ q, limit: 50 })`. One function per operation, nothing else: no caching, no React (query options and
 * hooks live with the feature that shows the data, or with the shared pickers in components/pickers).
 *
 * Empty strings (an unset filter from a form or the URL) are not sent; everything else is passed on as given.
 */
import type {
  ActorKind,
  AgreementStatus,
  GraphEdgeKind,
  IndicatorKind,
  InventoryRoundStatus,
  ListActorRelationsSort,
  ListActorsSort,
  ListAuditEntriesSort,
  ListFundingsEndingSort,
  ListFundingsSort,
  ListIndicatorSetsSort,
  ListIndicatorsSort,
  ListInventoryRoundsSort,
  ListLocationsSort,
  ListNetworkMeetingsSort,
  ListNetworkMembersSort,
  ListNetworksSort,
  ListObservationsSort,
  ListServicesSort,
  ListSpacesSort,
  ListTasksSort,
  ListVerificationQueueSort,
  LocationKind,
  MemberRole,
  MembershipState,
  NetworkKind,
  NetworkStatus,
  ObservationStatus,
  RelationType,
  RenewalStatus,
  ServiceStatus,
  Sector,
  SpaceLevel,
  VerificationState,
} from './client'
import { api } from './index'

/**
 * `limit` (1–500, the API's default 50), the opaque `cursor` of the page to read (of the same sort), the list's `sort`
 * (a column, descending with a leading minus), `includeTotal` (count the matching rows into `total`) and `modifiedAfter`
 * (rows changed after that ISO instant).
 */
export interface PageParams<S = never> {
  limit?: number
  cursor?: string
  sort?: S
  includeTotal?: boolean
  modifiedAfter?: string
}

/** The API's largest page: pickers and "everything of one network" lists read in pages of this size. */
export const MAX_PAGE_SIZE = 500

/** '' → undefined, so an empty filter is not sent as `?q=`. */
const given = (value: string | undefined) => value || undefined

/** Reads page after page along the cursor until the end (or until `max` items), in the order the API gives them. */
export async function readAllPages<T>(
  readPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
  max = Number.POSITIVE_INFINITY,
): Promise<T[]> {
  const all: T[] = []
  let cursor: string | undefined
  do {
    const page = await readPage(cursor)
    all.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor && all.length < max)
  return all
}

// ---- Actors ----------------------------------------------------------------------------------------------

export interface ActorListParams extends PageParams<ListActorsSort> {
  kind?: ActorKind
  type?: string
  sector?: Sector
  spaceId?: string
  q?: string
  includeArchived?: boolean
}

export const listActors = (p: ActorListParams = {}) =>
  api.listActors(p.kind, given(p.type), p.sector, given(p.spaceId), given(p.q), p.includeArchived, p.limit, p.cursor, p.sort,
    p.includeTotal, given(p.modifiedAfter))

export const listActorRelations = (id: string, p: PageParams<ListActorRelationsSort> = {}) =>
  api.listActorRelations(id, p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

// ---- Spaces ----------------------------------------------------------------------------------------------

export interface SpaceListParams extends PageParams<ListSpacesSort> {
  level?: SpaceLevel
  parentId?: string
  q?: string
  validOn?: string
}

export const listSpaces = (p: SpaceListParams = {}) =>
  api.listSpaces(p.level, given(p.parentId), given(p.q), given(p.validOn), p.limit, p.cursor, p.sort, p.includeTotal,
    given(p.modifiedAfter))

// ---- Networks, members, meetings, agreements ----------------------------------------------------------------

export interface NetworkListParams extends PageParams<ListNetworksSort> {
  spaceId?: string
  kind?: NetworkKind
  status?: NetworkStatus
  memberActorId?: string
  q?: string
}

export const listNetworks = (p: NetworkListParams = {}) =>
  api.listNetworks(given(p.spaceId), p.kind, p.status, given(p.memberActorId), given(p.q), p.limit, p.cursor, p.sort, p.includeTotal,
    given(p.modifiedAfter))

export interface NetworkMemberListParams extends PageParams<ListNetworkMembersSort> {
  state?: MembershipState
  role?: MemberRole
}

export const listNetworkMembers = (networkId: string, p: NetworkMemberListParams = {}) =>
  api.listNetworkMembers(networkId, p.state, p.role, p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface MeetingListParams extends PageParams<ListNetworkMeetingsSort> {
  from?: string
  to?: string
}

export const listNetworkMeetings = (networkId: string, p: MeetingListParams = {}) =>
  api.listNetworkMeetings(networkId, given(p.from), given(p.to), p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

/** `meetings`: how many recent meetings the attendance rate looks at (the API's default when not given). */
export const listNetworksNeedingAttention = (p: { spaceId?: string; meetings?: number } = {}) =>
  api.listNetworksNeedingAttention(given(p.spaceId), p.meetings)

export interface TaskListParams extends PageParams<ListTasksSort> {
  networkId?: string
  meetingId?: string
  responsibleActorId?: string
  status?: AgreementStatus
  overdue?: boolean
}

export const listTasks = (p: TaskListParams = {}) =>
  api.listTasks(given(p.networkId), given(p.meetingId), given(p.responsibleActorId), p.status, p.overdue, p.limit, p.cursor, p.sort,
    p.includeTotal, given(p.modifiedAfter))

export interface NetworkGraphParams {
  spaceId?: string
  networkId?: string
  on?: string
  /** Empty or missing: all relation types. */
  relationTypes?: RelationType[]
  /** Empty or missing: all edge kinds. */
  edgeKinds?: GraphEdgeKind[]
}

export const getNetworkGraph = (p: NetworkGraphParams = {}) =>
  api.getNetworkGraph(
    given(p.spaceId),
    given(p.networkId),
    given(p.on),
    p.relationTypes?.length ? p.relationTypes : undefined,
    p.edgeKinds?.length ? p.edgeKinds : undefined,
  )

// ---- Indicators ------------------------------------------------------------------------------------------

export interface IndicatorListParams extends PageParams<ListIndicatorsSort> {
  kind?: IndicatorKind
  topic?: string
  q?: string
}

export const listIndicators = (p: IndicatorListParams = {}) =>
  api.listIndicators(p.kind, given(p.topic), given(p.q), p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface IndicatorSetListParams extends PageParams<ListIndicatorSetsSort> {
  networkId?: string
  q?: string
}

export const listIndicatorSets = (p: IndicatorSetListParams = {}) =>
  api.listIndicatorSets(given(p.networkId), given(p.q), p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface ObservationListParams extends PageParams<ListObservationsSort> {
  indicatorId?: string
  spaceId?: string
  /** First period (inclusive), e.g. `2020` or `2024-Q2`. */
  from?: string
  /** Last period (inclusive). */
  to?: string
  status?: ObservationStatus
}

export const listObservations = (p: ObservationListParams = {}) =>
  api.listObservations(given(p.indicatorId), given(p.spaceId), given(p.from), given(p.to), p.status, p.limit, p.cursor, p.sort,
    p.includeTotal, given(p.modifiedAfter))

// ---- Inventory: locations, services, fundings, verification, rounds ---------------------------------------------

export interface LocationListParams extends PageParams<ListLocationsSort> {
  spaceId?: string
  category?: string
  targetGroup?: string
  operatorId?: string
  kind?: LocationKind
  q?: string
  includeArchived?: boolean
}

export const listLocations = (p: LocationListParams = {}) =>
  api.listLocations(given(p.spaceId), given(p.category), given(p.targetGroup), given(p.operatorId), p.kind, given(p.q),
    p.includeArchived, p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface ServiceListParams extends PageParams<ListServicesSort> {
  spaceId?: string
  category?: string
  targetGroup?: string
  operatorId?: string
  status?: ServiceStatus
  locationId?: string
  networkId?: string
  q?: string
  includeArchived?: boolean
  funderActorId?: string
  verification?: VerificationState
  fundingEndsFrom?: string
  fundingEndsTo?: string
}

export const listServices = (p: ServiceListParams = {}) =>
  api.listServices(given(p.spaceId), given(p.category), given(p.targetGroup), given(p.operatorId), p.status, given(p.locationId),
    given(p.networkId), given(p.q), p.includeArchived, given(p.funderActorId), p.verification, given(p.fundingEndsFrom),
    given(p.fundingEndsTo), p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface FundingListParams extends PageParams<ListFundingsSort> {
  serviceId?: string
  funderActorId?: string
  renewalStatus?: RenewalStatus
}

export const listFundings = (p: FundingListParams = {}) =>
  api.listFundings(given(p.serviceId), given(p.funderActorId), p.renewalStatus, p.limit, p.cursor, p.sort, p.includeTotal,
    given(p.modifiedAfter))

export interface FundingsEndingParams extends PageParams<ListFundingsEndingSort> {
  /** ISO 8601 duration, e.g. `P6M` (the API's default). */
  horizon?: string
  on?: string
  spaceId?: string
  networkId?: string
  funderActorId?: string
  renewalStatus?: RenewalStatus
}

export const listFundingsEnding = (p: FundingsEndingParams = {}) =>
  api.listFundingsEnding(given(p.horizon), given(p.on), given(p.spaceId), given(p.networkId), given(p.funderActorId), p.renewalStatus,
    p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface VerificationQueueParams extends PageParams<ListVerificationQueueSort> {
  on?: string
  includeDue?: boolean
  spaceId?: string
  operatorActorId?: string
}

export const listVerificationQueue = (p: VerificationQueueParams = {}) =>
  api.listVerificationQueue(given(p.on), p.includeDue, given(p.spaceId), given(p.operatorActorId), p.limit, p.cursor, p.sort,
    p.includeTotal, given(p.modifiedAfter))

export interface InventoryRoundListParams extends PageParams<ListInventoryRoundsSort> {
  spaceId?: string
  status?: InventoryRoundStatus
  q?: string
}

export const listInventoryRounds = (p: InventoryRoundListParams = {}) =>
  api.listInventoryRounds(given(p.spaceId), p.status, given(p.q), p.limit, p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))

export interface AuditListParams extends PageParams<ListAuditEntriesSort> {
  entityId?: string
  entityType?: string
  userId?: string
  principal?: string
  /** ISO 8601 instants: from inclusive, to exclusive. */
  from?: string
  to?: string
}

export const listAuditEntries = (p: AuditListParams = {}) =>
  api.listAuditEntries(given(p.entityId), given(p.entityType), given(p.userId), given(p.principal), given(p.from), given(p.to), p.limit,
    p.cursor, p.sort, p.includeTotal, given(p.modifiedAfter))
