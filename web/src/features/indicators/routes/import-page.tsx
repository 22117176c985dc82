import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportObservationsResult, ImportRowError } from '@/api'
import { toProblem } from '@/api/problem'
import { Alert } from '@/components/ui/feedback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { usePageTitle } from '@/lib/use-page-title'
import { useImportObservations, type ImportOptions } from '../api/indicators'
import { previewCsv } from '../csv-preview'
import { rowErrorText } from '../row-error-text'
import { IndicatorsNav } from '../components/indicators-nav'
import '../indicators.css'

/** Server field errors of a failed real import (`lines[3].value`) back into row errors (English messages, no codes). */
function rowErrorsFromProblem(errors: Record<string, string[]>): ImportRowError[] {
  return Object.entries(errors).flatMap(([key, messages]) => {
    const m = /^(?:lines|items)\[(\d+)\]\.(.+)$/.exec(key)
    return messages.map((message) => (m ? { line: Number(m[1]), column: m[2], message, code: '' } : { column: key, message, code: '' }))
  })
}

/** What is wrong with a row, in the UI's language from the error's code; the server's English message otherwise. */
function RowErrorMessage({ error }: { error: ImportRowError }) {
  const { t, i18n } = useTranslation()
  if (!error.code) return <>{error.message}</>
  return <>{rowErrorText(t, i18n.language, error.code, error.args, error.column, error.message)}</>
}

/** CSV import of observations: choose a file, check it (dry run, preview and every row error), then import. */
/** A template with the German column headers, semicolons and a decimal comma, as German Excel saves it. */
function downloadTemplate() {
  const csv = '\uFEFFIndikator;Sozialraum;Zeitraum;Wert;Zähler;Nenner;Status;Quelle;Notiz\r\n'
    + 'sgb2-quote;05913-SR-HAFEN;2024;;3120;7800;final;Statistik der BA;\r\n'
    + 'inobhutnahmen;05913-SR-HAFEN;2024;7;;;provisional;Jugendamt;Beispielzeile\r\n'
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = 'raumnetz-import-vorlage.csv'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function ImportPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('indicators.import.title'))
  const describe = useProblemMessage()
  const ids = { file: useId(), delimiter: useId(), decimal: useId(), preview: useId(), errors: useId() }
  const [fileName, setFileName] = useState<string>()
  const [text, setText] = useState<string>()
  const [delimiter, setDelimiter] = useState('semicolon')
  const [decimal, setDecimal] = useState('comma')
  const [result, setResult] = useState<ImportObservationsResult | null>(null)
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([])
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState({ sent: 0, total: 0 })
  const rows = text ? Math.max(0, text.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1) : 0
  const kbFormat = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 })
  const kb = (n: number) => `${kbFormat.format(n / 1024)} KB`
  const importer = useImportObservations()
  const preview = useMemo(() => (text ? previewCsv(text, delimiter || undefined) : null), [text, delimiter])
  const options = (dryRun: boolean): ImportOptions => ({ dryRun, delimiter: delimiter || undefined, decimal })
  const errorLines = new Set(rowErrors.map((e) => e.line))
  const checked = result?.dryRun && result.errorCount === 0

  const reset = () => {
    setResult(null)
    setRowErrors([])
    setError(null)
  }

  const run = async (dryRun: boolean) => {
    reset()
    if (!text) {
      setError(t('indicators.import.noFile'))
      return
    }
    try {
      setProgress({ sent: 0, total: 0 })
      const r = await importer.mutateAsync({ csv: text, options: options(dryRun), onProgress: (sent, total) => setProgress({ sent,
        total }) })
      setResult(r)
      setRowErrors(r.errors)
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 400 && Object.keys(problem.errors).length > 0) {
        // The import answers bad rows with field errors; a dry run of the same file lists them with codes, so the table
        // can say them in the UI's language. Nothing was written either way.
        try {
          setRowErrors((await importer.mutateAsync({ csv: text, options: options(true) })).errors)
        } catch {
          setRowErrors(rowErrorsFromProblem(problem.errors))
        }
      } else setError(describe(err))
    }
  }

  return (
    <>
      <h1>{t('indicators.import.title')}</h1>
      <IndicatorsNav />
      <p className="lead">{t('indicators.import.lead')}</p>
      <p><button type="button" className="button button--link" onClick={downloadTemplate}>{t('indicators.import.template')}</button></p>
      <form className="form card" onSubmit={(e) => { e.preventDefault(); void run(true) }} aria-label={t('indicators.import.title')}>
        <div className="form__grid">
          <div className="field">
            <label htmlFor={ids.file} className="field__label">{t('indicators.import.file')}</label>
            <p id={`${ids.file}-hint`} className="field__hint">{t('indicators.import.fileHint')}</p>
            <input
              id={ids.file}
              type="file"
              accept=".csv,text/csv,text/plain"
              className="input"
              aria-describedby={`${ids.file}-hint`}
              onChange={async (e) => {
                reset()
                const file = e.target.files?.[0]
                setFileName(file?.name)
                setText(file ? await file.text() : undefined)
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.delimiter} className="field__label">{t('indicators.import.delimiter')}</label>
            <select id={ids.delimiter} className="input" value={delimiter} onChange={(e) => { reset(); setDelimiter(e.target.value) }}>
              <option value="">{t('indicators.import.delimiters.auto')}</option>
              <option value="semicolon">{t('indicators.import.delimiters.semicolon')}</option>
              <option value="comma">{t('indicators.import.delimiters.comma')}</option>
              <option value="tab">{t('indicators.import.delimiters.tab')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.decimal} className="field__label">{t('indicators.import.decimal')}</label>
            <select id={ids.decimal} className="input" value={decimal} onChange={(e) => { reset(); setDecimal(e.target.value) }}>
              <option value="comma">{t('indicators.import.decimals.comma')}</option>
              <option value="point">{t('indicators.import.decimals.point')}</option>
            </select>
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={importer.isPending}>
            {importer.isPending && importer.variables?.options.dryRun ? t('indicators.import.checking') : t('indicators.import.check')}
          </button>
          <button type="button" className="button button--primary" disabled={!checked || importer.isPending}
            onClick={() => void run(false)}>
            {importer.isPending && !importer.variables?.options.dryRun ? t('indicators.import.running') : t('indicators.import.run')}
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {importer.isPending ? (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {importer.variables?.options.dryRun ? t('indicators.import.checking') : t('indicators.import.running')}{' '}
            {progress.total > 0 && progress.sent < progress.total
              ? <progress max={progress.total} value={progress.sent} aria-label={t('indicators.import.progressUpload',
                { sent: kb(progress.sent), total: kb(progress.total) })} /> : null}
            {' '}{progress.total > 0 && progress.sent < progress.total
              ? t('indicators.import.progressUpload', { sent: kb(progress.sent), total: kb(progress.total) })
              : t('indicators.import.progressCheck', { rows })}
          </p>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result && result.errorCount === 0 ? (
        <Alert tone="success">
          {t(result.dryRun ? 'indicators.import.dryRunOk' : 'indicators.import.done', {
            rows: result.rows,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
          })}
        </Alert>
      ) : null}

      {rowErrors.length > 0 ? (
        <section className="card" aria-labelledby={ids.errors}>
          <h2 id={ids.errors}>{t('indicators.import.errors')}</h2>
          <Alert tone="error">
            <p>{t('indicators.import.errorCount', { count: result?.errorCount ?? rowErrors.length })}</p>
            {result && result.errorCount > result.errors.length ? <p>{t('indicators.import.moreErrors')}</p> : null}
          </Alert>
          <Table
            caption={t('indicators.import.errorsCaption')}
            hiddenCaption={false}
            columns={[t('indicators.import.line'), t('indicators.import.column'), t('indicators.import.message')]}
          >
            {rowErrors.map((e, n) => (
              <tr key={n}>
                <td>{e.line ?? e.item ?? '–'}</td>
                <td><code>{e.column}</code></td>
                <td><RowErrorMessage error={e} /></td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}

      {preview ? (
        <section className="card" aria-labelledby={ids.preview}>
          <h2 id={ids.preview}>
            {t('indicators.import.preview')}: {fileName}
          </h2>
          {preview.total === 0 ? (
            <p>{t('indicators.import.emptyFile')}</p>
          ) : (
            <>
              <p className="small">{t('indicators.import.rows', { count: preview.total })}</p>
              <div className="table-wrap" tabIndex={0}>
                <table className="table">
                  <caption>{t('indicators.import.previewCaption', { count: preview.rows.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('indicators.import.line')}</th>
                      {preview.header.map((h, n) => (
                        <th key={n} scope="col">{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.line} className={errorLines.has(r.line) ? 'row--error' : undefined}>
                        <th scope="row">
                          {r.line}
                          {errorLines.has(r.line) ? <span className="visually-hidden"> ({t('indicators.import.message')})</span> : null}
                        </th>
                        {preview.header.map((_, n) => (
                          <td key={n}>{r.cells[n] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      ) : null}
    </>
  )
}
