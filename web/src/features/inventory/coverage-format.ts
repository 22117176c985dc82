import type { CoverageFiguresDto, CoverageSpaceDto } from '@/api'

/** A number in the UI language with the given decimals (German 1.234,5), or a dash for none. */
export function formatFigure(value: number | null | undefined, decimals: number, language: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–'
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    minimumFractionDigits: decimals, maximumFractionDigits: decimals,
  }).format(value)
}

/** A difference with its sign (+1,5 / −2,0 / ±0,0). */
export function formatDifference(value: number | null | undefined, decimals: number, language: string): string {
  if (value === null || value === undefined) return '–'
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±'
  return sign + formatFigure(Math.abs(value), decimals, language)
}

/** The median of the numbers given (undefined for none). */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export type MapMeasure = 'perThousand' | 'accessibility'

/** The value of the map's measure in a space (the what-if figures when asked for). */
export function mapValue(space: CoverageSpaceDto, measure: MapMeasure, whatIf: boolean): number | undefined {
  const f: CoverageFiguresDto = whatIf && space.whatIf ? space.whatIf : space.figures
  const v = measure === 'accessibility' ? f.accessibility : f.perThousand
  return typeof v === 'number' ? v : undefined
}
