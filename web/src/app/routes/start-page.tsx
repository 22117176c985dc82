import { useTranslation } from 'react-i18next'
import type { DashboardPreferences } from '@/api'
import { ActorSearch } from '@/components/pickers/actor-search'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useIndicatorSets } from '@/features/indicators/api/indicators'
import { RecentImports } from '@/features/indicators/components/recent-imports'
import { SetDashboard } from '@/features/indicators/components/set-dashboard'
import { FundingEndingSoon, VerificationOverdue } from '@/features/inventory/components/inventory-sections'
import { AttentionList } from '@/features/networks/components/attention-list'
import { MyAgreementsDueSoon } from '@/features/tasks/components/my-agreements'
import { useActor } from '@/components/pickers/actors'
import { useCurrentUser } from '@/lib/auth'
import { useMyPreferences, useSaveDashboardPreferences } from '@/lib/preferences'
import { usePageTitle } from '@/lib/use-page-title'

/**
 * The start page is the planner's morning dashboard: the chosen indicator sets (remembered per user on the server), each
 * with a ranking of the spaces and a map; beside them the networks needing attention, my agreements due soon, funding
 * ending soon, services overdue for verification and the latest imports.
 */
export function StartPage() {
  const { t } = useTranslation()
  usePageTitle(t('start.title'))
  const { data: user } = useCurrentUser()
  const preferences = useMyPreferences()
  const save = useSaveDashboardPreferences()
  const sets = useIndicatorSets()
  const dashboard: DashboardPreferences = preferences.data?.dashboard ?? { indicatorSetIds: [] }
  const change = (c: Partial<DashboardPreferences>) => save.mutate(c)
  const known = new Set((sets.data ?? []).map((s) => s.id))
  const chosen = dashboard.indicatorSetIds.filter((id) => known.has(id))
  const shown = chosen.length > 0 ? chosen : sets.data?.slice(0, 1).map((s) => s.id) ?? []

  return (
    <>
      <h1>{user ? t('start.greeting', { name: user.displayName }) : t('start.title')}</h1>
      <p className="lead">{t('start.intro')}</p>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      <div className="dashboard">
        <div className="dashboard__main">
          {sets.isPending || preferences.isPending ? <Loading /> : sets.isError ? (
            <ProblemAlert error={sets.error} onRetry={() => void sets.refetch()} />
          ) : sets.data.length === 0 ? <p className="muted">{t('start.dashboard.none')}</p> : (
            <>
              <fieldset className="fieldset dashboard__sets">
                <legend>{t('start.dashboard.choose')}</legend>
                <p className="field__hint">{t('start.dashboard.chooseHint')}</p>
                {sets.data.map((s) => (
                  <label key={s.id} className="checkbox">
                    <input type="checkbox" checked={shown.includes(s.id)} disabled={save.isPending}
                      onChange={(e) => change({
                        indicatorSetIds: e.target.checked ? [...shown, s.id] : shown.filter((id) => id !== s.id),
                      })} />
                    {' '}{s.name}
                  </label>
                ))}
              </fieldset>
              {shown.map((id) => <SetDashboard key={id} setId={id} preferences={dashboard} onChange={change} />)}
            </>
          )}
        </div>
        <aside className="dashboard__side" aria-label={t('start.title')}>
          <AttentionList headingId="attention" />
          <section className="card" aria-labelledby="my-agreements">
            <h2 id="my-agreements">{t('start.myAgreements.title')}</h2>
            <MyActor actorId={dashboard.myActorId} onChange={(id) => change({ myActorId: id })} />
            {dashboard.myActorId ? <MyAgreementsDueSoon actorId={dashboard.myActorId} />
              : <p className="muted">{t('start.myAgreements.chooseActor')}</p>}
          </section>
          <FundingEndingSoon headingId="funding-ending" />
          <VerificationOverdue headingId="verification-overdue" />
          <RecentImports headingId="recent-imports" />
        </aside>
      </div>
    </>
  )
}

function MyActor({ actorId, onChange }: { actorId?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation()
  const actor = useActor(actorId)
  return (
    <ActorSearch key={actor.data?.name ?? ''} label={t('start.myAgreements.actor')} hint={t('start.myAgreements.actorHint')} value={actorId}
      valueName={actor.data?.name} onChange={(a) => onChange(a?.id)} />
  )
}
