import type { IndicatorDto } from '@/api'
import { historyOf } from '@/components/history/history-values'

/** An indicator's "Verlauf": its fields with the labels of its page and form. */
export const indicatorHistory = historyOf<IndicatorDto>('indicator', {
  code: { label: 'indicators.fields.code' },
  name: { label: 'indicators.fields.name' },
  description: { label: 'indicators.fields.description' },
  kind: { label: 'indicators.fields.kind', value: { enum: 'indicators.kinds' } },
  unit: { label: 'indicators.fields.unit' },
  decimals: { label: 'indicators.fields.decimals', value: 'number' },
  direction: { label: 'indicators.fields.direction', value: { enum: 'indicators.directions' } },
  aggregation: { label: 'indicators.fields.aggregation', value: { enum: 'indicators.aggregations' } },
  rateFactor: { label: 'indicators.fields.rateFactor', value: 'number' },
  isProportion: { label: 'indicators.fields.isProportion', value: 'boolean' },
  scaleMin: { label: 'indicators.fields.scaleMin', value: 'number' },
  scaleMax: { label: 'indicators.fields.scaleMax', value: 'number' },
  scaleLabels: { label: 'indicators.fields.scaleLabels', value: 'texts' },
  minimum: { label: 'indicators.fields.minimum', value: 'number' },
  maximum: { label: 'indicators.fields.maximum', value: 'number' },
  source: { label: 'indicators.fields.source' },
  updateInterval: { label: 'indicators.fields.updateInterval', value: { enum: 'indicators.intervals' } },
  topic: { label: 'indicators.fields.topic' },
})
