import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  ApiException,
  api,
  apiFetch,
  apiHeaders,
  etag,
  type CreateAssessmentRequest,
  type CreateIndicatorRequest,
  type CreateIndicatorSetRequest,
  type ImportObservationsResult,
  type IndicatorDto,
  type IndicatorGoalDto,
  type IndicatorKind,
  type IndicatorSetDto,
  type IndicatorValue,
  type SpaceLevel,
  type UpdateIndicatorRequest,
  type UpsertObservationRequest,
  type ListIndicatorsSort,
} from '@/api'
import { MAX_PAGE_SIZE, listIndicatorSets, listIndicators, listObservations, readAllPages } from '@/api/requests'
import { isPeriod } from '@/lib/period'
import { queryKeys } from '@/lib/query-keys'

/** The whole catalogue (up to 500 indicators: the point is a few meaningful ones). */
export const indicatorListQuery = (filters: { kind?: IndicatorKind; q?: string } = {}) =>
  queryOptions({
    queryKey: queryKeys.indicators.list(filters),
    queryFn: async () => (await listIndicators({ ...filters, limit: MAX_PAGE_SIZE })).items,
    placeholderData: keepPreviousData,
  })

export function useIndicators(filters: { kind?: IndicatorKind; q?: string } = {}) {
  return useQuery(indicatorListQuery(filters))
}

/** The catalogue page: up to 500 indicators in the chosen sort, with the number of all that match. */
export function useIndicatorCatalogue(filters: { kind?: IndicatorKind; q?: string; sort?: ListIndicatorsSort }) {
  return useQuery({
    queryKey: [...queryKeys.indicators.list(filters), 'catalogue'],
    queryFn: () => listIndicators({ ...filters, limit: MAX_PAGE_SIZE, includeTotal: true }),
    placeholderData: keepPreviousData,
  })
}

export function useIndicator(id: string) {
  return useQuery({ queryKey: queryKeys.indicators.detail(id), queryFn: () => api.getIndicator(id) })
}

function useIndicatorCacheUpdate() {
  const queryClient = useQueryClient()
  return (indicator: IndicatorDto) => {
    queryClient.setQueryData(queryKeys.indicators.detail(indicator.id), indicator)
    void queryClient.invalidateQueries({ queryKey: queryKeys.indicators.lists })
  }
}

export function useCreateIndicator() {
  const update = useIndicatorCacheUpdate()
  return useMutation({ mutationFn: (body: CreateIndicatorRequest) => api.createIndicator(body), onSuccess: update })
}

export function useUpdateIndicator(id: string) {
  const update = useIndicatorCacheUpdate()
  return useMutation({
    mutationFn: ({ body, version }: { body: UpdateIndicatorRequest; version: number }) =>
      api.updateIndicator(id, etag(version), body),
    onSuccess: update,
  })
}

export function useDeleteIndicator(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (version: number) => api.deleteIndicator(id, etag(version)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.indicators.detail(id) })
      void queryClient.invalidateQueries({ queryKey: queryKeys.indicators.lists })
    },
  })
}

// ---- Indicator sets --------------------------------------------------------------------------------------

/** Every indicator set (the set pickers). */
export const indicatorSetsQuery = () =>
  queryOptions({
    queryKey: queryKeys.indicatorSets.all,
    queryFn: async () => (await listIndicatorSets({ limit: MAX_PAGE_SIZE })).items,
  })

export function useIndicatorSets() {
  return useQuery(indicatorSetsQuery())
}

export function useIndicatorSet(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.indicatorSets.detail(id ?? ''),
    queryFn: () => api.getIndicatorSet(id ?? ''),
    enabled: !!id,
  })
}

function useSetCacheUpdate() {
  const queryClient = useQueryClient()
  return (set: IndicatorSetDto) => {
    queryClient.setQueryData(queryKeys.indicatorSets.detail(set.id), set)
    void queryClient.invalidateQueries({ queryKey: queryKeys.indicatorSets.all, exact: true })
  }
}

export function useCreateIndicatorSet() {
  const update = useSetCacheUpdate()
  return useMutation({ mutationFn: (body: CreateIndicatorSetRequest) => api.createIndicatorSet(body), onSuccess: update })
}

export function useUpdateIndicatorSet(id: string) {
  const update = useSetCacheUpdate()
  return useMutation({
    mutationFn: ({ body, version }: { body: CreateIndicatorSetRequest; version: number }) =>
      api.updateIndicatorSet(id, etag(version), body),
    onSuccess: update,
  })
}

export function useIndicatorSetGoals(id: string, spaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.indicatorSets.goals(id, spaceId),
    queryFn: async () => (await api.getIndicatorSetGoals(id, spaceId)).items,
    enabled: !!id && !!spaceId,
  })
}

export function useSetIndicatorSetGoals(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ goals, version }: { goals: IndicatorGoalDto[]; version: number }) => api.setIndicatorSetGoals(id, etag(version), { goals }),
    onSuccess: () => {
      // The set's version went up: reload it, so the next save sends the new ETag.
      void queryClient.invalidateQueries({ queryKey: queryKeys.indicatorSets.detail(id) })
      void queryClient.invalidateQueries({ queryKey: queryKeys.indicatorSets.goalsOf(id) })
      void queryClient.invalidateQueries({ queryKey: queryKeys.observations.evaluationsOf(id) })
    },
  })
}

// ---- Observations ----------------------------------------------------------------------------------------

/** The query for all observations of one indicator in one space, oldest period first (time series). */
export function observationSeriesQuery(indicatorId: string | undefined, spaceId: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.observations.series(indicatorId ?? '', spaceId ?? ''),
    queryFn: async () => {
      const items = await readAllPages((cursor) => listObservations({ indicatorId, spaceId, limit: MAX_PAGE_SIZE, cursor }), 5000)
      return items.sort((a, b) => a.period.localeCompare(b.period))
    },
    enabled: !!indicatorId && !!spaceId,
  })
}

/** All observations of one indicator in one space, oldest period first (time series). */
export function useObservationSeries(indicatorId: string | undefined, spaceId: string | undefined) {
  return useQuery(observationSeriesQuery(indicatorId, spaceId))
}

/**
 * The query for one space's series of an indicator (GetIndicatorSeries): its measured values and, for periods where it
 * has none (a county, a planning region), the values computed from the spaces below with their coverage, oldest first.
 */
export function spaceSeriesQuery(indicatorId: string | undefined, spaceId: string | undefined) {
  return queryOptions({
    queryKey: [...queryKeys.observations.all, 'space-series', indicatorId ?? '', spaceId ?? ''],
    queryFn: async (): Promise<IndicatorValue[]> => (await api.getIndicatorSeries(indicatorId ?? '', spaceId ?? '')).items,
    enabled: !!indicatorId && !!spaceId,
  })
}

/** A set evaluated for one space and period: value, changes, target attainment and the comparison with the reference. */
export function useIndicatorSetEvaluation(setId: string, spaceId: string, period: string, referenceSpaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.observations.evaluation(setId, spaceId, period, referenceSpaceId ?? ''),
    queryFn: () => api.evaluateIndicatorSet(setId, spaceId, period, referenceSpaceId || undefined),
    enabled: !!setId && !!spaceId && isPeriod(period),
  })
}

/** Observations of one space in one period (the data entry grid). */
export function useSpacePeriodObservations(spaceId: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: queryKeys.observations.spacePeriod(spaceId ?? '', period ?? ''),
    queryFn: async () => (await listObservations({ spaceId, from: period, to: period, limit: MAX_PAGE_SIZE })).items,
    enabled: !!spaceId && !!period,
  })
}

export function useUpsertObservation() {
  const queryClient = useQueryClient()
  return useMutation({
    // Replacing a stored value needs its ETag (428 without); a new value is created without one.
    mutationFn: ({ body, version }: { body: UpsertObservationRequest; version?: number }) =>
      api.upsertObservation(body, version === undefined ? undefined : etag(version)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.observations.all }),
  })
}

export interface ImportOptions {
  dryRun: boolean
  /** comma | semicolon | tab; undefined = detected from the header */
  delimiter?: string
  /** point | comma */
  decimal?: string
}

/** Builds the import URL (query parameters as in the OpenAPI document). */
export function importUrl({ dryRun, delimiter, decimal }: ImportOptions): string {
  const q = new URLSearchParams({ format: 'csv', dryRun: String(dryRun) })
  if (delimiter) q.set('delimiter', delimiter)
  if (decimal) q.set('decimal', decimal)
  return `/api/v1/observations/import?${q.toString()}`
}

/**
 * Sends a CSV file to ImportObservations. The generated client only sends JSON bodies, so this
 * posts the text itself through the same fetch (cookie, antiforgery header) and throws an
 * ApiException like the client, so toProblem() works unchanged.
 */
export async function importObservationsCsv(csv: string, options: ImportOptions,
  onProgress?: (sent: number, total: number) => void): Promise<ImportObservationsResult> {
  if (onProgress) {
    // fetch cannot report an upload's progress: send through XMLHttpRequest, with the same headers apiFetch adds
    const res = await uploadWithProgress(importUrl(options), csv, onProgress)
    return jsonOrThrow<ImportObservationsResult>(res, 'Import failed')
  }
  const res = await apiFetch(importUrl(options), {
    method: 'POST',
    body: csv,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', Accept: 'application/json' },
  })
  return jsonOrThrow<ImportObservationsResult>(res, 'Import failed')
}

/** POSTs a CSV text and reports the bytes sent; answers a Response like fetch (antiforgery and language headers as apiFetch). */
function uploadWithProgress(url: string, csv: string, onProgress: (sent: number, total: number) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const body = new Blob([csv], { type: 'text/csv; charset=utf-8' })
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    xhr.withCredentials = true
    const headers = new Headers()
    apiHeaders(headers, 'POST')
    headers.forEach((v, k) => xhr.setRequestHeader(k, v))
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8')
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size)
    xhr.onload = () => {
      onProgress(body.size, body.size)
      const responseHeaders = new Headers()
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const i = line.indexOf(':')
        if (i > 0) responseHeaders.append(line.slice(0, i).trim(), line.slice(i + 1).trim())
      }
      resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders }))
    }
    xhr.onerror = () => reject(new TypeError('Network request failed'))
    xhr.send(body)
  })
}

/** The JSON body of a response fetched outside the generated client; a failed one throws an ApiException like the client. */
async function jsonOrThrow<T>(res: Response, failed: string): Promise<T> {
  const text = await res.text()
  if (!res.ok) {
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => (headers[k] = v))
    throw new ApiException(res.statusText || failed, res.status, text, headers, null)
  }
  return JSON.parse(text) as T
}

export function useImportObservations() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ csv, options, onProgress }: { csv: string; options: ImportOptions; onProgress?: (sent: number, total: number) => void }) =>
      importObservationsCsv(csv, options, onProgress),
    onSuccess: (result) => {
      if (result.imported) void queryClient.invalidateQueries({ queryKey: queryKeys.observations.all })
    },
  })
}

// ---- Assessments -----------------------------------------------------------------------------------------

export function useCreateAssessment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateAssessmentRequest) => api.createAssessment(body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.assessments.all })
      void queryClient.invalidateQueries({ queryKey: queryKeys.observations.all })
    },
  })
}

export function useAssessmentSummary(indicatorId: string, spaceId: string, period: string) {
  return useQuery({
    queryKey: queryKeys.assessments.summary(indicatorId, spaceId, period),
    queryFn: () => api.getAssessmentSummary(indicatorId, spaceId, period),
    enabled: !!indicatorId && !!spaceId && /^\d{4}/.test(period),
  })
}

// ---- Exports ---------------------------------------------------------------------------------------------

export const EXPORT_FORMATS = ['csv', 'csv-wide', 'xlsx', 'json', 'jsonstat', 'geojson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportOptions {
  format: ExportFormat
  indicatorSetId?: string
  indicatorIds?: string[]
  spaceIds?: string[]
  under?: string
  level?: SpaceLevel
  from?: string
  to?: string
  aggregated?: boolean
  /** German Excel: semicolon separator and decimal comma (CSV formats only). */
  germanExcel?: boolean
  /** Column names of the tabular formats (csv, csv-wide, xlsx): en (the API's default) or de; both re-import. */
  headers?: 'en' | 'de'
  /** The indicator's name beside its code (tabular formats only). */
  withNames?: boolean
}

/** The formats with columns whose names and content the header options change. */
export const TABULAR_FORMATS: readonly ExportFormat[] = ['csv', 'csv-wide', 'xlsx']

/** The ExportIndicators URL with exactly the parameters the API documents (repeated for lists). */
export function exportUrl(o: ExportOptions): string {
  const q = new URLSearchParams()
  q.set('format', o.format)
  if (o.indicatorSetId) q.set('indicatorSetId', o.indicatorSetId)
  else for (const id of o.indicatorIds ?? []) q.append('indicatorIds', id)
  for (const id of o.spaceIds ?? []) q.append('spaceIds', id)
  if (o.under) q.set('under', o.under)
  if (o.level) q.set('level', o.level)
  if (o.from) q.set('from', o.from)
  if (o.to) q.set('to', o.to)
  if (o.aggregated) q.set('aggregated', 'true')
  if (o.germanExcel && (o.format === 'csv' || o.format === 'csv-wide')) {
    q.set('delimiter', 'semicolon')
    q.set('decimal', 'comma')
  }
  if (TABULAR_FORMATS.includes(o.format)) {
    if (o.headers === 'de') q.set('headers', 'de')
    if (o.withNames) q.set('withNames', 'true')
  }
  return `/api/v1/exports/indicators?${q.toString()}`
}

/** File name from a Content-Disposition header (RFC 6266: filename* wins over filename). */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1].trim() : fallback
}

/** Fetches an export with the session cookie; returns the file as a Blob and its name. */
export async function downloadExport(o: ExportOptions): Promise<{ blob: Blob; fileName: string }> {
  const res = await apiFetch(exportUrl(o), { method: 'GET' })
  if (!res.ok) {
    const text = await res.text()
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => (headers[k] = v))
    throw new ApiException(res.statusText || 'Export failed', res.status, text, headers, null)
  }
  const ext = o.format === 'csv-wide' ? 'csv' : o.format === 'jsonstat' ? 'json' : o.format
  const fileName = fileNameFromDisposition(res.headers.get('content-disposition'), `indikatoren.${ext}`)
  return { blob: await res.blob(), fileName }
}

// ---- Read operations for the charts and the map --------------------------------------------------------

/** A point of a time series: a period's value, or none when withheld as a small number. */
export type SeriesPoint = Pick<IndicatorValue, 'period' | 'value' | 'suppressed'>

/**
 * The reference space's series of one indicator (GetIndicatorSeries): its measured values, or where it has none (a district,
 * the city) the values computed from the spaces below by the indicator's rule; small numbers withheld as the API decides.
 */
export function useReferenceSeries(indicatorId: string | undefined, spaceId: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.observations.all, 'reference-series', indicatorId ?? '', spaceId ?? ''],
    queryFn: async (): Promise<SeriesPoint[]> => (await api.getIndicatorSeries(indicatorId ?? '', spaceId ?? '')).items,
    enabled: !!indicatorId && !!spaceId,
  })
}

export interface MapChoice {
  indicatorId: string
  /** The area: this space and the spaces below it. */
  under: string
  periods: string[]
}

/** Map data (GetIndicatorMap): the spaces of an area with their geometry and the indicator's values in the periods. */
export function useIndicatorMap(choice: MapChoice | undefined) {
  return useQuery({
    queryKey: [...queryKeys.observations.all, 'map', choice ?? null],
    queryFn: () => api.getIndicatorMap(choice?.indicatorId ?? '', choice?.periods ?? [], choice?.under),
    enabled: !!choice,
  })
}

/** The latest imports (indicator values, spaces, inventory, HSDS), newest first, read from the audit trail for every account. */
export function useRecentImports(limit = 5) {
  return useQuery({ queryKey: queryKeys.indicators.recentImports(limit), queryFn: () => api.listRecentImports(limit) })
}
