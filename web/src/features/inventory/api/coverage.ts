import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { CoverageMeasure, IndicatorKind, api, type DistanceDecay, type SpaceLevel } from '@/api'
import { MAX_PAGE_SIZE, listIndicators } from '@/api/requests'

/** What a coverage request names (see GET /api/v1/coverage). */
export interface CoverageChoice {
  category: string
  targetGroup?: string
  populationIndicatorId: string
  period: string
  level: SpaceLevel
  under?: string
  radiusKm: number
  decay?: DistanceDecay
  /** What-if: services whose funding ends by this day count as closed. */
  fundingEndsBy?: string
}

const given = (v: string | undefined) => (v ? v : undefined)

/** Supply per space on the level, with geometry for the map (and the what-if when fundingEndsBy is given). */
export function useCoverage(choice: CoverageChoice | undefined) {
  return useQuery({
    queryKey: ['inventory', 'coverage', choice],
    queryFn: () => {
      const c = choice!
      return api.getCoverage(c.category, given(c.targetGroup), c.populationIndicatorId, given(c.period), c.level, given(c.under),
        c.radiusKm, c.decay, undefined, undefined, undefined, given(c.fundingEndsBy), true)
    },
    enabled: choice !== undefined,
    placeholderData: keepPreviousData,
  })
}

/** The ranked gaps of a measure below (distance: above) a threshold. */
export function useCoverageGaps(choice: CoverageChoice | undefined, measure: CoverageMeasure, threshold: number | undefined) {
  return useQuery({
    queryKey: ['inventory', 'coverage', 'gaps', choice, measure, threshold],
    queryFn: () => {
      const c = choice!
      return api.listCoverageGaps(c.category, given(c.targetGroup), c.populationIndicatorId, given(c.period), c.level, given(c.under),
        c.radiusKm, c.decay, undefined, undefined, undefined, given(c.fundingEndsBy), measure, threshold)
    },
    enabled: choice !== undefined && threshold !== undefined,
    placeholderData: keepPreviousData,
  })
}

/** The categories compared for a region: each space's value and the region's median (the space page's comparison). */
export function useCoverageMatrix(choice: Omit<CoverageChoice, 'category'> | undefined,
  measure: CoverageMeasure = CoverageMeasure.PerThousand) {
  return useQuery({
    queryKey: ['inventory', 'coverage', 'matrix', choice, measure],
    queryFn: () => {
      const c = choice!
      return api.getCoverageGapMatrix(undefined, given(c.targetGroup), c.populationIndicatorId, given(c.period), c.level, given(c.under),
        c.radiusKm, c.decay, undefined, undefined, undefined, undefined, measure, undefined)
    },
    enabled: choice !== undefined,
  })
}

/** The count indicators a population can come from. */
export function useCountIndicators() {
  return useQuery({
    queryKey: ['indicators', 'list', { kind: IndicatorKind.Count, coverage: true }],
    queryFn: async () => (await listIndicators({ kind: IndicatorKind.Count, limit: MAX_PAGE_SIZE })).items,
    staleTime: 60_000,
  })
}

/** Stores the figures of a period as observations of computed indicators (no what-if). */
export function useStoreCoverage() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (c: CoverageChoice) => api.storeCoverageIndicators({
      category: c.category, targetGroup: c.targetGroup, populationIndicatorId: c.populationIndicatorId, period: c.period,
      level: c.level, under: c.under, radiusKm: c.radiusKm, decay: c.decay,
      measures: [CoverageMeasure.PerThousand, CoverageMeasure.Accessibility, CoverageMeasure.Distance, CoverageMeasure.ShareWithinRadius],
    }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['indicators'] }),
  })
}
