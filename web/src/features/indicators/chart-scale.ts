// The scales of the indicators' line charts (drawn as plain SVG, see components/indicator-chart).

/** "Nice" ticks (1, 2, 2.5 or 5 times a power of ten) from the lower to the upper bound, at least 10^-decimals apart. */
export function niceTicks(min: number, max: number, decimals: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1
    return niceTicks(min - (min >= 0 && min - pad < 0 ? min : pad), max + pad, decimals, count)
  }
  const raw = (max - min) / Math.max(1, count - 1)
  const power = 10 ** Math.floor(Math.log10(raw))
  // a step the indicator's decimals can show (no 2.5 for whole numbers: the labels would repeat)
  const shown = (s: number) => s >= 10 ** -decimals && Math.abs(Number(s.toFixed(decimals)) - s) < 1e-9
  const step = [1, 2, 2.5, 5, 10, 20].map((m) => m * power).find((s) => s >= raw && shown(s)) ?? Math.max(10 * power, 10 ** -decimals)
  const first = Math.floor(min / step) * step
  const ticks: number[] = []
  for (let v = first; v < max + step * 0.999; v += step) ticks.push(Number(v.toFixed(10)))
  return ticks
}

/** The y range of the chart: every plotted value, the baseline and the target; from zero up when nothing is negative. */
export function valueTicks(values: number[], decimals: number): number[] {
  const lo = Math.min(...values), hi = Math.max(...values)
  return niceTicks(lo >= 0 ? 0 : lo, hi <= 0 && lo < 0 ? 0 : hi, decimals)
}

/** The path of a line with gaps where a value is missing (null). */
export function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = ''
  let drawing = false
  for (const p of points) {
    if (!p) { drawing = false; continue }
    d += `${drawing ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`
    drawing = true
  }
  return d
}
