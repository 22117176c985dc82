import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { Alert } from '@/components/ui/feedback'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { EXPORT_FORMATS, TABULAR_FORMATS, downloadExport, exportUrl, useIndicatorSets, useIndicators, type ExportFormat,
  type ExportOptions } from '../api/indicators'
import '../indicators.css'

export interface ExportDialogProps {
  onClose: () => void
  /** Preselections, e.g. the set or space of the page that opened the dialog. */
  initial?: Partial<ExportOptions>
  /** Replaces the real download (tests). */
  download?: typeof downloadExport
}

/**
 * Modal dialog for ExportIndicators: format, set or single indicators, space subtree, period
 * range, aggregated values and the German-Excel CSV variant. Downloads with the session
 * cookie (fetch) and names the file as the server does (Content-Disposition).
 */
export function ExportDialog({ onClose, initial, download = downloadExport }: ExportDialogProps) {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const titleId = useId()
  const id = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  const sets = useIndicatorSets()
  const indicators = useIndicators()
  const { spaces: flatSpaces } = useFlatSpaces()
  const [mode, setMode] = useState<'set' | 'indicators'>(initial?.indicatorIds?.length ? 'indicators' : 'set')
  const [o, setO] = useState<ExportOptions>({ format: 'csv', germanExcel: true, ...initial })
  const [state, setState] = useState<{ busy: boolean; fileName?: string; href?: string; error?: string }>({ busy: false })

  const options: ExportOptions = mode === 'set' ? { ...o, indicatorIds: undefined } : { ...o, indicatorSetId: undefined }
  const url = exportUrl(options)
  const csv = o.format === 'csv' || o.format === 'csv-wide'

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null
    dialogRef.current?.querySelector<HTMLElement>('select, input, button')?.focus()
    return () => previous?.focus?.()
  }, [])
  useEffect(() => () => {
    if (state.href) URL.revokeObjectURL(state.href)
  }, [state.href])

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      onClose()
    }
    if (e.key === 'Tab' && dialogRef.current) {
      const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea')]
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault()
        last?.focus()
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault()
        first?.focus()
      }
    }
  }

  const start = async () => {
    setState({ busy: true })
    try {
      const { blob, fileName } = await download(options)
      const href = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : undefined
      if (href) {
        const a = document.createElement('a')
        a.href = href
        a.download = fileName
        document.body.appendChild(a)
        a.click()
        a.remove()
      }
      setState({ busy: false, fileName, href })
    } catch (err) {
      setState({ busy: false, error: describe(err) })
    }
  }

  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => setO((prev) => ({ ...prev, [key]: value }))

  return (
    <div className="modal-backdrop">
      <div ref={dialogRef} className="modal card" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId}>{t('indicators.export.title')}</h2>
        <div className="form__grid">
          <div className="field">
            <label htmlFor={`${id}-format`} className="field__label">{t('indicators.export.format')}</label>
            <select id={`${id}-format`} className="input" value={o.format} onChange={(e) => set('format', e.target.value as ExportFormat)}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>{t(`indicators.export.formats.${f}`)}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-under`} className="field__label">{t('indicators.export.under')}</label>
            <select id={`${id}-under`} className="input" value={o.under ?? ''} onChange={(e) => set('under', e.target.value || undefined)}>
              <option value="">{t('indicators.export.allSpaces')}</option>
              <SpaceOptions spaces={flatSpaces} />
            </select>
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>{t('indicators.export.selection')}</legend>
          <div className="choice-row">
            <label className="choice">
              <input type="radio" name={`${id}-mode`} checked={mode === 'set'}
                onChange={() => setMode('set')} /> {t('indicators.export.bySet')}
            </label>
            <label className="choice">
              <input type="radio" name={`${id}-mode`} checked={mode === 'indicators'} onChange={() => setMode('indicators')} />{' '}
              {t('indicators.export.byIndicators')}
            </label>
          </div>
          {mode === 'set' ? (
            <div className="field">
              <label htmlFor={`${id}-set`} className="field__label">{t('indicators.export.bySet')}</label>
              <select id={`${id}-set`} className="input" value={o.indicatorSetId ?? ''}
                onChange={(e) => set('indicatorSetId', e.target.value || undefined)}>
                <option value="">{t('indicators.export.allIndicators')}</option>
                {(sets.data ?? []).map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </div>
          ) : (
            <div className="checkbox-list">
              {(indicators.data ?? []).map((i) => (
                <label key={i.id} className="choice">
                  <input
                    type="checkbox"
                    checked={o.indicatorIds?.includes(i.id) ?? false}
                    onChange={(e) =>
                      set('indicatorIds', e.target.checked ? [...(o.indicatorIds ?? []), i.id]
                        : (o.indicatorIds ?? []).filter((x) => x !== i.id))
                    }
                  />{' '}
                  {i.name} <span className="muted">({i.code})</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="form__grid">
          <div className="field">
            <label htmlFor={`${id}-from`} className="field__label">{t('indicators.export.from')}</label>
            <p id={`${id}-period-hint`} className="field__hint">{t('indicators.export.periodHint')}</p>
            <input id={`${id}-from`} className="input" value={o.from ?? ''} aria-describedby={`${id}-period-hint`}
              onChange={(e) => set('from', e.target.value.trim() || undefined)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`} className="field__label">{t('indicators.export.to')}</label>
            <p className="field__hint" aria-hidden="true">{t('indicators.export.periodHint')}</p>
            <input id={`${id}-to`} className="input" value={o.to ?? ''} aria-describedby={`${id}-period-hint`}
              onChange={(e) => set('to', e.target.value.trim() || undefined)} />
          </div>
        </div>
        <div className="field field--checkbox">
          <input id={`${id}-aggregated`} type="checkbox" checked={o.aggregated ?? false}
            onChange={(e) => set('aggregated', e.target.checked)} />
          <label htmlFor={`${id}-aggregated`}>{t('indicators.export.aggregated')}</label>
        </div>
        {csv ? (
          <div className="field field--checkbox">
            <input id={`${id}-german`} type="checkbox" checked={o.germanExcel ?? false}
              onChange={(e) => set('germanExcel', e.target.checked)} />
            <label htmlFor={`${id}-german`}>{t('indicators.export.germanExcel')}</label>
          </div>
        ) : null}
        {TABULAR_FORMATS.includes(o.format) ? (
          <div className="form__grid">
            <div className="field">
              <label htmlFor={`${id}-headers`} className="field__label">{t('indicators.export.headers')}</label>
              <select id={`${id}-headers`} className="input" value={o.headers ?? 'en'}
                onChange={(e) => set('headers', e.target.value === 'de' ? 'de' : 'en')}>
                <option value="de">{t('indicators.export.headersDe')}</option>
                <option value="en">{t('indicators.export.headersEn')}</option>
              </select>
            </div>
            <div className="field field--checkbox">
              <input id={`${id}-names`} type="checkbox" checked={o.withNames ?? false}
                onChange={(e) => set('withNames', e.target.checked)} />
              <label htmlFor={`${id}-names`}>{t('indicators.export.withNames')}</label>
            </div>
          </div>
        ) : null}
        <p className="small">
          {t('indicators.export.url')}: <code data-testid="export-url">{url}</code>
        </p>
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        {state.busy ? (
          <p role="status" className="loading">
            <span className="spinner" aria-hidden="true" />
            {t('indicators.export.downloading')}
          </p>
        ) : null}
        {state.fileName ? (
          <Alert tone="success">
            {state.href ? (
              <a href={state.href} download={state.fileName}>{t('indicators.export.done', { name: state.fileName })}</a>
            ) : (
              t('indicators.export.done', { name: state.fileName })
            )}
          </Alert>
        ) : null}
        <div className="form__actions">
          <button type="button" className="button button--primary" onClick={() => void start()} disabled={state.busy}>
            {state.busy ? t('indicators.export.downloading') : t('indicators.export.download')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('indicators.export.close')}
          </button>
        </div>
      </div>
    </div>
  )
}
