import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { RoundCountsDto } from '@/api'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useDateRangeText } from '@/lib/period'
import { usePageTitle } from '@/lib/use-page-title'
import { useRound, useRoundChanges, useRoundProgress } from '../api/inventory'
import { InventoryNav } from '../components/inventory-nav'

const COUNTS = ['verified', 'changed', 'closed', 'new', 'pending'] as const

/** One inventory round: progress overall and per responsible actor, its services, and what changed since the previous round. */
export function RoundPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const round = useRound(id)
  const progress = useRoundProgress(id)
  const changes = useRoundChanges(id)
  const dateRange = useDateRangeText()
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
      <h1>
        {r.name} <span className="badge badge--muted">{t(`inventory.rounds.status.${r.status}`)}</span>
      </h1>
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
            <div className="table-wrap">
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
            {!changes.data.previousRoundId ? <p className="muted">{t('inventory.rounds.noPrevious')}</p> : null}
            <p>{t('inventory.rounds.changesSummary', { added: changes.data.added, changed: changes.data.changed,
              closed: changes.data.closed, removed: changes.data.removed })}</p>
          </>
        )}
      </section>
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
