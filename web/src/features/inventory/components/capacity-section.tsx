import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CapacityUnit, type CapacityEntryDto, type ServiceDto } from '@/api'
import { Alert } from '@/components/ui/feedback'
import { SelectField, TextField } from '@/components/ui/field'
import { FormActions } from '@/components/ui/form'
import { FormErrorAlert } from '@/components/ui/form-error-alert'
import { Table } from '@/components/ui/table'
import { useFormError } from '@/components/ui/use-form-error'
import { formatDate, formatNumber, today } from '@/lib/format'
import { useRecordCapacity } from '../api/inventory'
import { CAPACITY_FORM_FIELDS, CAPACITY_LIMITS, CAPACITY_UNITS, capacitySeries, makeCapacitySchema, toCapacityRequest, utilisation,
  type CapacityFormValues } from '../capacity-schema'

/** Line colours told apart by dash pattern too (not by colour alone). */
const LINES = [
  { stroke: '#1d4ed8', dash: undefined },
  { stroke: '#b45309', dash: '6 3' },
  { stroke: '#15803d', dash: '2 2' },
  { stroke: '#7c3aed', dash: '8 3 2 3' },
]

/**
 * A service's capacity: the latest entry per location and unit, the utilisation over time as a small line chart (recharts,
 * as the indicator charts) with the same figures as a table, and a form to record a dated entry.
 */
export function CapacitySection({ service, entries, canWrite }: { service: ServiceDto; entries: readonly CapacityEntryDto[];
  canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const headingId = useId()
  const [open, setOpen] = useState(false)
  const [notice, setNotice] = useState<string>()
  const series = capacitySeries(entries)
  const locationName = (id: string) => service.locations.find((l) => l.locationId === id)?.locationName ?? ''
  const seriesName = (s: { locationId: string; unit: CapacityUnit }) =>
    service.locations.length > 1 ? `${locationName(s.locationId)} – ${t(`inventory.units.${s.unit}`)}` : t(`inventory.units.${s.unit}`)
  const charted = series.filter((s) => s.entries.some((e) => utilisation(e) !== undefined))
  const dates = [...new Set(charted.flatMap((s) => s.entries.map((e) => e.asOf)))].sort()
  const data = dates.map((date) => ({
    date,
    ...Object.fromEntries(charted.map((s) => [s.key, utilisation(s.entries.find((e) => e.asOf === date) ?? { maximum: 0 }) ?? null])),
  }))
  const percent = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v, lng)} %` : String(v ?? ''))

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="page-header">
        <h2 id={headingId}>{t('inventory.capacity.title')}</h2>
        {canWrite && !open && service.locations.length > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => { setNotice(undefined); setOpen(true) }}>
            {t('inventory.capacity.record')}
          </button>
        ) : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {open ? (
        <CapacityForm service={service} onDone={(text) => { setOpen(false); setNotice(text) }} onCancel={() => setOpen(false)} />
      ) : null}
      {series.length === 0 ? (
        <p className="muted">{t('inventory.service.noCapacity')}</p>
      ) : (
        <>
          <ul className="inventory-list">
            {series.map((s) => {
              const latest = s.entries[s.entries.length - 1]
              return (
                <li key={s.key}>
                  {service.locations.length > 1 ? <strong>{locationName(s.locationId)}: </strong> : null}
                  {latest.available != null
                    ? t('inventory.service.capacityLatest', { available: formatNumber(latest.available, lng),
                        maximum: formatNumber(latest.maximum, lng), unit: t(`inventory.units.${latest.unit}`),
                        date: formatDate(latest.asOf, lng) })
                    : t('inventory.capacity.maximumOnly', { maximum: formatNumber(latest.maximum, lng),
                        unit: t(`inventory.units.${latest.unit}`), date: formatDate(latest.asOf, lng) })}
                </li>
              )
            })}
          </ul>
          {data.length > 1 ? (
            <figure className="chart capacity-chart" role="img"
              aria-label={t('inventory.capacity.chartLabel', { name: service.name })}>
              <ResponsiveContainer width="100%" height={200}>
                <LineChart data={data} margin={{ top: 10, right: 24, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d, lng)} />
                  <YAxis domain={[0, 100]} tickFormatter={percent} width={56} />
                  <Tooltip formatter={percent} labelFormatter={(d) => formatDate(String(d), lng)} />
                  <Legend />
                  {charted.map((s, i) => (
                    <Line key={s.key} type="monotone" dataKey={s.key} name={seriesName(s)} stroke={LINES[i % LINES.length].stroke}
                      strokeDasharray={LINES[i % LINES.length].dash} strokeWidth={2} connectNulls isAnimationActive={false} />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </figure>
          ) : null}
          <details>
            <summary>{t('inventory.capacity.history')}</summary>
            <Table caption={t('inventory.capacity.historyCaption', { name: service.name })}
              columns={[t('inventory.capacity.asOf'), t('inventory.capacity.location'), t('inventory.capacity.unit'),
                { label: t('inventory.capacity.maximum'), className: 'num' },
                { label: t('inventory.capacity.available'), className: 'num' },
                { label: t('inventory.capacity.utilisation'), className: 'num' }]}>
              {series.flatMap((s) => s.entries).sort((a, b) => b.asOf.localeCompare(a.asOf)).map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.asOf, lng)}</td>
                  <td>{locationName(e.locationId)}</td>
                  <td>{t(`inventory.units.${e.unit}`)}</td>
                  <td className="num">{formatNumber(e.maximum, lng)}</td>
                  <td className="num">{e.available != null ? formatNumber(e.available, lng) : '–'}</td>
                  <td className="num">{utilisation(e) !== undefined ? percent(utilisation(e)) : '–'}</td>
                </tr>
              ))}
            </Table>
          </details>
        </>
      )}
    </section>
  )
}

function CapacityForm({ service, onDone, onCancel }: { service: ServiceDto; onDone: (notice: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation()
  const schema = useMemo(() => makeCapacitySchema(t), [t])
  const record = useRecordCapacity(service.id)
  const { formError, clearFormError, fail } = useFormError()
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<CapacityFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      locationId: service.locations.length === 1 ? service.locations[0].locationId : '',
      unit: CapacityUnit.Places, maximum: '', available: '', asOf: today(), note: '',
    },
  })
  const submit = handleSubmit(async (values) => {
    clearFormError()
    try {
      const entry = await record.mutateAsync(toCapacityRequest(values))
      onDone(t('inventory.capacity.recorded', { date: formatDate(entry.asOf, i18n.language) }))
    } catch (err) {
      fail(err, setError, CAPACITY_FORM_FIELDS, { fieldStatuses: [400, 409] })
    }
  })
  return (
    <form className="form" noValidate onSubmit={submit} aria-label={t('inventory.capacity.record')}>
      <FormErrorAlert error={formError} />
      <div className="form__grid">
        <SelectField id="capacity-locationId" label={t('inventory.capacity.location')} required error={errors.locationId?.message}
          {...register('locationId')}>
          <option value="">{t('common.pleaseChoose')}</option>
          {service.locations.map((l) => (
            <option key={l.locationId} value={l.locationId}>
              {l.locationName}
            </option>
          ))}
        </SelectField>
        <SelectField id="capacity-unit" label={t('inventory.capacity.unit')} required error={errors.unit?.message} {...register('unit')}>
          {CAPACITY_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`inventory.units.${u}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="capacity-maximum" label={t('inventory.capacity.maximum')} required inputMode="decimal"
          error={errors.maximum?.message} {...register('maximum')} />
        <TextField id="capacity-available" label={t('inventory.capacity.available')} inputMode="decimal"
          hint={t('inventory.capacity.availableHint')} error={errors.available?.message} {...register('available')} />
        <TextField id="capacity-asOf" type="date" label={t('inventory.capacity.asOf')} required error={errors.asOf?.message}
          {...register('asOf')} />
        <TextField id="capacity-note" label={t('inventory.capacity.note')} maxLength={CAPACITY_LIMITS.note} error={errors.note?.message}
          {...register('note')} />
      </div>
      <FormActions submitting={isSubmitting} submitLabel={t('inventory.capacity.save')} cancel={onCancel} />
    </form>
  )
}
