import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { parseNumber } from '@/lib/numbers'
import { formatValue } from '../format-value'
import { move, parsePaste } from '../entry-grid-model'

export interface GridRow { id: string; name: string }
export interface StoredValue { value?: number; version?: number }

/** One cell's change to save. */
export interface CellChange { spaceId: string; period: string; value: number; version?: number }

const key = (space: string, period: string) => `${space}|${period}`

/**
 * The entry grid: spaces × periods of one indicator. Each cell shows the value stored (or typed) and, beside it, the
 * previous period's value; arrow keys and Enter move like a spreadsheet, a block pasted from Excel fills the cells from the
 * focused one, each cell is checked as typed (numbers as the UI language writes them, German 1.234,5), and rows are saved
 * one by one or all at once.
 */
export function EntryGrid({ rows, periods, stored, decimals, onSave }: {
  rows: GridRow[]
  periods: string[]
  /** Stored values by `${spaceId}|${period}`. */
  stored: Record<string, StoredValue>
  decimals: number
  /** Saves the changes; answers the server's message for each cell it refused (by `${spaceId}|${period}`). */
  onSave: (changes: CellChange[]) => Promise<Record<string, string>>
}) {
  const { t, i18n } = useTranslation()
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saving, setSaving] = useState(false)
  const save = async (changes: CellChange[]) => {
    setSaving(true)
    try {
      const refused = await onSave(changes)
      setErrors((old) => {
        const next = { ...old }
        for (const c of changes) delete next[key(c.spaceId, c.period)]
        return { ...next, ...refused }
      })
      setDrafts((old) => {
        const next = { ...old }
        for (const c of changes) if (!refused[key(c.spaceId, c.period)]) delete next[key(c.spaceId, c.period)]
        return next
      })
    } finally {
      setSaving(false)
    }
  }
  const inputs = useRef(new Map<string, HTMLInputElement>())
  const fmt = (v: number | undefined) => (v === undefined ? '' : formatValue(v, decimals, i18n.language))
  const focus = (r: number, c: number) => inputs.current.get(key(rows[r].id, periods[c]))?.focus()

  const changesOf = (rowIds: string[]): CellChange[] => rowIds.flatMap((spaceId) => periods.flatMap((period) => {
    const draft = drafts[key(spaceId, period)]
    if (draft === undefined) return []
    const v = parseNumber(draft, i18n.language)
    const old = stored[key(spaceId, period)]
    if (v === undefined || v === 'invalid' || v === old?.value) return []
    return [{ spaceId, period, value: v, version: old?.version }]
  }))
  const invalid = (k: string) => drafts[k] !== undefined && parseNumber(drafts[k], i18n.language) === 'invalid'
  const anyInvalid = Object.keys(drafts).some(invalid)

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const target = move(e.key, e.shiftKey, r, c, rows.length, periods.length)
    if (!target) return
    // left and right only leave the cell at its text's edge, so typing can still move the caret
    const input = e.currentTarget
    if (e.key === 'ArrowLeft' && input.selectionStart !== 0) return
    if (e.key === 'ArrowRight' && input.selectionEnd !== input.value.length) return
    e.preventDefault()
    focus(target[0], target[1])
  }
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const block = parsePaste(e.clipboardData.getData('text/plain'))
    if (block.length === 1 && block[0].length === 1) return
    e.preventDefault()
    const next = { ...drafts }
    block.forEach((line, i) => line.forEach((text, j) => {
      if (r + i < rows.length && c + j < periods.length) next[key(rows[r + i].id, periods[c + j])] = text
    }))
    setDrafts(next)
  }

  return (
    <div className="entry-grid">
      <div className="table-wrap" tabIndex={-1}>
        <table className="table table--compact entry-grid__table">
          <caption className="visually-hidden">{t('indicators.grid.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.grid.space')}</th>
              {periods.map((p) => <th key={p} scope="col">{p}</th>)}
              <th scope="col"><span className="visually-hidden">{t('indicators.grid.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const rowChanges = changesOf([row.id])
              return (
                <tr key={row.id}>
                  <th scope="row">{row.name}</th>
                  {periods.map((period, c) => {
                    const k = key(row.id, period)
                    const current = stored[k]?.value
                    const previous = c > 0 ? stored[key(row.id, periods[c - 1])]?.value : undefined
                    const bad = invalid(k)
                    const serverError = errors[k]
                    const label = t('indicators.grid.cellLabel', { space: row.name, period })
                    const prevText = previous === undefined ? t('indicators.grid.noPrevious') : t('indicators.grid.previous',
                      { value: fmt(previous) })
                    return (
                      <td key={period} className={bad || serverError ? 'entry-grid__cell is-invalid' : 'entry-grid__cell'}>
                        <input ref={(el) => { if (el) inputs.current.set(k, el); else inputs.current.delete(k) }}
                          className="input entry-grid__input" inputMode="decimal" aria-label={label}
                          aria-describedby={`${k}-prev${bad || serverError ? ` ${k}-err` : ''}`}
                            aria-invalid={bad || !!serverError || undefined}
                          value={drafts[k] ?? fmt(current)}
                          onChange={(e) => setDrafts({ ...drafts, [k]: e.target.value })}
                          onKeyDown={(e) => onKeyDown(e, r, c)} onPaste={(e) => onPaste(e, r, c)} />
                        <span id={`${k}-prev`} className="entry-grid__previous">{prevText}</span>
                        {bad ? <span id={`${k}-err`} className="field__error">{t('validation.number')}</span>
                          : serverError ? <span id={`${k}-err`} className="field__error">{serverError}</span> : null}
                      </td>
                    )
                  })}
                  <td>
                    <button type="button" className="button button--secondary button--small" disabled={saving || rowChanges.length === 0}
                      aria-label={t('indicators.grid.saveRowLabel', { space: row.name })} onClick={() => void save(rowChanges)}>
                      {t('indicators.grid.saveRow')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div className="form__actions">
        <button type="button" className="button" disabled={saving || anyInvalid || changesOf(rows.map((r) => r.id)).length === 0}
          onClick={() => void save(changesOf(rows.map((r) => r.id)))}>
          {t('indicators.grid.saveAll', { count: changesOf(rows.map((r) => r.id)).length })}
        </button>
      </div>
    </div>
  )
}
