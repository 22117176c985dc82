import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { Role, type ApiKeyDto, type CreatedApiKeyDto } from '@/api'
import { ConfirmAlert } from '@/components/ui/confirm'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useCurrentUser } from '@/lib/auth'
import { formatDateTime, formatNumber } from '@/lib/format'
import { numberForInput, parseNumber } from '@/lib/numbers'
import { usePageTitle } from '@/lib/use-page-title'
import { useApiKeys, useCreateApiKey, useRevokeApiKey, useSetApiKeyRateLimit } from '../api/api-keys'

const ROLES = [Role.Viewer, Role.Analyst, Role.Editor, Role.Coordinator, Role.Admin]
const MAX_LIMIT = 100_000

/**
 * A request limit as typed: empty is the default (undefined), else a whole number from 1 to 100.000 as the UI language
 * writes it (lib/numbers: German 10.000, English 10,000), else null (invalid).
 */
function parseLimit(text: string, lng: string): number | undefined | null {
  const value = parseNumber(text, lng)
  if (value === undefined) return undefined
  return value !== 'invalid' && Number.isInteger(value) && value >= 1 && value <= MAX_LIMIT ? value : null
}

/**
 * API keys of partner systems (administrators): create a key with a role and an optional request limit per minute (the
 * key is shown once), change a key's limit, revoke a key. Links to the API documentation and the integration guide.
 */
export function ApiKeysPage() {
  const { t } = useTranslation()
  usePageTitle(t('apiKeys.title'))
  const me = useCurrentUser()
  const keys = useApiKeys()
  const [created, setCreated] = useState<CreatedApiKeyDto | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  // the key is shown once: keyboard and screen-reader users land on it instead of on the page's body
  const createdHeading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { if (created) createdHeading.current?.focus() }, [created])
  if (me.data && me.data.role !== Role.Admin) return <Navigate to="/" replace />
  return (
    <>
      <h1>{t('apiKeys.title')}</h1>
      <p className="lead">
        {t('apiKeys.intro')} <a href="/api/docs/">{t('apiKeys.docs')}</a> · <a href="/api/docs/guide/README.md">{t('apiKeys.guide')}</a>
      </p>
      <CreateApiKeyForm onCreated={(key) => { setSaved(null); setCreated(key) }} />
      {created ? (
        <Alert tone="success">
          <h2 ref={createdHeading} tabIndex={-1} className="alert__title">{t('apiKeys.createdTitle', { name: created.name })}</h2>
          <p>{t('apiKeys.createdText')}</p>
          <p><code className="api-key">{created.key}</code></p>
        </Alert>
      ) : null}
      {saved ? <Alert tone="success">{t('apiKeys.saved', { name: saved })}</Alert> : null}
      {keys.isPending ? <Loading /> : keys.isError ? <ProblemAlert error={keys.error} onRetry={() => void keys.refetch()} /> : (
        keys.data.length === 0 ? <p>{t('apiKeys.none')}</p> : (
          <div className="table-wrap card">
            <table className="table">
              <caption className="visually-hidden">{t('apiKeys.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.name')}</th>
                  <th scope="col">{t('apiKeys.role')}</th>
                  <th scope="col">{t('apiKeys.prefix')}</th>
                  <th scope="col">{t('apiKeys.createdBy')}</th>
                  <th scope="col">{t('apiKeys.lastUsed')}</th>
                  <th scope="col">{t('apiKeys.limit')}</th>
                  <th scope="col">{t('apiKeys.status')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((k) => <ApiKeyRow key={k.id} apiKey={k} onSaved={(name) => { setCreated(null); setSaved(name) }} />)}
              </tbody>
            </table>
          </div>
        )
      )}
    </>
  )
}

function CreateApiKeyForm({ onCreated }: { onCreated: (key: CreatedApiKeyDto) => void }) {
  const { t, i18n } = useTranslation()
  const ids = { name: useId(), role: useId(), limit: useId() }
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>(Role.Viewer)
  const [limit, setLimit] = useState('')
  const [errors, setErrors] = useState<{ name?: boolean; limit?: boolean }>({})
  const create = useCreateApiKey()
  return (
    <form className="form card" noValidate onSubmit={(e) => {
      e.preventDefault()
      const rateLimitPerMinute = parseLimit(limit, i18n.language)
      const next = { name: name.trim() === '', limit: rateLimitPerMinute === null }
      setErrors(next)
      if (next.name || next.limit) return
      create.mutate({ name: name.trim(), role, rateLimitPerMinute: rateLimitPerMinute ?? undefined }, {
        onSuccess: (key) => { setName(''); setLimit(''); onCreated(key) },
      })
    }}>
      <h2>{t('apiKeys.create')}</h2>
      <div className={errors.name ? 'field field--invalid' : 'field'}>
        <label htmlFor={ids.name} className="field__label">{t('apiKeys.name')}</label>
        <input id={ids.name} className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name || undefined} aria-describedby={errors.name ? `${ids.name}-error` : undefined} />
        {errors.name ? <p id={`${ids.name}-error`} className="field__error">{t('apiKeys.nameRequired')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor={ids.role} className="field__label">{t('apiKeys.role')}</label>
        <select id={ids.role} className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </div>
      <LimitField id={ids.limit} label={t('apiKeys.limitLabel')} value={limit} invalid={!!errors.limit} onChange={setLimit} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>{t('apiKeys.createSubmit')}</button>
      </div>
      {create.error ? <ProblemAlert error={create.error} /> : null}
    </form>
  )
}

function LimitField({ id, label, value, invalid, onChange }: {
  id: string; label: string; value: string; invalid: boolean; onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">{label}</label>
      <p id={`${id}-hint`} className="field__hint">{t('apiKeys.limitHint')}</p>
      <input id={id} className="input" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined} aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`} />
      {invalid ? <p id={`${id}-error`} className="field__error">{t('apiKeys.limitInvalid')}</p> : null}
    </div>
  )
}

function ApiKeyRow({ apiKey, onSaved }: { apiKey: ApiKeyDto; onSaved: (name: string) => void }) {
  const { t, i18n } = useTranslation()
  const limitId = useId()
  const [editing, setEditing] = useState(false)
  const [limit, setLimit] = useState(numberForInput(apiKey.rateLimitPerMinute, i18n.language))
  const [invalid, setInvalid] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const setRateLimit = useSetApiKeyRateLimit()
  const revoke = useRevokeApiKey()
  const name = apiKey.name
  const revoked = !!apiKey.revokedAt
  return (
    <tr>
      <td>{name}</td>
      <td>{t(`roles.${apiKey.role}`)}</td>
      <td><code>{apiKey.keyPrefix}…</code></td>
      <td>
        {!apiKey.createdByName ? t('apiKeys.unknownCreator')
          : apiKey.createdBy.startsWith('key:') ? t('apiKeys.byKey', { name: apiKey.createdByName }) : apiKey.createdByName}
      </td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt, i18n.language) : t('apiKeys.never')}</td>
      <td>
        {apiKey.rateLimitPerMinute
          ? t('apiKeys.perMinute', { formatted: formatNumber(apiKey.rateLimitPerMinute, i18n.language) })
          : t('apiKeys.defaultLimit')}
        {!revoked ? (
          <div className="form__actions">
            <button type="button" className="button button--secondary" aria-expanded={editing}
              aria-label={t('apiKeys.changeLimitOf', { name })} onClick={() => setEditing((v) => !v)}>
              {t('apiKeys.changeLimit')}
            </button>
          </div>
        ) : null}
        {editing ? (
          <form className="form" noValidate onSubmit={(e) => {
            e.preventDefault()
            const value = parseLimit(limit, i18n.language)
            setInvalid(value === null)
            if (value === null) return
            setRateLimit.mutate({ id: apiKey.id, rateLimitPerMinute: value }, { onSuccess: () => { setEditing(false); onSaved(name) } })
          }}>
            <LimitField id={limitId} label={t('apiKeys.limitOf', { name })} value={limit} invalid={invalid} onChange={setLimit} />
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={setRateLimit.isPending}>{t('apiKeys.saveLimit')}</button>
              <button type="button" className="button button--secondary" onClick={() => setEditing(false)}>{t('apiKeys.cancel')}</button>
            </div>
            {setRateLimit.error ? <ProblemAlert error={setRateLimit.error} /> : null}
          </form>
        ) : null}
      </td>
      <td>
        {revoked ? t('apiKeys.revokedOn', { date: formatDateTime(apiKey.revokedAt, i18n.language) }) : t('apiKeys.active')}
        {!revoked && !confirming ? (
          <div className="form__actions">
            <button type="button" className="button button--secondary" aria-label={t('apiKeys.revokeOf', { name })}
              onClick={() => setConfirming(true)}>
              {t('apiKeys.revoke')}
            </button>
          </div>
        ) : null}
        {confirming ? (
          <ConfirmAlert title={t('apiKeys.revokeOf', { name })} text={t('apiKeys.revokeText')} confirmLabel={t('apiKeys.revoke')}
            pending={revoke.isPending} error={revoke.error ? <ProblemAlert error={revoke.error} /> : undefined}
            onConfirm={() => revoke.mutate({ id: apiKey.id }, { onSuccess: () => { setConfirming(false); onSaved(name) } })}
            onCancel={() => setConfirming(false)} />
        ) : null}
      </td>
    </tr>
  )
}
