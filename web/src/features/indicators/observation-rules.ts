import { IndicatorKind, type IndicatorDto } from '@/api'

/** A problem with a value, as the server names it: the field, the code and the values the message needs. */
export interface ValueProblem {
  field: 'value' | 'numerator' | 'denominator'
  code: string
  args?: Record<string, string | number>
}

const MAX_MAGNITUDE = 1e15

/**
 * The server's rules for a measured value (ObservationRules), checked before saving so the form can say what is wrong
 * in the UI's language; the server checks again. Counts are whole numbers from 0; rates take numerator and denominator
 * together (a positive denominator, and for a proportion a numerator not above it; a value given with them must be
 * theirs, rounded at most to the indicator's decimals) or a value; ratings lie on the scale.
 * Then the range: a proportion lies between 0 and its factor (0 to 100 %), and every value within the indicator's own
 * minimum and maximum.
 */
export function valueProblems(
  indicator: Pick<IndicatorDto, 'kind' | 'isProportion' | 'scaleMin' | 'scaleMax'>
    & Partial<Pick<IndicatorDto, 'rateFactor' | 'minimum' | 'maximum' | 'decimals'>>,
  value: number | undefined,
  numerator: number | undefined,
  denominator: number | undefined,
): ValueProblem[] {
  const problems: ValueProblem[] = []
  for (const [field, v] of [['value', value], ['numerator', numerator], ['denominator', denominator]] as const)
    if (v !== undefined && (!Number.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE)) problems.push({ field, code: 'tooLarge' })
  if (problems.length > 0) return problems

  if (indicator.kind !== IndicatorKind.Rate) {
    if (numerator !== undefined) problems.push({ field: 'numerator', code: 'onlyRates' })
    if (denominator !== undefined) problems.push({ field: 'denominator', code: 'onlyRates' })
  }
  switch (indicator.kind) {
    case IndicatorKind.Count:
      if (value === undefined) problems.push({ field: 'value', code: 'valueRequired' })
      else if (value < 0 || !Number.isInteger(value)) problems.push({ field: 'value', code: 'countNotWhole' })
      break
    case IndicatorKind.Rate:
      if ((numerator === undefined) !== (denominator === undefined)) {
        problems.push({ field: numerator === undefined ? 'numerator' : 'denominator', code: 'rateNeedsBoth' })
      } else if (numerator !== undefined && denominator !== undefined) {
        if (numerator < 0) problems.push({ field: 'numerator', code: 'numeratorNegative' })
        if (denominator <= 0) problems.push({ field: 'denominator', code: 'denominatorNotPositive' })
        else if (indicator.isProportion && numerator > denominator)
          problems.push({ field: 'numerator', code: 'numeratorAboveDenominator', args: { numerator, denominator } })
        if (problems.length === 0 && value !== undefined) {
          // the aggregates above compute from numerator and denominator: a value given with them must be theirs (rounded)
          const computed = (numerator / denominator) * (indicator.rateFactor ?? 1)
          const decimals = indicator.decimals ?? 2
          if (Math.abs(value - computed) > 0.5 * 10 ** -decimals + 1e-9 * Math.abs(computed)) {
            const shown = Math.round(computed * 10 ** decimals) / 10 ** decimals
            problems.push({ field: 'value', code: 'valueContradictsRate', args: { value, numerator, denominator, computed: shown } })
          }
        }
      } else if (value === undefined) problems.push({ field: 'value', code: 'valueRequired' })
      break
    case IndicatorKind.Index:
      if (value === undefined) problems.push({ field: 'value', code: 'valueRequired' })
      break
    case IndicatorKind.Rating:
      if (value === undefined) problems.push({ field: 'value', code: 'valueRequired' })
      else if (indicator.scaleMin != null && indicator.scaleMax != null && (value < indicator.scaleMin || value > indicator.scaleMax))
        problems.push({ field: 'value', code: 'outsideScale', args: { value, min: indicator.scaleMin, max: indicator.scaleMax } })
      break
  }
  const checked = value ?? (indicator.kind === IndicatorKind.Rate && numerator !== undefined && denominator !== undefined && denominator > 0
    ? (numerator / denominator) * (indicator.rateFactor ?? 1) : undefined)
  if (problems.length === 0 && checked !== undefined) {
    if (indicator.kind === IndicatorKind.Rate && indicator.isProportion && indicator.rateFactor != null) {
      const top = indicator.rateFactor
      if (checked < 0 || checked > top) problems.push({ field: 'value', code: 'proportionOutOfRange', args: { value: checked, min: 0, max: top } })
    }
    if (indicator.minimum != null && checked < indicator.minimum) problems.push({ field: 'value', code: 'belowMinimum', args: { value: checked, min: indicator.minimum } })
    if (indicator.maximum != null && checked > indicator.maximum) problems.push({ field: 'value', code: 'aboveMaximum', args: { value: checked, max: indicator.maximum } })
  }
  return problems
}
