import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { SpaceDto } from '@/api'
import { EntityHistory } from '@/components/history/entity-history'
import { SpaceShape } from '@/components/maps/space-shape'
import { useSpace } from '@/components/pickers/spaces'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { QueryFallback } from '@/components/ui/query-fallback'
import { formatDate, formatNumber } from '@/lib/format'
import { useDateRangeText } from '@/lib/period'
import { useCanWrite } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'
import { useSpaceChildren, useSpacesById } from '../api/spaces'
import { EndSpaceForm } from './space-editor-pages'
import { spaceHistory } from '../history'

/** What another area shows on a space's page (the inventory's facilities and services and its coverage, put in by the route). */
export type SpaceSectionSlot = ComponentType<{ spaceId: string; headingId: string }>

export function SpaceDetailPage({ inventory: Inventory, coverage: Coverage, actors: Actors, networks: Networks, figures: Figures }: {
  inventory?: SpaceSectionSlot
  coverage?: SpaceSectionSlot
  actors?: SpaceSectionSlot
  networks?: SpaceSectionSlot
  figures?: SpaceSectionSlot
} = {}) {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const space = useSpace(id)
  const dateRange = useDateRangeText()
  usePageTitle(space.data?.name ?? t('spaces.detail.title'))
  const predecessors = useSpacesById(space.data?.predecessorIds ?? [])
  const successors = useSpacesById(space.data?.successorIds ?? [])
  const children = useSpaceChildren(id, (space.data?.childCount ?? 1) > 0)
  const lng = i18n.language
  const canWrite = useCanWrite({ spaceId: id })

  if (!space.data) {
    return (
      <QueryFallback
        query={space}
        title={t('spaces.detail.title')}
        loadingLabel={t('spaces.detail.loading')}
        back={{ to: '/spaces', label: t('spaces.backToTree') }}
      />
    )
  }
  const s = space.data
  const validity = dateRange(s.validFrom, s.validTo)

  return (
    <>
      <p className="breadcrumb">
        <Link to="/spaces">{t('spaces.backToTree')}</Link>
      </p>
      <h1>{s.name}</h1>
      {canWrite ? (
        <div className="page-actions">
          <Link to={`/spaces/${s.id}/edit`} className="button button--secondary">{t('spaces.editor.edit')}</Link>
          <EndSpaceForm space={s} />
        </div>
      ) : null}
      <p>
        <Link to={`/spaces/${s.id}/indicators`}>{t('spaces.detail.indicatorsLink')}</Link>
      </p>
      {s.validTo ? (
        <p className="notice">{t('spaces.detail.ended', { date: formatDate(s.validTo, lng) })}</p>
      ) : null}
      <section className="card" aria-labelledby="space-facts">
        <h2 id="space-facts">{t('spaces.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('spaces.fields.code')}</dt>
          <dd>{s.code}</dd>
          <dt>{t('spaces.fields.level')}</dt>
          <dd>{t(`terms.spaceLevels.${s.level}`)}</dd>
          <dt>{t('spaces.fields.parent')}</dt>
          <dd>
            {s.parentId ? <Link to={`/spaces/${s.parentId}`}>{s.parentName ?? s.parentId}</Link> : t('spaces.detail.noParent')}
          </dd>
          <dt>{t('spaces.fields.population')}</dt>
          <dd>{s.population !== undefined && s.population !== null ? formatNumber(s.population, lng) : t('common.notSpecified')}</dd>
          <dt>{t('spaces.fields.validity')}</dt>
          <dd>{validity}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="space-shape">
        <h2 id="space-shape">{t('spaces.detail.shape')}</h2>
        <SpaceShape space={s} parts={children.data ?? []} label={t('spaces.detail.shapeLabel', { name: s.name })} />
      </section>
      {Figures ? <section className="card" aria-labelledby="space-figures"><Figures spaceId={s.id}
        headingId="space-figures" /></section> : null}

      <SpaceLinks
        id="space-predecessors"
        title={t('spaces.detail.predecessors')}
        empty={t('spaces.detail.noPredecessors')}
        ids={s.predecessorIds}
        loaded={predecessors}
      />
      <SpaceLinks
        id="space-successors"
        title={t('spaces.detail.successors')}
        empty={t('spaces.detail.noSuccessors')}
        ids={s.successorIds ?? []}
        loaded={successors}
      />

      <section className="card" aria-labelledby="space-children">
        <h2 id="space-children">{t('spaces.detail.children')}</h2>
        {s.childCount === 0 ? (
          <EmptyState title={t('spaces.detail.noChildren')} />
        ) : children.isPending ? (
          <Loading />
        ) : children.isError ? (
          <ProblemAlert error={children.error} onRetry={() => void children.refetch()} />
        ) : children.data.length === 0 ? (
          <EmptyState title={t('spaces.detail.noChildren')} />
        ) : (
          <ul className="link-list">
            {children.data.map((c) => (
              <li key={c.id}>
                <Link to={`/spaces/${c.id}`}>
                  {c.name} ({c.code})
                </Link>{' '}
                <span className="muted">– {t(`terms.spaceLevels.${c.level}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {Actors ? <section className="card" aria-labelledby="space-actors"><Actors spaceId={s.id}
        headingId="space-actors" /></section> : null}
      {Networks ? <section className="card" aria-labelledby="space-networks"><Networks spaceId={s.id}
        headingId="space-networks" /></section>
        : null}
      {Inventory ? (
        <section className="card" aria-labelledby="space-inventory">
          <Inventory spaceId={s.id} headingId="space-inventory" />
        </section>
      ) : null}
      {Coverage ? (
        <section className="card" aria-labelledby="space-coverage">
          <Coverage spaceId={s.id} headingId="space-coverage" />
        </section>
      ) : null}
      <EntityHistory entityId={id} entity={spaceHistory} />
    </>
  )
}

/** Predecessors or successors: links to the other spaces, with their end date if they ended. */
function SpaceLinks({
  id,
  title,
  empty,
  ids,
  loaded,
}: {
  id: string
  title: string
  empty: string
  ids: readonly string[]
  loaded: { spaces: SpaceDto[]; isPending: boolean }
}) {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {ids.length === 0 ? (
        <p>{empty}</p>
      ) : loaded.isPending ? (
        <Loading />
      ) : (
        <ul className="link-list">
          {loaded.spaces.map((p) => (
            <li key={p.id}>
              <Link to={`/spaces/${p.id}`}>
                {p.name} ({p.code})
              </Link>
              {p.validTo ? ` – ${t('spaces.detail.endedOn', { date: formatDate(p.validTo, i18n.language) })}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
