import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RelationDirection, type ActorRelationItem } from '@/api'
import { EmptyState, Loading } from '@/components/ui/feedback'
import { LoadMore } from '@/components/ui/list-page'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { Table } from '@/components/ui/table'
import { useDateRangeText } from '@/lib/period'
import { useActorRelations } from '../api/actors'

/** All relations of one actor, both directions, with the direction spelled out. */
export function ActorRelations({ actorId, actorName }: { actorId: string; actorName: string }) {
  const { t } = useTranslation()
  const relations = useActorRelations(actorId)
  const dateRange = useDateRangeText()

  if (relations.isPending) return <Loading label={t('actors.relations.loading')} />
  if (relations.isError) return <ProblemAlert error={relations.error} onRetry={() => void relations.refetch()} />
  const items = relations.data.pages.flatMap((p) => p.items)
  if (items.length === 0) return <EmptyState title={t('actors.relations.empty')} />

  const validity = (r: ActorRelationItem) => dateRange(r.validFrom, r.validTo, t('common.unlimited'))

  return (
    <>
      <Table
        caption={t('actors.relations.caption', { name: actorName })}
        columns={[
          t('actors.relations.direction'),
          t('actors.relations.type'),
          t('actors.relations.partner'),
          t('actors.relations.contractual'),
          t('actors.relations.validity'),
          t('actors.relations.note'),
        ]}
      >
        {items.map((r) => {
          const outgoing = r.direction === RelationDirection.Outgoing
          const words = { self: actorName, other: r.otherActorName }
          return (
            <tr key={`${r.id}-${r.direction}`}>
              <td>
                <strong>{outgoing ? t('actors.relations.outgoing') : t('actors.relations.incoming')}</strong>
                <br />
                <span className="small">
                  {outgoing ? t('actors.relations.outgoingSentence', words) : t('actors.relations.incomingSentence', words)}
                </span>
              </td>
              <td>{t(`terms.relationTypes.${r.type}`, { defaultValue: String(r.type) })}</td>
              <td>
                <Link to={`/actors/${r.otherActorId}`}>{r.otherActorName}</Link>
              </td>
              <td>{r.isContractual ? t('common.yes') : t('common.no')}</td>
              <td>{validity(r)}</td>
              <td className="pre-line">{r.note ?? ''}</td>
            </tr>
          )
        })}
      </Table>
      <LoadMore query={relations} />
    </>
  )
}
