import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { AttentionReason, type CadenceUnit, type NetworkHealthDto } from '@/api'
import { formatDate, formatPercent } from '@/lib/format'

/** "alle 3 Monate", "jede Woche" … */
export function cadenceText(t: TFunction, interval: number | null | undefined, unit: CadenceUnit | null | undefined): string {
  if (!interval || !unit) return t('networks.cadence.none')
  return t(`networks.cadence.${unit}`, { count: interval })
}

/** Each attention reason of a network as a sentence with its figures. */
export function attentionReasonTexts(t: TFunction, lng: string, h: NetworkHealthDto): string[] {
  return h.reasons.map((reason) => {
    switch (reason) {
      case AttentionReason.MandateMissing:
        return t('networks.attention.reasons.mandateMissing')
      case AttentionReason.MeetingOverdue:
        return h.lastMeetingAt
          ? t('networks.attention.reasons.meetingOverdue', {
              last: formatDate(h.lastMeetingAt, lng),
              due: formatDate(h.meetingDueBy, lng),
            })
          : t('networks.attention.reasons.meetingOverdueNever', { due: formatDate(h.meetingDueBy, lng) })
      case AttentionReason.OverdueAgreements:
        return t('networks.attention.reasons.overdueAgreements', { count: h.overdueAgreements })
      case AttentionReason.LowAttendance:
        return t('networks.attention.reasons.lowAttendance', {
          rate: formatPercent(h.attendanceRate, lng),
          count: h.meetingsConsidered,
        })
      default:
        return String(reason)
    }
  })
}

export function useAttentionReasonTexts() {
  const { t, i18n } = useTranslation()
  return (h: NetworkHealthDto) => attentionReasonTexts(t, i18n.language, h)
}
