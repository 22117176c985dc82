import type { MapSpace } from '@/api'

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
