import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isProblemStatus, MembershipState, type NetworkMemberDto } from '@/api'
import { useNetworkMembers } from '@/components/pickers/networks'
import { ConfirmAlert } from '@/components/ui/confirm'
import { Alert, EmptyState, Loading } from '@/components/ui/feedback'
import { AddButton, ChangeNotice } from '@/components/ui/inline-editing'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { RowAction, Table } from '@/components/ui/table'
import { useInlineEditing } from '@/components/ui/use-inline-editing'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { today } from '@/lib/format'
import { useDateRangeText } from '@/lib/period'
import { useEndNetworkMember, useRemoveNetworkMember } from '../api/networks'
import { MemberForm } from './member-form'
import '../networks.css'

/** Members of a network: current, future and past in separate tables; add, edit, end, remove. */
export function NetworkMembers({ networkId, networkName, canWrite }: { networkId: string; networkName: string; canWrite: boolean }) {
  const { t } = useTranslation()
  const members = useNetworkMembers(networkId)
  const { editing, notice, add, edit, close, clearNotice } = useInlineEditing<NetworkMemberDto>()
  const [ending, setEnding] = useState<NetworkMemberDto | null>(null)
  const [removing, setRemoving] = useState<NetworkMemberDto | null>(null)

  const done = (message: string) => {
    close(message)
    setEnding(null)
    setRemoving(null)
  }

  const all = members.data ?? []
  const groups = [
    { state: MembershipState.Current, items: all.filter((m) => m.state === MembershipState.Current) },
    { state: MembershipState.Future, items: all.filter((m) => m.state === MembershipState.Future) },
    { state: MembershipState.Past, items: all.filter((m) => m.state === MembershipState.Past) },
  ]

  return (
    <>
      <div className="section-header">
        <h2 id="network-members">{t('networks.members.title')}</h2>
        {canWrite && !editing ? <AddButton label={t('networks.members.add')} onClick={add} /> : null}
      </div>
      <ChangeNotice notice={notice} />
      {editing ? (
        <MemberForm
          key={editing.mode === 'edit' ? editing.item.id : 'new'}
          networkId={networkId}
          member={editing.mode === 'edit' ? editing.item : undefined}
          onDone={done}
        />
      ) : null}
      {ending ? <EndMember networkId={networkId} member={ending} onDone={done} /> : null}
      {removing ? <RemoveMember networkId={networkId} member={removing} onDone={done} /> : null}
      {members.isPending ? (
        <Loading label={t('networks.members.loading')} />
      ) : members.isError ? (
        <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState title={t('networks.members.empty')}>{canWrite ? <p>{t('networks.members.emptyHint')}</p> : null}</EmptyState>
      ) : (
        groups
          .filter((g) => g.items.length > 0 || g.state === MembershipState.Current)
          .map((g) => (
            <MemberTable
              key={g.state}
              state={g.state}
              items={g.items}
              networkName={networkName}
              canWrite={canWrite}
              onEdit={edit}
              onEnd={(member) => {
                clearNotice()
                setEnding(member)
              }}
              onRemove={(member) => {
                clearNotice()
                setRemoving(member)
              }}
            />
          ))
      )}
    </>
  )
}

function MemberTable({
  state,
  items,
  networkName,
  canWrite,
  onEdit,
  onEnd,
  onRemove,
}: {
  state: MembershipState
  items: NetworkMemberDto[]
  networkName: string
  canWrite: boolean
  onEdit: (m: NetworkMemberDto) => void
  onEnd: (m: NetworkMemberDto) => void
  onRemove: (m: NetworkMemberDto) => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const dateRange = useDateRangeText()
  const period = (m: NetworkMemberDto) => dateRange(m.validFrom, m.validTo)
  return (
    <section aria-labelledby={headingId} className="member-group">
      <h3 id={headingId} className="subheading">
        {t(`networks.members.groups.${state}`)} <span className="muted">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="muted">{t('networks.members.noneCurrent')}</p>
      ) : (
        <Table
          caption={t('networks.members.caption', { state: t(`networks.members.groups.${state}`), name: networkName })}
          columns={[
            t('networks.members.actor'),
            t('networks.members.role'),
            t('networks.members.sector'),
            t('networks.members.period'),
            ...(canWrite ? [t('common.actions')] : []),
          ]}
        >
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/actors/${m.actorId}`}>{m.actorName}</Link>
                {m.actorKind === 'person' ? <span className="muted small"> · {t('terms.actorKinds.person')}</span> : null}
                {m.note ? <p className="small muted table-excerpt">{m.note}</p> : null}
              </td>
              <td>
                {t(`networks.roles.${m.role}`)}
                {m.delegatedFromNetworkId ? (
                  <p className="small table-excerpt">
                    {t('networks.members.delegatedFromShort')}{' '}
                    <Link to={`/networks/${m.delegatedFromNetworkId}`}>{m.delegatedFromNetworkName ?? m.delegatedFromNetworkId}</Link>
                  </p>
                ) : null}
              </td>
              <td>{t(`terms.sectors.${m.sector}`)}</td>
              <td>{period(m)}</td>
              {canWrite ? (
                <td>
                  <div className="row-actions">
                    <RowAction label={t('common.edit')} subject={m.actorName} onClick={() => onEdit(m)} />
                    {state !== MembershipState.Past ? <RowAction label={t('networks.members.end')} subject={m.actorName} onClick={() => onEnd(m)} /> : null}
                    <RowAction label={t('networks.members.remove')} subject={m.actorName} onClick={() => onRemove(m)} />
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
    </section>
  )
}

/** Ends a membership on a day (If-Match with the loaded version). */
function EndMember({ networkId, member, onDone }: { networkId: string; member: NetworkMemberDto; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const end = useEndNetworkMember(networkId)
  const [validTo, setValidTo] = useState(today())
  const id = useId()
  return (
    <Alert tone="warning" title={t('networks.members.endTitle', { name: member.actorName })}>
      <p>{t('networks.members.endText')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          end.mutate(
            { memberId: member.id, validTo, version: member.version },
            { onSuccess: () => onDone(t('networks.members.ended', { name: member.actorName })) },
          )
        }}
      >
        <div className="field">
          <label htmlFor={id} className="field__label">
            {t('networks.members.validTo')}
          </label>
          <input id={id} type="date" className="input" required value={validTo} onChange={(e) => setValidTo(e.target.value)} />
        </div>
        <button type="submit" className="button button--primary" disabled={end.isPending || !validTo}>
          {t('networks.members.endConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone('')}>
          {t('common.cancel')}
        </button>
      </form>
      {end.isError ? <p className="field__error">{describe(end.error)}</p> : null}
    </Alert>
  )
}

/** Deletes a membership entered by mistake; 409 when attendance is recorded (end it instead). */
function RemoveMember({ networkId, member, onDone }: { networkId: string; member: NetworkMemberDto; onDone: (message: string) => void }) {
  const { t } = useTranslation()
  const describe = useProblemMessage()
  const remove = useRemoveNetworkMember(networkId)
  return (
    <ConfirmAlert
      title={t('networks.members.removeTitle', { name: member.actorName })}
      text={t('networks.members.removeText')}
      error={
        remove.isError ? (
          <p className="field__error">{isProblemStatus(remove.error, 409) ? t('networks.members.removeConflict') : describe(remove.error)}</p>
        ) : null
      }
      confirmLabel={t('networks.members.removeConfirm')}
      pending={remove.isPending}
      onConfirm={() =>
        remove.mutate({ memberId: member.id, version: member.version }, { onSuccess: () => onDone(t('networks.members.removed', { name: member.actorName })) })
      }
      onCancel={() => onDone('')}
    />
  )
}
