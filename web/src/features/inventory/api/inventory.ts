import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  ApiException,
  XSRF_COOKIE,
  XSRF_HEADER,
  api,
  etag,
  readCookie,
  TaxonomyKind,
  type CreateFundingRequest,
  type CreateInventoryRoundRequest,
  type CreateLocationRequest,
  type InventoryImportResult,
  type InventoryRoundDto,
  type ListInventoryRoundsSort,
  type ListVerificationQueueSort,
  type RecordCapacityRequest,
  type UpdateLocationRequest,
  type CreateServiceRequest,
  type LocationDto,
  type ServiceDto,
  type ServiceStatus,
  type TaxonomyTermDto,
  type UpdateServiceRequest,
} from '@/api'
import {
  MAX_PAGE_SIZE,
  listFundings,
  listFundingsEnding,
  listInventoryRounds,
  listLocations,
  listServices,
  listVerificationQueue,
  readAllPages,
  type LocationListParams,
  type ServiceListParams,
} from '@/api/requests'
import { cursorPaging, firstPageCounts } from '@/lib/cursor-paging'
import { queryKeys } from '@/lib/query-keys'

export const INVENTORY_PAGE_SIZE = 50

/** The filters of the inventory list and map (kept in the URL). */
export interface InventoryFilters {
  q?: string
  spaceId?: string
  category?: string
  targetGroup?: string
  operatorId?: string
  status?: ServiceStatus
}

// ---- Taxonomies ---------------------------------------------------------------------------------------------------

/** The terms of the categories and of the target groups (the first taxonomy of each kind), for filters and the editor. */
export const termsQuery = queryOptions({
  queryKey: queryKeys.inventory.taxonomies,
  queryFn: async () => {
    const taxonomies = await api.listTaxonomies()
    const of = async (kind: TaxonomyKind): Promise<TaxonomyTermDto[]> => {
      const taxonomy = taxonomies.find((x) => x.kind === kind)
      return taxonomy ? api.listTaxonomyTerms(taxonomy.id) : []
    }
    const [categories, targetGroups] = await Promise.all([of(TaxonomyKind.ServiceCategory), of(TaxonomyKind.TargetGroup)])
    return { categories, targetGroups }
  },
  staleTime: 10 * 60_000,
})

export function useTerms() {
  return useQuery(termsQuery)
}

// ---- Locations ----------------------------------------------------------------------------------------------------

/** The locations of the list, page by page. */
export function useLocationList(filters: LocationListParams) {
  return useInfiniteQuery({
    queryKey: queryKeys.inventory.locationList(filters),
    queryFn: ({ pageParam }) =>
      listLocations({ ...filters, limit: INVENTORY_PAGE_SIZE, cursor: pageParam, includeTotal: firstPageCounts(pageParam) }),
    ...cursorPaging,
    placeholderData: keepPreviousData,
  })
}

/** Up to 2,000 locations for the map (read along the cursor in pages of 500). */
export function useLocationMap(filters: LocationListParams) {
  return useQuery({
    queryKey: queryKeys.inventory.locationMap(filters),
    queryFn: () => readAllPages((cursor) => listLocations({ ...filters, limit: MAX_PAGE_SIZE, cursor }), 2000),
    placeholderData: keepPreviousData,
  })
}

export const locationQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.inventory.location(id), queryFn: () => api.getLocation(id) })

export function useLocation(id: string) {
  return useQuery(locationQuery(id))
}

/** Every location, for the editor's choice of where a service is offered. */
export function useLocationOptions() {
  return useQuery({
    queryKey: queryKeys.inventory.locationMap({ options: true }),
    queryFn: () => readAllPages((cursor) => listLocations({ limit: MAX_PAGE_SIZE, cursor }), 2000),
    staleTime: 60_000,
  })
}

export function useCreateLocation() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateLocationRequest) => api.createLocation(body),
    onSuccess: (location: LocationDto) => {
      queryClient.setQueryData(queryKeys.inventory.location(location.id), location)
      void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.locations })
    },
  })
}

/** After a location changed: its detail, and the lists and maps that show it. */
function useLocationChanged() {
  const queryClient = useQueryClient()
  return (location: LocationDto) => {
    queryClient.setQueryData(queryKeys.inventory.location(location.id), location)
    void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.all, predicate: (q) => q.queryKey[3] !== location.id })
  }
}

/** Replaces a location (If-Match with the version the form was filled from; 412 when it changed meanwhile). */
export function useUpdateLocation(id: string) {
  const changed = useLocationChanged()
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateLocationRequest; version: number }) => api.updateLocation(id, etag(version), body),
    onSuccess: changed,
  })
}

/** Archives (the record stays readable) or restores a location, with If-Match. */
export function useArchiveLocation(id: string) {
  const changed = useLocationChanged()
  return useMutation({
    mutationFn: ({ archive, version }: { archive: boolean; version: number }) =>
      archive ? api.archiveLocation(id, etag(version)) : api.restoreLocation(id, etag(version)),
    onSuccess: changed,
  })
}

// ---- Services -----------------------------------------------------------------------------------------------------

export function useServiceList(filters: ServiceListParams, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.inventory.serviceList(filters),
    queryFn: ({ pageParam }) =>
      listServices({ ...filters, limit: INVENTORY_PAGE_SIZE, cursor: pageParam, includeTotal: firstPageCounts(pageParam) }),
    ...cursorPaging,
    placeholderData: keepPreviousData,
    enabled,
  })
}

export const serviceQuery = (id: string) =>
  queryOptions({ queryKey: queryKeys.inventory.service(id), queryFn: () => api.getService(id) })

export function useService(id: string) {
  return useQuery(serviceQuery(id))
}

export function useCapacity(serviceId: string) {
  return useQuery({ queryKey: queryKeys.inventory.capacity(serviceId), queryFn: () => api.listCapacity(serviceId) })
}

/** Records a dated capacity entry of a service at one of its locations. */
export function useRecordCapacity(serviceId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: RecordCapacityRequest) => api.recordCapacity(serviceId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.all }),
  })
}

/** After a service changed: its detail, and every list, location, queue and round that shows it. */
function useServiceChanged() {
  const queryClient = useQueryClient()
  return (service: ServiceDto) => {
    queryClient.setQueryData(queryKeys.inventory.service(service.id), service)
    void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.all, predicate: (q) => q.queryKey[3] !== service.id })
  }
}

export function useCreateService() {
  const changed = useServiceChanged()
  return useMutation({ mutationFn: (body: CreateServiceRequest) => api.createService(body), onSuccess: changed })
}

export function useUpdateService(id: string) {
  const changed = useServiceChanged()
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateServiceRequest; version: number }) => api.updateService(id, etag(version), body),
    onSuccess: changed,
  })
}

/** Marks a service verified today (If-Match with the version the user saw). */
export function useVerifyService() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version, note }: { id: string; version: number; note?: string }) =>
      api.verifyService(id, etag(version), { note: note || undefined }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.all }),
  })
}

// ---- Fundings -----------------------------------------------------------------------------------------------------

export function useServiceFundings(serviceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.inventory.fundingList({ serviceId }),
    queryFn: () => readAllPages((cursor) => listFundings({ serviceId, limit: MAX_PAGE_SIZE, cursor })),
    enabled: !!serviceId,
  })
}

/** The fundings an actor gives (the actor page: services it funds). */
export function useFundingsBy(funderActorId: string) {
  return useQuery({
    queryKey: queryKeys.inventory.fundingList({ funderActorId }),
    queryFn: () => readAllPages((cursor) => listFundings({ funderActorId, limit: MAX_PAGE_SIZE, cursor }), 1000),
  })
}

export function useCreateFunding() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateFundingRequest) => api.createFunding(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.fundings }),
  })
}

export function useDeleteFunding() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.deleteFunding(id, etag(version)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.fundings }),
  })
}

/** Fundings whose last day lies within the horizon (ISO 8601 duration, default six months). */
export function useFundingsEnding(filters: { horizon?: string; spaceId?: string; networkId?: string }, limit = MAX_PAGE_SIZE) {
  return useQuery({
    queryKey: queryKeys.inventory.fundingsEnding({ ...filters, limit }),
    queryFn: () => listFundingsEnding({ ...filters, limit }),
    placeholderData: keepPreviousData,
  })
}

// ---- Verification and rounds --------------------------------------------------------------------------------------

export function useVerificationQueue(filters: { spaceId?: string; includeDue?: boolean; sort?: ListVerificationQueueSort }) {
  return useInfiniteQuery({
    queryKey: queryKeys.inventory.verificationQueue(filters),
    queryFn: ({ pageParam }) =>
      listVerificationQueue({ ...filters, limit: INVENTORY_PAGE_SIZE, cursor: pageParam, includeTotal: firstPageCounts(pageParam) }),
    ...cursorPaging,
    placeholderData: keepPreviousData,
  })
}

export function useRounds(sort?: ListInventoryRoundsSort) {
  return useInfiniteQuery({
    queryKey: queryKeys.inventory.roundList({ sort }),
    queryFn: ({ pageParam }) =>
      listInventoryRounds({ sort, limit: INVENTORY_PAGE_SIZE, cursor: pageParam, includeTotal: firstPageCounts(pageParam) }),
    ...cursorPaging,
  })
}

export function useRound(id: string) {
  return useQuery({ queryKey: queryKeys.inventory.round(id), queryFn: () => api.getInventoryRound(id) })
}

export function useRoundProgress(id: string) {
  return useQuery({ queryKey: queryKeys.inventory.roundProgress(id), queryFn: () => api.getInventoryRoundProgress(id) })
}

export function useRoundChanges(id: string) {
  return useQuery({ queryKey: queryKeys.inventory.roundChanges(id), queryFn: () => api.getInventoryRoundChanges(id) })
}

export function useCreateRound() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateInventoryRoundRequest) => api.createInventoryRound(body),
    onSuccess: (round: InventoryRoundDto) => {
      queryClient.setQueryData(queryKeys.inventory.round(round.id), round)
      void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.rounds })
    },
  })
}

/** Closes a round (If-Match): it keeps the final state of its services for the next round's change report. */
export function useCloseRound(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (version: number) => api.closeInventoryRound(id, etag(version)),
    onSuccess: (round: InventoryRoundDto) => {
      queryClient.setQueryData(queryKeys.inventory.round(round.id), round)
      void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.rounds,
        predicate: (q) => !(q.queryKey[2] === 'detail' && q.queryKey[3] === round.id) })
    },
  })
}

// ---- Spreadsheet import and export -------------------------------------------------------------------------------

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface InventoryImportOptions {
  dryRun: boolean
  format: 'csv' | 'xlsx'
  /** comma | semicolon | tab; undefined = detected from the header (CSV only) */
  delimiter?: string
}

/** What the upload is doing: sending the file (with the share sent, when the browser knows it), then the server at work. */
export type UploadProgress = { phase: 'upload'; percent?: number } | { phase: 'server' }

export function importUrl({ dryRun, format, delimiter }: InventoryImportOptions): string {
  const q = new URLSearchParams({ format, dryRun: String(dryRun) })
  if (delimiter && format === 'csv') q.set('delimiter', delimiter)
  return `/api/v1/inventory/imports?${q.toString()}`
}

/**
 * Sends a spreadsheet to ImportInventory. The generated client would send the body as a JSON string, and fetch cannot
 * report upload progress, so this posts the file itself with XMLHttpRequest (session cookie, antiforgery header, UI language)
 * and throws an ApiException like the client, so toProblem() works unchanged.
 */
export function uploadInventoryImport(file: Blob, options: InventoryImportOptions,
  onProgress: (p: UploadProgress) => void = () => {}): Promise<InventoryImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', importUrl(options))
    xhr.withCredentials = true
    xhr.setRequestHeader('Content-Type', options.format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    xhr.setRequestHeader('Accept', 'application/json')
    const lang = document.documentElement.lang
    if (lang) xhr.setRequestHeader('Accept-Language', lang)
    const token = readCookie(XSRF_COOKIE)
    if (token) xhr.setRequestHeader(XSRF_HEADER, token)
    xhr.upload.onprogress = (e) => onProgress({ phase: 'upload', percent: e.lengthComputable ? Math.round((e.loaded / e.total) * 100)
      : undefined })
    xhr.upload.onload = () => onProgress({ phase: 'server' })
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as InventoryImportResult)
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)))
        }
        return
      }
      const headers: Record<string, string> = {}
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':')
        if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim()
      }
      reject(new ApiException(xhr.statusText || 'Import failed', xhr.status, xhr.responseText, headers, null))
    }
    // A failed connection is what fetch reports as a TypeError: toProblem() calls it a network error.
    xhr.onerror = () => reject(new TypeError('Network request failed'))
    onProgress({ phase: 'upload', percent: 0 })
    // The bytes, not the Blob itself: every XMLHttpRequest (and the test's interception) sends a buffer as it is.
    file.arrayBuffer().then((bytes) => xhr.send(bytes), (err: unknown) => reject(err instanceof Error ? err : new Error(String(err))))
  })
}

export function useInventoryImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ file, options, onProgress }: {
      file: Blob
      options: InventoryImportOptions
      onProgress?: (p: UploadProgress) => void
    }) => uploadInventoryImport(file, options, onProgress),
    onSuccess: (result) => {
      if (result.imported) void queryClient.invalidateQueries({ queryKey: queryKeys.inventory.all })
    },
  })
}

export const EXPORT_FORMATS = ['csv', 'csvExcel', 'xlsx', 'geojson'] as const
export type InventoryExportFormat = (typeof EXPORT_FORMATS)[number]

/** The export of the inventory with the list's filters; "CSV für Excel" is semicolon-separated with decimal commas. */
export function inventoryExportUrl(format: InventoryExportFormat, filters: InventoryFilters): string {
  const q = new URLSearchParams({ format: format === 'csvExcel' ? 'csv' : format })
  for (const key of ['spaceId', 'category', 'targetGroup', 'operatorId', 'status', 'q'] as const) {
    const value = filters[key]
    if (value) q.set(key, value)
  }
  if (format === 'csvExcel') {
    q.set('delimiter', 'semicolon')
    q.set('decimal', 'comma')
  }
  return `/api/v1/exports/inventory?${q.toString()}`
}
