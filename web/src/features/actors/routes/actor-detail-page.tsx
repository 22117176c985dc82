import { useMemo, useState, type ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { EntityHistory } from '@/components/history/entity-history'
import { useFlatSpaces } from '@/components/pickers/spaces'
import { ConfirmAlert } from '@/components/ui/confirm'
import { Alert } from '@/components/ui/feedback'
import { InlineList } from '@/components/ui/inline-list'
import { QueryFallback } from '@/components/ui/query-fallback'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useCanWrite } from '@/lib/auth'
import { formatDateTime } from '@/lib/format'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { usePageTitle } from '@/lib/use-page-title'
import { useActor, useActorTypes, useArchiveActor, useRestoreActor } from '../api/actors'
import { useActorTypeName } from '../components/actor-labels'
import { ActorRelations } from '../components/actor-relations'
import { RelationForm } from '../components/relation-form'
import { actorHistory } from '../history'

/** What another area shows on an actor's page (the inventory's services it runs and funds, put in by the route). */
export type ActorSectionSlot = ComponentType<{ actorId: string; headingId: string }>

export function ActorDetailPage({ inventory: Inventory, networks: Networks, agreements: Agreements }: {
  inventory?: ActorSectionSlot
  networks?: ActorSectionSlot
  agreements?: ActorSectionSlot
} = {}) {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const notice = useNavigationNotice()
  const actor = useActor(id)
  usePageTitle(actor.data?.name ?? t('actors.detail.title'))
  const types = useActorTypes()
  const typeName = useActorTypeName()
  const { spaces } = useFlatSpaces()
  const spaceNames = useMemo(() => new Map(spaces.map((s) => [s.id, s.name])), [spaces])
  const archive = useArchiveActor(id)
  const restore = useRestoreActor(id)
  const describe = useProblemMessage()
  const [confirmArchive, setConfirmArchive] = useState(false)
  const [addingRelation, setAddingRelation] = useState(false)
  const lng = i18n.language
  const canWrite = useCanWrite()

  if (!actor.data) {
    return (
      <QueryFallback
        query={actor}
        title={t('actors.detail.title')}
        loadingLabel={t('actors.detail.loading')}
        back={{ to: '/actors', label: t('actors.backToList') }}
      />
    )
  }
  const a = actor.data
  const website = a.website && /^https?:\/\//i.test(a.website) ? a.website : a.website ? `https://${a.website}` : undefined
  const address = [a.street, [a.postalCode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')

  return (
    <>
      <p className="breadcrumb">
        <Link to="/actors">{t('actors.backToList')}</Link>
      </p>
      <div className="page-header">
        <h1>
          {a.name}
          {a.shortName ? <span className="muted h1-suffix"> ({a.shortName})</span> : null}
        </h1>
        {canWrite && !a.archivedAt ? (
          <div className="page-header__actions">
            <Link to={`/actors/${a.id}/edit`} className="button button--primary">
              {t('common.edit')}
            </Link>
            {!confirmArchive ? (
              <button type="button" className="button button--secondary" onClick={() => setConfirmArchive(true)}>
                {t('actors.archive')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {a.archivedAt ? (
        <Alert tone="info">
          <p>{t('actors.detail.archivedOn', { date: formatDateTime(a.archivedAt, lng) })}</p>
          {restore.isError ? <p>{describe(restore.error)}</p> : null}
          {canWrite ? (
            <button type="button" className="button button--secondary" disabled={restore.isPending}
              onClick={() => restore.mutate(a.version)}>
              {t('actors.restore')}
            </button>
          ) : null}
        </Alert>
      ) : null}
      {confirmArchive ? (
        <ConfirmAlert
          title={t('actors.archiveConfirmTitle')}
          text={t('actors.archiveConfirmText', { name: a.name })}
          error={archive.isError ? <p>{describe(archive.error)}</p> : null}
          confirmLabel={t('actors.archiveConfirm')}
          pending={archive.isPending}
          onConfirm={() => archive.mutate(a.version, { onSuccess: () => setConfirmArchive(false) })}
          onCancel={() => setConfirmArchive(false)}
        />
      ) : null}

      <section className="card" aria-labelledby="actor-facts">
        <h2 id="actor-facts">{t('actors.detail.facts')}</h2>
        <dl className="facts">
          <dt>{t('actors.fields.kind')}</dt>
          <dd>{t(`terms.actorKinds.${a.kind}`)}</dd>
          <dt>{t('actors.fields.type')}</dt>
          <dd>{typeName(types.data?.find((x) => x.code === a.type), a.typeName || a.type)}</dd>
          <dt>{t('actors.fields.sector')}</dt>
          <dd>{t(`terms.sectors.${a.sector}`)}</dd>
          <dt>{t('actors.fields.parent')}</dt>
          <dd>{a.parentId ? <Link to={`/actors/${a.parentId}`}>{a.parentName ?? a.parentId}</Link> : t('common.none')}</dd>
          <dt>{t('actors.fields.email')}</dt>
          <dd>{a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : t('common.notSpecified')}</dd>
          <dt>{t('actors.fields.phone')}</dt>
          <dd>{a.phone ? <a href={`tel:${a.phone.replace(/[^\d+]/g, '')}`}>{a.phone}</a> : t('common.notSpecified')}</dd>
          <dt>{t('actors.fields.website')}</dt>
          <dd>
            {website ? (
              <a href={website} rel="noopener noreferrer" target="_blank">
                {a.website}
                <span className="visually-hidden"> ({t('common.opensInNewTab')})</span>
              </a>
            ) : (
              t('common.notSpecified')
            )}
          </dd>
          <dt>{t('actors.detail.address')}</dt>
          <dd>{address || t('common.notSpecified')}</dd>
          <dt>{t('actors.fields.spaces')}</dt>
          <dd>
            <InlineList items={a.spaceIds} empty={t('common.none')} itemKey={(sid) => sid}>
              {(sid) => <Link to={`/spaces/${sid}`}>{spaceNames.get(sid) ?? t('common.loadingShort')}</Link>}
            </InlineList>
          </dd>
          <dt>{t('actors.fields.tags')}</dt>
          <dd>
            <InlineList items={a.tags} empty={t('common.none')} tags itemKey={(tag) => tag}>
              {(tag) => tag}
            </InlineList>
          </dd>
          <dt>{t('actors.fields.notes')}</dt>
          <dd className="pre-line">{a.notes || t('common.none')}</dd>
          <dt>{t('actors.detail.updated')}</dt>
          <dd>{formatDateTime(a.updatedAt, lng)}</dd>
        </dl>
      </section>

      {Networks ? <section className="card" aria-labelledby="actor-networks"><Networks actorId={a.id}
        headingId="actor-networks" /></section>
        : null}
      {Agreements ? (
        <section className="card" aria-labelledby="actor-agreements"><Agreements actorId={a.id} headingId="actor-agreements" /></section>
      ) : null}
      <section className="card" aria-labelledby="actor-relations">
        <div className="section-header">
          <h2 id="actor-relations">{t('actors.relations.title')}</h2>
          {canWrite && !addingRelation && !a.archivedAt ? (
            <button type="button" className="button button--secondary" onClick={() => setAddingRelation(true)}>
              {t('actors.relations.add')}
            </button>
          ) : null}
        </div>
        {addingRelation ? <RelationForm actorId={a.id} onDone={() => setAddingRelation(false)} /> : null}
        <ActorRelations actorId={a.id} actorName={a.name} />
      </section>
      {Inventory ? (
        <section className="card" aria-labelledby="actor-inventory">
          <Inventory actorId={a.id} headingId="actor-inventory" />
        </section>
      ) : null}
      <EntityHistory entityId={id} entity={actorHistory} />
    </>
  )
}
