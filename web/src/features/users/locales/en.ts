import type { Translations } from '@/lib/i18n'
import type { de } from './de'

/** English texts of the account administration: the same keys as German (checked by the type and by a test). */
export const en: Translations<typeof de> = {
  users: {
    title: 'User accounts',
    intro: 'Change roles, deactivate accounts and set one-time passwords. Each of these changes ends the account\'s sessions at once.',
    name: 'Name',
    email: 'E-mail address',
    role: 'Role',
    roleOf: 'Role of {{name}}',
    status: 'Status',
    active: 'active',
    inactive: 'deactivated',
    mustChange: 'must change password',
    actions: 'Actions',
    saveRole: 'Save role',
    saveRoleOf: 'Save the role of {{name}}',
    deactivate: 'Deactivate',
    deactivateOf: 'Deactivate {{name}}',
    reactivate: 'Reactivate',
    reactivateOf: 'Reactivate {{name}}',
    oneTime: 'One-time password …',
    oneTimeOf: 'Set a one-time password for {{name}}',
    oneTimeLabel: 'One-time password for {{name}}',
    oneTimeHint: 'At least 12 characters. The person must change it at the next sign-in.',
    oneTimeSubmit: 'Set one-time password',
    cancel: 'Cancel',
    saved: 'Saved: {{name}}.',
    tooShort: 'The password must have at least 12 characters.',
  },
}
