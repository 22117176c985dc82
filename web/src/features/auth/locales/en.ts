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
    },
  },
}
