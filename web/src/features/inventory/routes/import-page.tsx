import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ImportRowError, InventoryImportResult } from '@/api'
import { toProblem } from '@/api/problem'
import { Alert } from '@/components/ui/feedback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { usePageTitle } from '@/lib/use-page-title'
import { useInventoryImport, type InventoryImportOptions, type UploadProgress } from '../api/inventory'
import { InventoryNav } from '../components/inventory-nav'
import { IMPORT_COLUMNS, importRowErrorText } from '../import-columns'

export const TEMPLATE_URL = '/templates/bestandsaufnahme-vorlage.csv'
const MAX_BYTES = 20 * 1024 * 1024

/** Server field errors of a failed real import (`lines[3].city`) back into row errors (the server's messages, no codes). */
function rowErrorsFromProblem(errors: Record<string, string[]>): ImportRowError[] {
  return Object.entries(errors).flatMap(([key, messages]) => {
    const m = /^lines\[(\d+)\]\.(.+)$/.exec(key)
    return messages.map((message) => (m ? { line: Number(m[1]), column: m[2], message, code: '' } : { column: key, message, code: '' }))
  })
}

/**
 * The spreadsheet import of the inventory: choose a CSV or XLSX file, check it (a dry run listing every bad row by line
 * and column), then import it. Nothing is written while any row is bad.
 */
export function InventoryImportPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('inventory.import.title'))
  const describe = useProblemMessage()
  const ids = { file: useId(), delimiter: useId(), errors: useId(), columns: 'import-columns' }
  const [file, setFile] = useState<File>()
  const [delimiter, setDelimiter] = useState('')
  const [result, setResult] = useState<InventoryImportResult | null>(null)
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([])
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<UploadProgress | null>(null)
  const importer = useInventoryImport()
  const format: InventoryImportOptions['format'] = file && /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv'
  const checked = !!result && result.dryRun && result.errorCount === 0 && result.rows > 0
  const dryRunning = importer.isPending && importer.variables?.options.dryRun

  const reset = () => {
    setResult(null)
    setRowErrors([])
    setError(null)
  }

  const send = (dryRun: boolean) =>
    importer.mutateAsync({ file: file as File, options: { dryRun, format, delimiter: delimiter || undefined }, onProgress: setProgress })

  const run = async (dryRun: boolean) => {
    reset()
    if (!file) {
      setError(t('inventory.import.noFile'))
      return
    }
    if (file.size > MAX_BYTES) {
      setError(t('inventory.import.tooLarge'))
      return
    }
    try {
      const r = await send(dryRun)
      setResult(r)
      setRowErrors(r.errors)
    } catch (err) {
      const problem = toProblem(err)
      if (problem.status === 400 && Object.keys(problem.errors).some((k) => k.startsWith('lines['))) {
        // A real import answers bad rows with field errors (something changed since the check); a dry run of the same file
        // lists them with codes, so the table can say them in the UI's language. Nothing was written either way.
        try {
          const again = await send(true)
          setResult(again)
          setRowErrors(again.errors)
        } catch {
          setRowErrors(rowErrorsFromProblem(problem.errors))
        }
      } else if (problem.status === 413) setError(t('inventory.import.tooLarge'))
      else if (problem.status === 415 || (problem.status === 400 && 'format' in problem.errors)) setError(t('inventory.import.wrongFormat'))
      else setError(describe(err))
    } finally {
      setProgress(null)
    }
  }

  const progressText = !progress ? '' : progress.phase === 'server'
    ? t(dryRunning ? 'inventory.import.checking' : 'inventory.import.running')
    : progress.percent !== undefined ? t('inventory.import.uploading', { percent: progress.percent })
      : t('inventory.import.uploadingNoPercent')

  return (
    <>
      <p className="breadcrumb">
        <Link to="/inventory">{t('inventory.location.back')}</Link>
      </p>
      <h1>{t('inventory.import.title')}</h1>
      <InventoryNav />
      <p className="lead">{t('inventory.import.lead')}</p>
      <p>
        <a href={TEMPLATE_URL} download="bestandsaufnahme-vorlage.csv">{t('inventory.import.template')}</a>
        {' · '}
        <a href={`#${ids.columns}`}>{t('inventory.import.columnsLink')}</a>
      </p>

      <form className="form card" noValidate aria-label={t('inventory.import.title')}
        onSubmit={(e) => { e.preventDefault(); void run(true) }}>
        <div className="form__grid">
          <div className="field">
            <label htmlFor={ids.file} className="field__label">{t('inventory.import.file')}</label>
            <p id={`${ids.file}-hint`} className="field__hint">{t('inventory.import.fileHint')}</p>
            <input id={ids.file} type="file" className="input" aria-describedby={`${ids.file}-hint`}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                reset()
                setFile(e.target.files?.[0])
              }} />
          </div>
          <div className="field">
            <label htmlFor={ids.delimiter} className="field__label">{t('inventory.import.delimiter')}</label>
            <p id={`${ids.delimiter}-hint`} className="field__hint">{t('inventory.import.delimiterHint')}</p>
            <select id={ids.delimiter} className="input" value={delimiter} aria-describedby={`${ids.delimiter}-hint`}
              disabled={format === 'xlsx'} onChange={(e) => { reset(); setDelimiter(e.target.value) }}>
              <option value="">{t('inventory.import.delimiters.auto')}</option>
              <option value="semicolon">{t('inventory.import.delimiters.semicolon')}</option>
              <option value="comma">{t('inventory.import.delimiters.comma')}</option>
              <option value="tab">{t('inventory.import.delimiters.tab')}</option>
            </select>
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={importer.isPending}>
            {dryRunning ? t('inventory.import.checking') : t('inventory.import.check')}
          </button>
          <button type="button" className="button button--primary" disabled={!checked || importer.isPending}
            aria-describedby={checked ? undefined : `${ids.file}-run-hint`} onClick={() => void run(false)}>
            {importer.isPending && !dryRunning ? t('inventory.import.running') : t('inventory.import.run')}
          </button>
        </div>
        {!checked ? <p id={`${ids.file}-run-hint`} className="hint">{t('inventory.import.runHint')}</p> : null}
      </form>

      <div aria-live="polite" className="import-progress">
        {progress ? (
          <p role="status">
            {progress.phase === 'upload' && progress.percent !== undefined ? (
              <progress max={100} value={progress.percent} aria-label={t('inventory.import.progressLabel')} />
            ) : (
              <span className="spinner" aria-hidden="true" />
            )}{' '}
            {progressText}
          </p>
        ) : null}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result && result.errorCount === 0 && result.rows === 0 ? <Alert tone="warning">{t('inventory.import.noRows')}</Alert> : null}
      {result && result.errorCount === 0 && result.rows > 0 ? (
        <Alert tone="success">
          <p>
            {t(result.dryRun ? 'inventory.import.dryRunOk' : 'inventory.import.done', {
              rows: result.rows, created: result.created, updated: result.updated, unchanged: result.unchanged,
            })}
          </p>
          {result.imported ? <p><Link to="/inventory">{t('inventory.import.toList')}</Link></p> : null}
        </Alert>
      ) : null}

      {rowErrors.length > 0 ? (
        <section className="card" aria-labelledby={ids.errors}>
          <h2 id={ids.errors}>{t('inventory.import.errors')}</h2>
          <Alert tone="error">
            <p>{t('inventory.import.errorCount', { count: result?.errorCount ?? rowErrors.length })}</p>
            {result && result.errorCount > result.errors.length ? <p>{t('inventory.import.moreErrors')}</p> : null}
            <p>{t('inventory.import.whatToDo')}</p>
          </Alert>
          <Table caption={t('inventory.import.errorsCaption')} hiddenCaption={false}
            columns={[t('inventory.import.line'), t('inventory.import.column'), t('inventory.import.message')]}>
            {rowErrors.map((e, n) => (
              <tr key={n}>
                <td>{e.line ?? '–'}</td>
                <td>{columnLabel(e.column, t)}</td>
                <td>{importRowErrorText(t, i18n.language, e)}</td>
              </tr>
            ))}
          </Table>
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${ids.columns}-heading`} id={ids.columns}>
        <h2 id={`${ids.columns}-heading`}>{t('inventory.import.columnsTitle')}</h2>
        <p>{t('inventory.import.columnsIntro')}</p>
        <Table caption={t('inventory.import.columnsCaption')} hiddenCaption
          columns={[t('inventory.import.column'), t('inventory.import.headers'), t('inventory.import.meaning')]}>
          {IMPORT_COLUMNS.map((c) => (
            <tr key={c.column}>
              <td>
                <code>{c.column}</code>
                {c.required ? <span className="badge badge--muted">{t('inventory.import.required')}</span> : null}
              </td>
              <td>{c.headers}</td>
              <td>{t(`inventory.import.columns.${c.column}`)}</td>
            </tr>
          ))}
        </Table>
      </section>
    </>
  )
}

/** A column as the table names it: its German/English header and the canonical name ("file" for the whole file). */
function columnLabel(column: string, t: (key: string) => string) {
  if (column === 'file') return t('inventory.import.wholeFile')
  const known = IMPORT_COLUMNS.find((c) => c.column === column)
  return known ? <>{known.headers.split(',')[0]} <code>({column})</code></> : <code>{column}</code>
}
