import type { MapSpace } from '@/api'
import { PALETTE, classify, type Classes } from '@/lib/map-projection'

export {
  PALETTE, classify, fitProjection, pathOf, ringsOf, type Classes, type Geometry, type Projection, type Ring,
} from '@/lib/map-projection'

/**
 * Whether a map of a period shows the space (as the API decides it, SpaceTime.ShownIn): never after it ended, so an
 * ended space is not drawn over its successors; otherwise when it exists in the period or has a value for it.
 */
export function shownIn(space: Pick<MapSpace, 'validFrom' | 'validTo' | 'values'>, period: string): boolean {
  const year = Number(period.slice(0, 4))
  const rest = period.slice(5)
  const [firstMonth, lastMonth] = rest === '' ? [1, 12]
    : rest.startsWith('H') ? [Number(rest.slice(1)) * 6 - 5, Number(rest.slice(1)) * 6]
    : rest.startsWith('Q') ? [Number(rest.slice(1)) * 3 - 2, Number(rest.slice(1)) * 3]
    : [Number(rest), Number(rest)]
  const pad = (n: number) => String(n).padStart(2, '0')
  const first = `${year}-${pad(firstMonth)}-01`
  const last = `${year}-${pad(lastMonth)}-31`
  const to = space.validTo ? String(space.validTo).slice(0, 10) : undefined
  if (to !== undefined && to < first) return false
  const from = String(space.validFrom).slice(0, 10)
  return from <= last || space.values.some((v) => v.period === period)
}

/** A space's value in a period; undefined when missing, 'suppressed' when withheld. */
export function spaceValue(space: MapSpace, period: string): number | 'suppressed' | undefined {
  const v = space.values.find((x) => x.period === period)
  if (v?.suppressed) return 'suppressed'
  return typeof v?.value === 'number' ? v.value : undefined
}

/**
 * The spaces to draw: the direct children of the chosen area when there are any, otherwise the finest spaces only
 * (a space that is another space's parent is left out: it would cover its children).
 */
export function leafSpaces(spaces: MapSpace[], parentId?: string): MapSpace[] {
  const children = parentId ? spaces.filter((s) => s.parentId === parentId) : []
  if (children.length > 0) return children
  const parents = new Set(spaces.map((s) => s.parentId).filter(Boolean))
  return spaces.filter((s) => !parents.has(s.id))
}

/** ColorBrewer PuOr (5 classes), colour-blind safe and diverging: decrease (orange) – little change (grey) – increase (purple). */
export const DIVERGING = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'] as const

export type ClassMethod = 'equalInterval' | 'symmetric'

export interface Legend extends Classes {
  method: ClassMethod
  colors: readonly string[]
}

/** Levels: equal intervals between the smallest and the largest value (of every period, so the slider keeps the classes). */
export function levelClasses(values: number[]): Legend {
  const c = classify(values)
  const n = Math.max(1, c.bounds.length - 1)
  const colors = c.bounds.length <= 2 ? [c.colorOf(c.bounds[0] ?? 0)] : PALETTE.slice(PALETTE.length - n)
  return { ...c, method: 'equalInterval', colors }
}

/**
 * Change: five classes symmetric around no change, the outer bound the largest absolute change; the middle class holds
 * changes smaller than a fifth of it (shown grey), so the colour says the direction and the strength.
 */
export function changeClasses(values: number[]): Legend {
  const m = Math.max(0, ...values.map(Math.abs))
  if (m === 0) return { method: 'symmetric', bounds: [0, 0], colors: [DIVERGING[2]], colorOf: () => DIVERGING[2] }
  const bounds = [-m, -0.6 * m, -0.2 * m, 0.2 * m, 0.6 * m, m]
  const colorOf = (v: number) => {
    for (let i = 0; i < 5; i++) if (v < bounds[i + 1] || i === 4) return DIVERGING[i]
    return DIVERGING[4]
  }
  return { method: 'symmetric', bounds, colors: DIVERGING, colorOf }
}

/**
 * The spaces to draw for one period below `parentId` (all spaces without one): the direct children shown in that period,
 * or the finest ones (those without a child shown in the period), so that a grid that changed draws the spaces of its time.
 */
export function spacesInPeriod(spaces: MapSpace[], period: string, layer: 'children' | 'finest', parentId?: string): MapSpace[] {
  const shown = spaces.filter((s) => shownIn(s, period))
  if (layer === 'children') return leafSpaces(shown, parentId)
  const inScope = parentId ? shown.filter((s) => s.id !== parentId) : shown
  const parents = new Set(inScope.map((s) => s.parentId).filter(Boolean))
  return inScope.filter((s) => !parents.has(s.id))
}
