import type { MeetingAttendanceDto, MeetingDto, NetworkDto, NetworkLinkDto, NetworkSpaceDto } from '@/api'
import { historyOf, type HistoryFormat } from '@/components/history/history-values'

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** Links as the network's page says them: "berichtet an Lenkrunde Teltow (Notiz)". */
const links = (direction: 'out' | 'in') => (value: unknown, f: HistoryFormat) =>
  f.join(list<NetworkLinkDto>(value).map((l) =>
    `${f.t(`networks.linkPhrases.${direction}.${l.type}`)} ${l.networkName}${l.note ? ` (${l.note})` : ''}`), '; ')

/** A network's "Verlauf": its fields with the labels of its page and form. */
export const networkHistory = historyOf<NetworkDto>('network', {
  name: { label: 'networks.fields.name' },
  kind: { label: 'networks.fields.kind', value: { enum: 'terms.networkKinds' } },
  status: { label: 'networks.fields.status', value: { enum: 'networks.statuses' } },
  mandate: { label: 'networks.fields.mandate' },
  mandatedBy: { label: 'networks.fields.mandatedBy' },
  mandatedOn: { label: 'networks.fields.mandatedOn', value: 'date' },
  legitimationNote: { label: 'networks.fields.legitimationNote' },
  functions: { label: 'networks.fields.functions', value: { enums: 'networks.functions' } },
  goals: { label: 'networks.fields.goals', value: 'texts' },
  startedOn: { label: 'networks.fields.startedOn', value: 'date' },
  endedOn: { label: 'networks.fields.endedOn', value: 'date' },
  cadenceInterval: { label: 'networks.history.cadenceInterval', value: 'number' },
  cadenceUnit: { label: 'networks.history.cadenceUnit', value: { enum: 'networks.cadenceUnits' } },
  coordinatorActorId: { label: 'networks.fields.coordinator', value: { nameIn: 'coordinatorActorName' } },
  coordinatorActorName: { label: 'networks.fields.coordinator' },
  spaces: { label: 'networks.fields.spaces', value: { format: (v, f) => f.join(list<NetworkSpaceDto>(v).map((s) => s.name)) } },
  links: { label: 'networks.detail.links', value: { format: links('out') } },
  incomingLinks: { label: 'networks.history.incomingLinks', value: { format: links('in') } },
  // today's members: computed, it changes with the memberships, which have their own entries
  memberCount: 'hidden',
})

/** A meeting's "Verlauf": its fields with the labels of its page and form. */
export const meetingHistory = historyOf<MeetingDto>('meeting', {
  networkId: { label: 'meetings.history.network', value: { nameIn: 'networkName' } },
  networkName: { label: 'meetings.history.network' },
  title: { label: 'meetings.fields.title' },
  startsAt: { label: 'meetings.fields.startsAt', value: 'instant' },
  endsAt: { label: 'meetings.fields.endsAt', value: 'instant' },
  location: { label: 'meetings.fields.location' },
  agenda: { label: 'meetings.fields.agenda' },
  minutes: { label: 'meetings.fields.minutes' },
  decisions: { label: 'meetings.fields.decisions', value: 'texts' },
  attendance: {
    label: 'meetings.fields.attendance',
    value: { format: (v, f) => f.join(list<MeetingAttendanceDto>(v).map((a) =>
      `${a.actorName}: ${f.t(`meetings.attendance.${a.attendance ?? 'unknown'}`)}`), '; ') },
  },
  cancelled: { label: 'meetings.history.cancelled', value: 'boolean' },
})
