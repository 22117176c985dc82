import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { toProblem, type InventoryRoundDto, type RoundCountsDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { ConfirmAlert } from '@/components/ui/confirm'
import { Alert, Loading } from '@/components/ui/feedback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useCanWrite } from '@/lib/auth'
import { formatDate } from '@/lib/format'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useDateRangeText } from '@/lib/period'
import { usePageTitle } from '@/lib/use-page-title'
import { useCloseRound, useRound, useRoundChanges, useRoundProgress } from '../api/inventory'
import { InventoryNav } from '../components/inventory-nav'
import { roundHistory } from '../history'

const COUNTS = ['verified', 'changed', 'closed', 'new', 'pending'] as const

/** One inventory round: progress overall and per responsible actor, its services, and what changed since the previous round. */
export function RoundPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const round = useRound(id)
  const progress = useRoundProgress(id)
  const changes = useRoundChanges(id)
  const dateRange = useDateRangeText()
  const notice = useNavigationNotice()
  const canWrite = useCanWrite()
  const closing = useCloseRoundAction(round.data, () => round.refetch())
  usePageTitle(round.data?.name ?? t('inventory.rounds.title'))
  if (!round.data) {
    return <QueryFallback query={round} title={t('inventory.rounds.title')} back={{ to: '/inventory/rounds',
      label: t('inventory.rounds.notFoundHint') }} />
  }
  const r = round.data
  const p = progress.data
  return (
    <>
      <p className="breadcrumb">
        <Link to="/inventory/rounds">{t('inventory.rounds.title')}</Link>
      </p>
      <InventoryNav />
      <div className="page-header">
        <h1>
          {r.name} <span className="badge badge--muted">{t(`inventory.rounds.status.${r.status}`)}</span>
        </h1>
        {canWrite && r.status === 'open' ? closing.button : null}
      </div>
      {canWrite && r.status === 'open' ? closing.panel : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {r.closedAt ? <p className="muted">{t('inventory.rounds.closedOn', { date: formatDate(r.closedAt.slice(0, 10), i18n.language) })}</p>
        : null}
      <p className="lead">
        {t('inventory.rounds.region')}: <Link to={`/spaces/${r.spaceId}`}>{r.spaceName}</Link> · {dateRange(r.startsOn, r.endsOn)}
      </p>
      {r.note ? <p>{r.note}</p> : null}

      <section className="card" aria-labelledby="round-progress">
        <h2 id="round-progress">{t('inventory.rounds.progress')}</h2>
        {progress.isError ? <ProblemAlert error={progress.error} onRetry={() => void progress.refetch()} /> : !p ? <Loading /> : (
          <>
            <p className="round-progress round-progress--large">
              <progress max={100} value={p.counts.percentDone} aria-label={t('inventory.rounds.progressLabel', { name: r.name })} />{' '}
              <strong>{t('inventory.rounds.percentDone', { percent: Math.round(p.counts.percentDone) })}</strong>
            </p>
            <Counts counts={p.counts} />
            {p.unassigned > 0 ? <p className="muted">{t('inventory.rounds.unassigned', { count: p.unassigned })}</p> : null}
            <h3>{t('inventory.rounds.byActor')}</h3>
            <div className="table-wrap" tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">{t('inventory.rounds.byActor')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('inventory.rounds.actor')}</th>
                    <th scope="col" className="num">{t('inventory.rounds.counts.total')}</th>
                    {COUNTS.map((c) => (
                      <th key={c} scope="col" className="num">{t(`inventory.rounds.counts.${c}`)}</th>
                    ))}
                    <th scope="col">{t('inventory.rounds.progress')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.actors.map((a) => (
                    <tr key={a.actorId}>
                      <td>
                        <Link to={`/actors/${a.actorId}`}>{a.actorName}</Link>
                      </td>
                      <td className="num">{a.counts.total}</td>
                      {COUNTS.map((c) => (
                        <td key={c} className="num">{a.counts[c]}</td>
                      ))}
                      <td>
                        <progress max={100} value={a.counts.percentDone} aria-label={t('inventory.rounds.progressLabel',
                          { name: a.actorName })} />{' '}
                        {t('inventory.rounds.percentDone', { percent: Math.round(a.counts.percentDone) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h3>{t('inventory.rounds.services')}</h3>
            <ul className="round-services">
              {p.services.map((s) => (
                <li key={s.serviceId}>
                  <Link to={`/inventory/services/${s.serviceId}`}>{s.name}</Link>{' '}
                  <span className={`badge ${s.progress === 'pending' ? 'badge--warning' : 'badge--muted'}`}>
                    {t(`inventory.rounds.counts.${s.progress}`)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="round-changes">
        <h2 id="round-changes">{t('inventory.rounds.changes')}</h2>
        {changes.isError ? <ProblemAlert error={changes.error} onRetry={() => void changes.refetch()} /> : !changes.data ? <Loading /> : (
          <>
            {changes.data.previousRoundId ? (
              <p className="muted">
                {t('inventory.rounds.comparedWith', { name: changes.data.previousRoundName ?? '' })}{' '}
                <Link to={`/inventory/rounds/${changes.data.previousRoundId}`}>{t('inventory.rounds.openPrevious')}</Link>
              </p>
            ) : (
              <p className="muted">{t('inventory.rounds.noPrevious')}</p>
            )}
            <p>{t('inventory.rounds.changesSummary', { added: changes.data.added, changed: changes.data.changed,
              closed: changes.data.closed, removed: changes.data.removed })}</p>
            {changes.data.items.length > 0 ? (
              <Table caption={t('inventory.rounds.changesCaption')}
                columns={[t('inventory.fields.service'), t('inventory.rounds.change'), t('inventory.rounds.changedFields')]}>
                {changes.data.items.map((c) => (
                  <tr key={c.serviceId}>
                    <td>
                      {c.change === 'removed' ? c.name : <Link to={`/inventory/services/${c.serviceId}`}>{c.name}</Link>}
                    </td>
                    <td>{t(`inventory.rounds.changeKinds.${c.change}`)}</td>
                    <td>{c.fields.map((f) => t(`inventory.rounds.changeFields.${f}`, { defaultValue: f })).join(', ')}</td>
                  </tr>
                ))}
              </Table>
            ) : (
              <p className="muted">{t('inventory.rounds.noChanges')}</p>
            )}
          </>
        )}
      </section>
      <EntityHistory entityId={id} entity={roundHistory} />
    </>
  )
}

function Counts({ counts }: { counts: RoundCountsDto }) {
  const { t } = useTranslation()
  return (
    <dl className="round-counts">
      <div>
        <dt>{t('inventory.rounds.counts.total')}</dt>
        <dd>{counts.total}</dd>
      </div>
      {COUNTS.map((c) => (
        <div key={c}>
          <dt>{t(`inventory.rounds.counts.${c}`)}</dt>
          <dd>{counts[c]}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Closes the round after asking (If-Match); a stale version offers a reload. The button goes into the header, the question below. */
function useCloseRoundAction(r: InventoryRoundDto | undefined, onReload: () => Promise<unknown>) {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const close = useCloseRound(r?.id ?? '')
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null)
  if (!r) return { button: null, panel: null }
  return {
    button: (
      <button type="button" className="button button--secondary" onClick={() => { setError(null); setAsking(true) }}>
        {t('inventory.rounds.close')}
      </button>
    ),
    panel: asking ? (
        <ConfirmAlert title={t('inventory.rounds.closeTitle', { name: r.name })} text={t('inventory.rounds.closeText')}
          confirmLabel={t('inventory.rounds.close')} pending={close.isPending} onCancel={() => setAsking(false)}
          error={error ? (
            <div>
              <p>{error.text}</p>
              {error.stale ? (
                <button type="button" className="button button--secondary" onClick={async () => { setError(null); await onReload() }}>
                  {t('form.reload')}
                </button>
              ) : null}
            </div>
          ) : undefined}
          onConfirm={async () => {
            setError(null)
            try {
              await close.mutateAsync(r.version)
              setAsking(false)
            } catch (err) {
              setError({ text: describe(err), stale: toProblem(err).status === 412 })
            }
          }} />
    ) : null,
  }
}
