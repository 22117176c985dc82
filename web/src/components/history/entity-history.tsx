import { useInfiniteQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Role, type AuditEntryDto } from '@/api'
import { listAuditEntries } from '@/api/requests'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { Table } from '@/components/ui/table'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useCurrentUser } from '@/lib/auth'
import { formatDateTime } from '@/lib/format'

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
 * The "Verlauf" section of an entity's page: who changed what when (old → new). The audit trail is for administrators
 * only, so the section shows for them alone.
 */
export function EntityHistory({ entityId }: { entityId: string }) {
  const { data: user } = useCurrentUser()
  const isAdmin = user?.role === Role.Admin
  if (!isAdmin || !entityId) return null
  return <HistorySection entityId={entityId} />
}

function HistorySection({ entityId }: { entityId: string }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const history = useEntityHistory(entityId, true)
  const describe = useProblemMessage()
  const entries = history.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {history.isPending ? <Loading label={t('history.loading')} /> : null}
      {history.isError ? <Alert>{describe(history.error)}</Alert> : null}
      {history.isSuccess && entries.length === 0 ? <EmptyState title={t('history.empty')} /> : null}
      {entries.length > 0 ? (
        <Table caption={t('history.caption')} columns={[t('history.when'), t('history.who'), t('history.action'), t('history.changes')]}>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.occurredAt, i18n.language)}</td>
              <td>{who(e, t)}</td>
              <td>{t(`history.actions.${e.action}`, { defaultValue: e.action })}</td>
              <td>
                {e.changes.length === 0 ? (
                  t('history.noFields')
                ) : (
                  <ul className="plain-list">
                    {e.changes.map((c) => (
                      <li key={c.field}>
                        <span className="history__field">{t(`history.fields.${c.field}`, { defaultValue: c.field })}</span>:{' '}
                        {readableValue(c.old) ?? t('history.nothing')}{' '}
                        <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> {t('history.becomes')} </span> {readableValue(c.new) ?? t('history.nothing')}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
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

function who(e: AuditEntryDto, t: (key: string) => string): string {
  if (e.principalName) return e.apiKeyId ? `${e.principalName} (${t('history.apiKey')})` : e.principalName
  return e.principal === 'anonymous' || e.principal === 'system' ? t('history.system') : e.principal
}

/**
 * A recorded value as a planner reads it: lists and records (opening hours, closures, tags) arrive as JSON text and are
 * shown by their plain values ("24.12.2026, 26.12.2026, Weihnachten; …"), an empty list as nothing; other values as they are.
 */
export function readableValue(value: string | null | undefined): string | undefined {
  if (value == null || value === '') return undefined
  const text = value.trim()
  if (!text.startsWith('[') && !text.startsWith('{')) return value
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return value
  }
  const plain = (v: unknown): string | undefined => {
    if (v == null || v === '') return undefined
    if (Array.isArray(v)) return v.map(plain).filter((x) => x !== undefined).join(', ') || undefined
    if (typeof v === 'object') return Object.values(v).map(plain).filter((x) => x !== undefined).join(', ') || undefined
    return String(v)
  }
  if (Array.isArray(parsed)) {
    const items = parsed.map(plain).filter((x) => x !== undefined)
    return items.length ? items.join('; ') : undefined
  }
  return plain(parsed)
}
