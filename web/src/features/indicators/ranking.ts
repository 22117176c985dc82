import { IndicatorDirection, type IndicatorGoalDto, type MapSpace, type SpaceLevel } from '@/api'
import { shownIn, spaceValue } from './map-geometry'

export type TargetState = 'reached' | 'onTrack' | 'offTrack'

export interface RankingRow {
  spaceId: string
  name: string
  /** The latest period with a value (or a withheld one) in the window. */
  latest?: { period: string; value: number | 'suppressed' }
  /** Since the baseline: the goal's baseline where the set has one for the space, else the first value in the window. */
  change?: { from: string; value: number }
  target?: { period: string; value: number; state: TargetState }
  /** One entry per period of the window (undefined: no value or withheld). */
  trend: (number | undefined)[]
}

const better = (direction: IndicatorDirection, a: number, b: number) =>
  direction === IndicatorDirection.LowerIsBetter ? a < b : a > b

/**
 * The ranking of the spaces below `under`: its direct children that exist in the last period (or, with a level, every
 * space of that level below it, ended ones with their last value), best first by the latest value in the indicator's
 * direction; withheld and missing values last.
 */
export function rankingRows({ spaces, periods, under, level, goals, direction }: {
  spaces: MapSpace[]
  periods: string[]
  under?: string
  level?: SpaceLevel
  goals: IndicatorGoalDto[]
  direction: IndicatorDirection
}): RankingRow[] {
  const last = periods[periods.length - 1]
  const subtree = new Set<string>()
  if (under) {
    subtree.add(under)
    let grew = true
    while (grew) {
      grew = false
      for (const s of spaces) if (s.parentId && subtree.has(s.parentId) && !subtree.has(s.id)) { subtree.add(s.id); grew = true }
    }
  }
  const candidates = spaces.filter((s) => s.id !== under && (!under || subtree.has(s.id)))
    .filter((s) => (level ? s.level === level : (under ? s.parentId === under : !s.parentId) && shownIn(s, last)))
  const rows = candidates.map((s): RankingRow => {
    const trend = periods.map((p) => { const v = spaceValue(s, p); return typeof v === 'number' ? v : undefined })
    let latest: RankingRow['latest']
    for (let i = periods.length - 1; i >= 0 && !latest; i--) {
      const v = spaceValue(s, periods[i])
      if (v !== undefined) latest = { period: periods[i], value: v }
    }
    const goal = goals.find((g) => g.spaceId === s.id)
    const firstIndex = trend.findIndex((v) => v !== undefined)
    const base = goal?.baseline ? { period: goal.baseline.period, value: goal.baseline.value }
      : firstIndex >= 0 ? { period: periods[firstIndex], value: trend[firstIndex]! } : undefined
    const change = latest && typeof latest.value === 'number' && base && base.period !== latest.period
      ? { from: base.period, value: latest.value - base.value } : undefined
    let target: RankingRow['target']
    const t = latest ? goal?.targets.find((x) => x.period >= latest.period) ?? goal?.targets[goal.targets.length - 1] : undefined
    if (t && latest && typeof latest.value === 'number') {
      const reached = latest.value === t.value || better(direction, latest.value, t.value)
      const moving = base ? better(direction, latest.value, base.value) : false
      target = { period: t.period, value: t.value, state: reached ? 'reached' : moving ? 'onTrack' : 'offTrack' }
    }
    return { spaceId: s.id, name: s.name, latest, change, target, trend }
  })
  const score = (r: RankingRow) => (typeof r.latest?.value === 'number' ? r.latest.value : undefined)
  return rows.sort((a, b) => {
    const [x, y] = [score(a), score(b)]
    if (x === undefined || y === undefined) return x === undefined && y === undefined ? a.name.localeCompare(b.name)
      : x === undefined ? 1 : -1
    if (x === y) return a.name.localeCompare(b.name)
    return better(direction, x, y) ? -1 : 1
  })
}
