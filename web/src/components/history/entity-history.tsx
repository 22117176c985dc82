import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Role, type AuditEntryDto } from '@/api'
import { listAuditEntries } from '@/api/requests'
import { networkOptionsQuery } from '@/components/pickers/networks'
import { flattenTree, spaceTreeQuery } from '@/components/pickers/spaces'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useCurrentUser } from '@/lib/auth'
import { formatDateTime } from '@/lib/format'
import { recordKindsOf, showChanges, type HistoryContext, type HistoryDescription } from './history-values'

const PAGE = 20

/** The audit trail of one entity, newest first, a page at a time (GET /api/v1/audit?entityId=…). */
function useEntityHistory(entityId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['audit', 'entity', entityId] as const,
    queryFn: ({ pageParam }) => listAuditEntries({ entityId, limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 0,
  })
}

/**
 * The "Verlauf" section of an entity's page: who changed what when (old → new), each field with the label the entity's
 * own page uses and its values in words (`entity`: the feature's {@link HistoryDescription}). The audit trail is for
 * administrators only, so the section shows for them alone.
 */
export function EntityHistory({ entityId, entity }: { entityId: string; entity: HistoryDescription }) {
  const { data: user } = useCurrentUser()
  const isAdmin = user?.role === Role.Admin
  if (!isAdmin || !entityId) return null
  return <HistorySection entityId={entityId} entity={entity} />
}

function HistorySection({ entityId, entity }: { entityId: string; entity: HistoryDescription }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const history = useEntityHistory(entityId, true)
  const describe = useProblemMessage()
  const entries = useMemo(() => history.data?.pages.flatMap((p) => p.items) ?? [], [history.data])
  const names = useRecordNames(entries, entity)
  const ctx: HistoryContext = { t, lng: i18n.language, names }
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {history.isPending ? <Loading label={t('history.loading')} /> : null}
      {history.isError ? <Alert>{describe(history.error)}</Alert> : null}
      {history.isSuccess && entries.length === 0 ? <EmptyState title={t('history.empty')} /> : null}
      {entries.length > 0 ? (
        <Table caption={t('history.caption')} columns={[t('history.when'), t('history.who'), t('history.action'), t('history.changes')]}>
          {entries.map((e) => {
            const changes = showChanges(e, entity, ctx)
            return (
              <tr key={e.id}>
                <td>{formatDateTime(e.occurredAt, i18n.language)}</td>
                <td>{who(e, t)}</td>
                <td>{t(`history.actions.${e.action}`, { defaultValue: e.action })}</td>
                <td>
                  {changes.length === 0 ? (
                    t('history.noFields')
                  ) : (
                    <ul className="plain-list">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="history__field">{c.label}</span>:{' '}
                          {c.detailOnly ? c.new : (
                            <>
                              {c.old ?? t('history.nothing')} <span aria-hidden="true">→</span>
                              <span className="visually-hidden"> {t('history.becomes')} </span> {c.new ?? t('history.nothing')}
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            )
          })}
        </Table>
      ) : null}
      {history.hasNextPage ? (
        <button type="button" className="button button--secondary" disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}>
          {t('history.more')}
        </button>
      ) : null}
    </section>
  )
}

/**
 * Names of the records whose ids the entries list (a service's networks, an actor's spaces), from the lists the app keeps
 * anyway (today's space tree, the networks); asked for only when an entry has such a field. Ids not found there are
 * counted ("und 1 weiterer Datensatz").
 */
function useRecordNames(entries: readonly AuditEntryDto[], entity: HistoryDescription): HistoryContext['names'] {
  const kinds = useMemo(() => recordKindsOf(entries, entity), [entries, entity])
  const spaces = useQuery({ ...spaceTreeQuery(), enabled: kinds.has('spaces') })
  const networks = useQuery({ ...networkOptionsQuery(), enabled: kinds.has('networks') })
  return useMemo(() => ({
    spaces: new Map(flattenTree(spaces.data ?? []).map((s) => [s.id, s.name])),
    networks: new Map((networks.data ?? []).map((n) => [n.id, n.name])),
  }), [spaces.data, networks.data])
}

function who(e: AuditEntryDto, t: (key: string) => string): string {
  if (e.principalName) return e.apiKeyId ? `${e.principalName} (${t('history.apiKey')})` : e.principalName
  if (e.principal === 'anonymous' || e.principal === 'system') return t('history.system')
  return e.principal.startsWith('key:') ? t('history.apiKey') : t('history.account')
}
