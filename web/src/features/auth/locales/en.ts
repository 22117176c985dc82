import type { Translations } from '@/lib/i18n'
import type { de } from './de'

/** English texts of the sign-in: the same keys as German (checked by the type and by a test). */
export const en: Translations<typeof de> = {
  auth: {
    login: {
      title: 'Log in',
      intro: 'Log in with your work email address.',
      formLabel: 'Login',
      email: 'Email address',
      password: 'Password',
      submit: 'Log in',
      submitting: 'Logging in …',
      wrongCredentials: 'Email address or password is wrong.',
      tooManyAttempts: 'Too many attempts, please try again in a minute',
      withProvider: 'Sign in with {{name}}',
      localOff: 'Sign-in with a password is switched off here; please sign in through the identity provider.',
      providerFailed: 'Signing in through the identity provider failed: {{reason}}',
    },
    account: {
      title: 'Account',
      forcedTitle: 'New password required',
      forced: 'Your password was set by an administrator. Please choose your own password now before you continue.',
      passwordTitle: 'Change password',
      rules:
        'At least 12 characters, not your e-mail address (before the @) and not a common password. Your other sessions end afterwards.',
      current: 'Current password',
      new: 'New password',
      repeat: 'Repeat new password',
      submit: 'Change password',
      tooShort: 'The password must have at least 12 characters.',
      mismatch: 'The two entries do not match.',
      same: 'The new password must differ from the current one.',
      changed: 'Password changed. Your other sessions have been ended.',
      sessionsTitle: 'Signed-in sessions',
      signedIn: 'Signed in',
      lastSeen: 'Last active',
      device: 'Browser / device',
      address: 'Address',
      actions: 'Actions',
      thisSession: 'This session',
      end: 'End',
      endLabel: 'End the session of {{when}}',
      everywhere: 'Log out everywhere',
    },
  },
}
