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
    account: {
      title: 'Konto',
      forcedTitle: 'Neues Passwort erforderlich',
      forced: 'Ihr Passwort wurde von der Administration vergeben. Bitte wählen Sie jetzt ein eigenes Passwort, bevor Sie weiterarbeiten.',
      passwordTitle: 'Passwort ändern',
      rules:
        'Mindestens 12 Zeichen, nicht Ihre E-Mail-Adresse (vor dem @) und kein häufig verwendetes Passwort. '
        + 'Ihre anderen Sitzungen werden danach beendet.',
      current: 'Aktuelles Passwort',
      new: 'Neues Passwort',
      repeat: 'Neues Passwort wiederholen',
      submit: 'Passwort ändern',
      tooShort: 'Das Passwort muss mindestens 12 Zeichen lang sein.',
      mismatch: 'Die beiden Eingaben stimmen nicht überein.',
      same: 'Das neue Passwort muss sich vom aktuellen unterscheiden.',
      changed: 'Passwort geändert. Ihre anderen Sitzungen wurden beendet.',
      sessionsTitle: 'Angemeldete Sitzungen',
      signedIn: 'Angemeldet seit',
      lastSeen: 'Zuletzt aktiv',
      device: 'Browser / Gerät',
      address: 'Adresse',
      actions: 'Aktionen',
      thisSession: 'Diese Sitzung',
      end: 'Beenden',
      endLabel: 'Sitzung vom {{when}} beenden',
      everywhere: 'Überall abmelden',
    },
  },
}
