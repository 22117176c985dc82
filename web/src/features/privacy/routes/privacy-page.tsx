import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Role, type ErasureResult, type TextMention } from '@/api'
import { Alert, Loading } from '@/components/ui/feedback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useCurrentUser } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'
import { exportOf, useAccounts, useErase, usePersonSearch, type Subject } from '../api/privacy'

const DATA = ['actors', 'memberships', 'minutes', 'inventoryContacts', 'accounts', 'sessions', 'signIns', 'audit'] as const

/**
 * Datenschutz: which personal data Raumnetz holds, for what, on which legal basis (the operator fills it in) and how long;
 * for administrators also the tools for access (Art. 15, a JSON document) and erasure (Art. 17, anonymisation with a
 * confirmation step).
 */
export function PrivacyPage() {
  const { t } = useTranslation()
  usePageTitle(t('privacy.title'))
  const { data: user } = useCurrentUser()
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.intro')}</p>
      <section className="card" aria-labelledby="privacy-data">
        <h2 id="privacy-data">{t('privacy.data.title')}</h2>
        <Table caption={t('privacy.data.title')}
          columns={[t('privacy.data.what'), t('privacy.data.purpose'), t('privacy.data.basis'), t('privacy.data.retention')]}>
          {DATA.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`privacy.data.rows.${key}.what`)}</th>
              <td>{t(`privacy.data.rows.${key}.purpose`)}</td>
              <td>{t('privacy.data.basisToFill')}</td>
              <td>{t(`privacy.data.rows.${key}.retention`)}</td>
            </tr>
          ))}
        </Table>
        <p>{t('privacy.data.operator')}</p>
      </section>
      <section className="card" aria-labelledby="privacy-rights">
        <h2 id="privacy-rights">{t('privacy.rights.title')}</h2>
        <p>{t('privacy.rights.access')}</p>
        <p>{t('privacy.rights.erasure')}</p>
        <p>{t('privacy.rights.retention')}</p>
      </section>
      {user?.role === Role.Admin ? <PrivacyTools /> : null}
    </>
  )
}

function PrivacyTools() {
  const { t } = useTranslation()
  const searchId = useId()
  const accountId = useId()
  const [q, setQ] = useState('')
  const persons = usePersonSearch(q)
  const accounts = useAccounts(true)
  const [subject, setSubject] = useState<Subject | null>(null)
  const [downloadError, setDownloadError] = useState<unknown>(null)
  const describe = useProblemMessage()

  async function download(s: Subject) {
    setDownloadError(null)
    try {
      const document = await exportOf(s)
      const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' })
      const url = URL.createObjectURL(blob)
      const a = window.document.createElement('a')
      a.href = url
      a.download = `auskunft-${s.kind}-${s.id}.json`
      a.click()
      URL.revokeObjectURL(url)
    } catch (err) {
      setDownloadError(err)
    }
  }

  const row = (s: Subject) => (
    <li key={s.id} className="privacy__subject">
      <span>{s.name}</span>{' '}
      <button type="button" className="button button--secondary" onClick={() => void download(s)}>
        {t('privacy.tools.exportOf', { name: s.name })}
      </button>{' '}
      <button type="button" className="button button--danger" onClick={() => setSubject(s)}>
        {t('privacy.tools.eraseOf', { name: s.name })}
      </button>
    </li>
  )

  return (
    <section className="card" aria-labelledby="privacy-tools">
      <h2 id="privacy-tools">{t('privacy.tools.title')}</h2>
      <p>{t('privacy.tools.intro')}</p>
      {downloadError ? <Alert>{describe(downloadError)}</Alert> : null}
      {subject ? <EraseConfirmation subject={subject} onDone={() => setSubject(null)} /> : null}
      <h3>{t('privacy.tools.persons')}</h3>
      <div className="field">
        <label htmlFor={searchId}>{t('privacy.tools.search')}</label>
        <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {persons.isFetching ? <Loading /> : null}
      {persons.data ? (
        persons.data.items.length === 0 ? <p>{t('privacy.tools.noPersons')}</p> : (
          <ul className="plain-list">
            {persons.data.items.map((a) => row({ kind: 'actor', id: a.id, name: a.name, version: a.version }))}
          </ul>
        )
      ) : null}
      <h3 id={accountId}>{t('privacy.tools.accounts')}</h3>
      {accounts.data ? (
        <ul className="plain-list" aria-labelledby={accountId}>
          {accounts.data.map((u) => row({ kind: 'user', id: u.id, name: u.displayName, version: u.version }))}
        </ul>
      ) : null}
    </section>
  )
}

/** The confirmation step: the name typed again, then the erasure; afterwards what it did and what to review by hand. */
function EraseConfirmation({ subject, onDone }: { subject: Subject; onDone: () => void }) {
  const { t } = useTranslation()
  const inputId = useId()
  const [typed, setTyped] = useState('')
  const erase = useErase()
  const describe = useProblemMessage()
  if (erase.data) return <ErasureDone result={erase.data} onDone={onDone} />
  return (
    <Alert tone="warning" title={t('privacy.erase.title', { name: subject.name })}>
      <p>{t(subject.kind === 'actor' ? 'privacy.erase.textActor' : 'privacy.erase.textUser')}</p>
      {erase.isError ? <p>{describe(erase.error)}</p> : null}
      <div className="field">
        <label htmlFor={inputId}>{t('privacy.erase.typeName', { name: subject.name })}</label>
        <input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--danger" disabled={typed.trim() !== subject.name.trim() || erase.isPending}
          onClick={() => erase.mutate(subject)}>
          {t('privacy.erase.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </Alert>
  )
}

function ErasureDone({ result, onDone }: { result: ErasureResult; onDone: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert tone="success" title={t('privacy.erase.done', { name: result.name })}>
      <p>{t('privacy.erase.scrubbed', { count: result.auditEntriesScrubbed })}</p>
      {result.forReview.length > 0 ? (
        <>
          <p>{t('privacy.erase.review')}</p>
          <ul>
            {result.forReview.map((m) => (
              <li key={`${m.entityType}-${m.entityId}-${m.field}`}><MentionLink mention={m} /></li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('privacy.erase.noReview')}</p>
      )}
      <button type="button" className="button button--secondary" onClick={onDone}>{t('privacy.erase.close')}</button>
    </Alert>
  )
}

const PAGES: Record<string, (id: string) => string> = {
  meeting: (id) => `/meetings/${id}`,
  actor: (id) => `/actors/${id}`,
  network: (id) => `/networks/${id}`,
  service: (id) => `/inventory/services/${id}`,
  location: (id) => `/inventory/locations/${id}`,
  inventoryRound: (id) => `/inventory/rounds/${id}`,
}

function MentionLink({ mention }: { mention: TextMention }) {
  const { t } = useTranslation()
  const label = t('privacy.erase.mention', {
    type: t(`privacy.types.${mention.entityType}`, { defaultValue: mention.entityType }), field: mention.field,
  })
  const page = PAGES[mention.entityType]
  return page ? <Link to={page(mention.entityId)}>{label}</Link> : <span>{label} ({mention.entityId})</span>
}
