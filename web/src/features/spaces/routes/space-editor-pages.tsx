import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { SpaceLevel, type CreateSpaceRequest, type ImportSpacesResult, type SpaceDto } from '@/api'
import { SpaceOptions } from '@/components/pickers/space-options'
import { useFlatSpaces, useSpace } from '@/components/pickers/spaces'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { numberForInput, parseNumber } from '@/lib/numbers'
import { usePageTitle } from '@/lib/use-page-title'
import { useCreateSpace, useEndSpace, useImportSpaces, useUpdateSpace } from '../api/space-edits'

type Geometry = { type: string; coordinates: unknown }

/** The geometry of a GeoJSON text: a geometry, a Feature or the first feature of a FeatureCollection (Polygon/MultiPolygon). */
function geometryFromGeoJson(text: string): Geometry | undefined {
  const json = JSON.parse(text) as { type?: string; geometry?: Geometry; features?: { geometry?: Geometry }[] }
  const g = json.type === 'FeatureCollection' ? json.features?.[0]?.geometry : json.type === 'Feature' ? json.geometry : json as Geometry
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : undefined
}

function SpaceForm({ initial, submitLabel, busy, error, onSubmit, cancelTo }: {
  initial?: SpaceDto
  submitLabel: string
  busy: boolean
  error: unknown
  onSubmit: (body: CreateSpaceRequest) => void
  cancelTo: string
}) {
  const { t, i18n } = useTranslation()
  const ids = { code: useId(), name: useId(), level: useId(), parent: useId(), population: useId(), from: useId(), shape: useId() }
  const { spaces } = useFlatSpaces()
  const [code, setCode] = useState(initial?.code ?? '')
  const [name, setName] = useState(initial?.name ?? '')
  const [level, setLevel] = useState<SpaceLevel>(initial?.level ?? SpaceLevel.Neighbourhood)
  const [parentId, setParentId] = useState(initial?.parentId ?? '')
  const [population, setPopulation] = useState(numberForInput(initial?.population, i18n.language))
  const [populationInvalid, setPopulationInvalid] = useState(false)
  const [validFrom, setValidFrom] = useState(initial?.validFrom?.slice(0, 10) ?? '')
  const [geometry, setGeometry] = useState<Geometry | undefined>(initial?.geometry as Geometry | undefined)
  const [shapeError, setShapeError] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    // a whole number as the UI language writes it (German 12.500)
    const people = parseNumber(population, i18n.language)
    const wrong = people !== undefined && (people === 'invalid' || !Number.isInteger(people) || people < 0)
    setPopulationInvalid(wrong)
    if (wrong) {
      document.getElementById(ids.population)?.focus()
      return
    }
    onSubmit({
      code: code.trim(), name: name.trim(), level, parentId: parentId || undefined,
      population: typeof people === 'number' ? people : undefined,
      validFrom: validFrom || undefined, validTo: initial?.validTo, geometry, predecessorIds: initial?.predecessorIds,
    })
  }
  return (
    <form className="card form" onSubmit={submit} noValidate>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="field"><label htmlFor={ids.code} className="field__label">{t('spaces.fields.code')}</label>
        <input id={ids.code} className="input" required value={code} onChange={(e) => setCode(e.target.value)} /></div>
      <div className="field"><label htmlFor={ids.name} className="field__label">{t('spaces.fields.name')}</label>
        <input id={ids.name} className="input" required value={name} onChange={(e) => setName(e.target.value)} /></div>
      <div className="field"><label htmlFor={ids.level} className="field__label">{t('spaces.fields.level')}</label>
        <select id={ids.level} className="input" value={level} onChange={(e) => setLevel(e.target.value as SpaceLevel)}>
          {Object.values(SpaceLevel).map((l) => <option key={l} value={l}>{t(`terms.spaceLevels.${l}`)}</option>)}
        </select></div>
      <div className="field"><label htmlFor={ids.parent} className="field__label">{t('spaces.fields.parent')}</label>
        <select id={ids.parent} className="input" value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">{t('spaces.detail.noParent')}</option>
          <SpaceOptions spaces={spaces.filter((s) => s.id !== initial?.id)} />
        </select></div>
      <div className={populationInvalid ? 'field field--invalid' : 'field'}>
        <label htmlFor={ids.population} className="field__label">{t('spaces.fields.population')}</label>
        <input id={ids.population} className="input" inputMode="numeric" value={population}
          aria-invalid={populationInvalid || undefined} aria-describedby={populationInvalid ? `${ids.population}-error` : undefined}
          onChange={(e) => setPopulation(e.target.value)} />
        {populationInvalid ? <p id={`${ids.population}-error`} className="field__error">{t('validation.wholeNumber')}</p> : null}
      </div>
      <div className="field"><label htmlFor={ids.from} className="field__label">{t('spaces.editor.validFrom')}</label>
        <input id={ids.from} type="date" className="input" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} /></div>
      <div className="field"><label htmlFor={ids.shape} className="field__label">{t('spaces.editor.shape')}</label>
        <input id={ids.shape} type="file" accept=".geojson,.json,application/geo+json,application/json" className="input"
          aria-describedby={`${ids.shape}-hint`}
          onChange={async (e) => {
            const file = e.target.files?.[0]
            if (!file) return
            try {
              const g = geometryFromGeoJson(await file.text())
              setGeometry(g); setShapeError(g ? '' : t('spaces.editor.shapeInvalid'))
            } catch { setShapeError(t('spaces.editor.shapeInvalid')) }
          }} />
        <p id={`${ids.shape}-hint`} className="field__hint">{geometry ? t('spaces.editor.shapeSet', { type: geometry.type })
          : t('spaces.editor.shapeHint')}</p>
        {shapeError ? <p className="field__error" role="alert">{shapeError}</p> : null}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>{submitLabel}</button>
        <Link to={cancelTo} className="button button--secondary">{t('common.cancel')}</Link>
      </div>
    </form>
  )
}

export function SpaceCreatePage() {
  const { t } = useTranslation()
  usePageTitle(t('spaces.editor.createTitle'))
  const navigate = useNavigate()
  const create = useCreateSpace()
  return (
    <>
      <p className="breadcrumb"><Link to="/spaces">{t('spaces.backToTree')}</Link></p>
      <h1>{t('spaces.editor.createTitle')}</h1>
      <SpaceForm submitLabel={t('spaces.editor.create')} busy={create.isPending} error={create.error} cancelTo="/spaces"
        onSubmit={(body) => create.mutate(body, { onSuccess: (s) => void navigate(`/spaces/${s.id}`) })} />
    </>
  )
}

export function SpaceEditPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const space = useSpace(id)
  usePageTitle(t('spaces.editor.editTitle', { name: space.data?.name ?? '' }))
  const navigate = useNavigate()
  const update = useUpdateSpace(id)
  if (space.isPending) return <Loading />
  if (space.isError) return <ProblemAlert error={space.error} onRetry={() => void space.refetch()} />
  return (
    <>
      <p className="breadcrumb"><Link to={`/spaces/${id}`}>{space.data.name}</Link></p>
      <h1>{t('spaces.editor.editTitle', { name: space.data.name })}</h1>
      <SpaceForm initial={space.data} submitLabel={t('spaces.editor.save')} busy={update.isPending} error={update.error}
        cancelTo={`/spaces/${id}`}
        onSubmit={(body) => update.mutate({ body, version: space.data.version }, { onSuccess: () => void navigate(`/spaces/${id}`) })} />
    </>
  )
}

/** Ends a space on a day (its successors can then begin the day after). */
export function EndSpaceForm({ space }: { space: SpaceDto }) {
  const { t } = useTranslation()
  const id = useId()
  const [validTo, setValidTo] = useState('')
  const end = useEndSpace(space.id)
  if (space.validTo) return null
  return (
    <form className="toolbar" onSubmit={(e) => { e.preventDefault(); if (validTo) end.mutate({ validTo, version: space.version }) }}>
      {end.error ? <ProblemAlert error={end.error} /> : null}
      <div className="field field--inline">
        <label htmlFor={id} className="field__label">{t('spaces.editor.endOn')}</label>
        <input id={id} type="date" className="input" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
      </div>
      <button type="submit" className="button button--secondary" disabled={!validTo || end.isPending}>{t('spaces.editor.end')}</button>
    </form>
  )
}

interface RawFeature { type: string; properties?: Record<string, unknown>; geometry?: unknown }

/**
 * Imports spaces from a GeoJSON FeatureCollection as a GIS exports it: the properties that hold the code and the name are
 * chosen from the file's own (e.g. "id" and "name"), the level, parent and start of validity apply to every feature.
 * A check (dry run) comes first; nothing is written until the import itself.
 */
export function SpaceImportPage() {
  const { t } = useTranslation()
  usePageTitle(t('spaces.import.title'))
  const ids = { file: useId(), code: useId(), name: useId(), level: useId(), parent: useId(), from: useId() }
  const { spaces } = useFlatSpaces()
  const [features, setFeatures] = useState<RawFeature[]>([])
  const [fileError, setFileError] = useState('')
  const [codeKey, setCodeKey] = useState('code')
  const [nameKey, setNameKey] = useState('name')
  const [level, setLevel] = useState<SpaceLevel>(SpaceLevel.Neighbourhood)
  const [parent, setParent] = useState('')
  const [validFrom, setValidFrom] = useState('')
  const [result, setResult] = useState<ImportSpacesResult>()
  const run = useImportSpaces()
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))]
  const parentCode = spaces.find((s) => s.id === parent)?.code
  const body = () => ({
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature', geometry: f.geometry,
      properties: { code: String(f.properties?.[codeKey] ?? ''), name: String(f.properties?.[nameKey] ?? ''), level,
        parentCode, validFrom: validFrom || undefined },
    })),
  })
  const go = (dryRun: boolean) => run.mutate({ body: body(), dryRun }, { onSuccess: setResult })
  return (
    <>
      <p className="breadcrumb"><Link to="/spaces">{t('spaces.backToTree')}</Link></p>
      <h1>{t('spaces.import.title')}</h1>
      <p className="lead">{t('spaces.import.lead')}</p>
      <form className="card form" onSubmit={(e) => { e.preventDefault(); go(true) }} noValidate>
        <div className="field"><label htmlFor={ids.file} className="field__label">{t('spaces.import.file')}</label>
          <input id={ids.file} type="file" className="input" accept=".geojson,.json,application/geo+json,application/json"
            onChange={async (e) => {
            setResult(undefined)
            const file = e.target.files?.[0]
            if (!file) return
            try {
              const json = JSON.parse(await file.text()) as { type?: string; features?: RawFeature[] }
              if (json.type !== 'FeatureCollection' || !Array.isArray(json.features)) throw new Error('no collection')
              setFeatures(json.features); setFileError('')
              const first = Object.keys(json.features[0]?.properties ?? {})
              if (!first.includes('code') && first.includes('id')) setCodeKey('id')
            } catch { setFeatures([]); setFileError(t('spaces.import.notCollection')) }
          }} />
          {fileError ? <p className="field__error" role="alert">{fileError}</p>
            : features.length > 0 ? <p className="field__hint">{t('spaces.import.read', { count: features.length })}</p> : null}
        </div>
        <div className="filters__row">
          <div className="field"><label htmlFor={ids.code} className="field__label">{t('spaces.import.codeFrom')}</label>
            <select id={ids.code} className="input" value={codeKey} onChange={(e) => setCodeKey(e.target.value)}>
              {[...new Set([codeKey, ...keys])].map((k) => <option key={k} value={k}>{k}</option>)}
            </select></div>
          <div className="field"><label htmlFor={ids.name} className="field__label">{t('spaces.import.nameFrom')}</label>
            <select id={ids.name} className="input" value={nameKey} onChange={(e) => setNameKey(e.target.value)}>
              {[...new Set([nameKey, ...keys])].map((k) => <option key={k} value={k}>{k}</option>)}
            </select></div>
          <div className="field"><label htmlFor={ids.level} className="field__label">{t('spaces.fields.level')}</label>
            <select id={ids.level} className="input" value={level} onChange={(e) => setLevel(e.target.value as SpaceLevel)}>
              {Object.values(SpaceLevel).map((l) => <option key={l} value={l}>{t(`terms.spaceLevels.${l}`)}</option>)}
            </select></div>
          <div className="field"><label htmlFor={ids.parent} className="field__label">{t('spaces.fields.parent')}</label>
            <select id={ids.parent} className="input" value={parent} onChange={(e) => setParent(e.target.value)}>
              <option value="">{t('spaces.detail.noParent')}</option>
              <SpaceOptions spaces={spaces} />
            </select></div>
          <div className="field"><label htmlFor={ids.from} className="field__label">{t('spaces.editor.validFrom')}</label>
            <input id={ids.from} type="date" className="input" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} /></div>
        </div>
        {run.error ? <ProblemAlert error={run.error} /> : null}
        {result ? (
          <Alert tone={result.dryRun ? 'info' : 'success'}>
            {t(result.dryRun ? 'spaces.import.checked' : 'spaces.import.done', { created: result.created, updated: result.updated })}
          </Alert>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={features.length === 0 || run.isPending}>
            {t('spaces.import.check')}</button>
          <button type="button" className="button" disabled={!result?.dryRun || run.isPending} onClick={() => go(false)}>
            {t('spaces.import.run')}</button>
        </div>
      </form>
    </>
  )
}
