/** German texts of the sign-in (lib/i18n merges every feature's locales into the app's texts). */
export const de = {
  auth: {
    login: {
      title: 'Anmelden',
      intro: 'Melden Sie sich mit Ihrer dienstlichen E-Mail-Adresse an.',
      formLabel: 'Anmeldung',
      email: 'E-Mail-Adresse',
      password: 'Passwort',
      submit: 'Anmelden',
      submitting: 'Anmeldung läuft …',
      wrongCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
      tooManyAttempts: 'Zu viele Versuche, bitte in einer Minute erneut versuchen',
    },
  },
}
