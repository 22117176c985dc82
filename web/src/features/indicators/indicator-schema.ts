import type { TFunction } from 'i18next'
import { isNumberText, numberForInput, numberOf } from '@/lib/numbers'
import { z } from '@/lib/zod'
import {
  AggregationRule,
  IndicatorDirection,
  IndicatorKind,
  UpdateInterval,
  type CreateIndicatorRequest,
  type IndicatorDto,
} from '@/api'

export const INDICATOR_KINDS = Object.values(IndicatorKind)
export const DIRECTIONS = Object.values(IndicatorDirection)
export const AGGREGATIONS = Object.values(AggregationRule)
export const INTERVALS = Object.values(UpdateInterval)

/** Limits as in the API contract (maxLength of the request schema). */
export const INDICATOR_LIMITS = { code: 50, name: 200, description: 4000, unit: 50, source: 200, topic: 200, scaleLabel: 50 }

export const INDICATOR_FORM_FIELDS = [
  'code', 'name', 'description', 'kind', 'unit', 'decimals', 'direction', 'aggregation', 'rateFactor',
  'isProportion', 'scaleMin', 'scaleMax', 'scaleLabels', 'minimum', 'maximum', 'source', 'updateInterval', 'topic',
] as const

/** A number as the UI language writes it (lib/numbers), or empty. */
const optionalNumber = (t: TFunction) => z.string().trim().refine((v) => v === '' || isNumberText(v), t('validation.number'))

export function makeIndicatorSchema(t: TFunction) {
  const text = (max: number) => z.string().trim().max(max, t('indicators.form.tooLong', { max }))
  return z
    .object({
      code: text(INDICATOR_LIMITS.code)
        .min(1, t('indicators.form.required'))
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, t('indicators.form.codeFormat')),
      name: text(INDICATOR_LIMITS.name).min(1, t('indicators.form.required')),
      description: text(INDICATOR_LIMITS.description),
      kind: z.enum(IndicatorKind, t('indicators.form.choose')),
      unit: text(INDICATOR_LIMITS.unit),
      decimals: z.string().trim().refine((v) => /^\d$/.test(v) && Number(v) <= 6, t('indicators.form.decimalsRange')),
      direction: z.enum(IndicatorDirection, t('indicators.form.choose')),
      aggregation: z.enum(AggregationRule, t('indicators.form.choose')),
      rateFactor: optionalNumber(t),
      isProportion: z.boolean(),
      scaleMin: optionalNumber(t),
      scaleMax: optionalNumber(t),
      scaleLabels: z.string(),
      minimum: optionalNumber(t),
      maximum: optionalNumber(t),
      source: text(INDICATOR_LIMITS.source),
      updateInterval: z.union([z.enum(UpdateInterval), z.literal('')]),
      topic: text(INDICATOR_LIMITS.topic),
    })
    .superRefine((v, ctx) => {
      const minimum = num(v.minimum)
      const maximum = num(v.maximum)
      if (minimum !== undefined && maximum !== undefined && maximum < minimum)
        ctx.addIssue({ code: 'custom', path: ['maximum'], message: t('indicators.form.rangeOrder') })
      if (v.kind !== IndicatorKind.Rating) return
      const min = num(v.scaleMin) ?? 1
      const max = num(v.scaleMax) ?? 5
      if (max <= min) ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: t('indicators.form.scaleOrder') })
      const labels = splitLabels(v.scaleLabels)
      const steps = Math.round(max - min) + 1
      if (labels.length > 0 && labels.length !== steps) {
        ctx.addIssue({ code: 'custom', path: ['scaleLabels'], message: t('indicators.form.scaleCount', { count: steps }) })
      }
    })
}

export type IndicatorFormValues = z.infer<ReturnType<typeof makeIndicatorSchema>>

export const emptyIndicatorForm: IndicatorFormValues = {
  code: '',
  name: '',
  description: '',
  kind: IndicatorKind.Rate,
  unit: '%',
  decimals: '1',
  direction: IndicatorDirection.LowerIsBetter,
  aggregation: AggregationRule.Rate,
  rateFactor: '100',
  isProportion: true,
  scaleMin: '',
  scaleMax: '',
  scaleLabels: '',
  minimum: '',
  maximum: '',
  source: '',
  updateInterval: UpdateInterval.Yearly,
  topic: '',
}

function splitLabels(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

const num = (v: string) => numberOf(v)
const opt = (v: string) => (v.trim() === '' ? undefined : v.trim())

export function toIndicatorRequest(v: IndicatorFormValues): CreateIndicatorRequest {
  const rating = v.kind === IndicatorKind.Rating
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    description: opt(v.description),
    kind: v.kind,
    unit: opt(v.unit),
    decimals: Number(v.decimals),
    direction: v.direction,
    aggregation: v.aggregation,
    rateFactor: v.kind === IndicatorKind.Rate ? num(v.rateFactor) : undefined,
    isProportion: v.isProportion,
    scaleMin: rating ? (num(v.scaleMin) ?? 1) : undefined,
    scaleMax: rating ? (num(v.scaleMax) ?? 5) : undefined,
    scaleLabels: rating ? splitLabels(v.scaleLabels) : undefined,
    minimum: num(v.minimum),
    maximum: num(v.maximum),
    source: opt(v.source),
    updateInterval: v.updateInterval === '' ? undefined : v.updateInterval,
    topic: opt(v.topic),
  }
}

export function toIndicatorFormValues(i: IndicatorDto): IndicatorFormValues {
  const s = (n: number | undefined | null) => numberForInput(n)
  return {
    code: i.code,
    name: i.name,
    description: i.description ?? '',
    kind: i.kind,
    unit: i.unit ?? '',
    decimals: String(i.decimals),
    direction: i.direction,
    aggregation: i.aggregation,
    rateFactor: s(i.rateFactor),
    isProportion: i.isProportion,
    scaleMin: s(i.scaleMin),
    scaleMax: s(i.scaleMax),
    scaleLabels: (i.scaleLabels ?? []).join('\n'),
    minimum: s(i.minimum),
    maximum: s(i.maximum),
    source: i.source ?? '',
    updateInterval: i.updateInterval ?? '',
    topic: i.topic ?? '',
  }
}
