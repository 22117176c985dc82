/** German texts of the data-protection page (lib/i18n merges every feature's locales into the app's texts). */
export const de = {
  privacy: {
    title: 'Datenschutz',
    intro:
      'Welche personenbezogenen Daten Raumnetz speichert, wozu, auf welcher Rechtsgrundlage und wie lange – und wie Auskunft und ' +
        'Löschung nach der DSGVO erfolgen.',
    data: {
      title: 'Gespeicherte personenbezogene Daten',
      what: 'Daten',
      purpose: 'Zweck',
      basis: 'Rechtsgrundlage',
      retention: 'Speicherdauer',
      basisToFill: 'vom Betreiber festzulegen (z. B. Art. 6 Abs. 1 lit. e DSGVO i. V. m. Landesrecht)',
      operator:
        'Der Betreiber (die Kommune oder der Kreis) trägt die Rechtsgrundlagen in sein Verzeichnis von Verarbeitungstätigkeiten ein und ' +
          'informiert die betroffenen Personen.',
      rows: {
        actors: {
          what: 'Personen als Akteure: Name, Kurzname, E-Mail, Telefon, Website, Anschrift, Notizen, Sozialräume, Schlagworte',
          purpose: 'Ansprechpersonen der Netzwerkarbeit finden und erreichen',
          retention: 'bis zur Anonymisierung (Löschung nach Art. 17)',
        },
        memberships: {
          what: 'Mitgliedschaften in Netzwerken, Teilnahme an Sitzungen, Verantwortung für Verabredungen, Beziehungen',
          purpose: 'Netzwerkarbeit nachvollziehen (Zusammensetzung, Teilnahmequoten, Verabredungen)',
          retention: 'dauerhaft; nach einer Anonymisierung ohne Namen',
        },
        minutes: {
          what: 'Protokolle, Tagesordnungen und Freitexte, die Namen erwähnen können',
          purpose: 'Ergebnisse von Sitzungen festhalten',
          retention: 'dauerhaft; Erwähnungen werden bei einer Löschung zur Prüfung von Hand gemeldet',
        },
        inventoryContacts: {
          what: 'Kontaktpersonen in der Bestandsaufnahme: Name, Funktion, Abteilung, E-Mail',
          purpose: 'Einrichtungen und Angebote erreichbar machen',
          retention: 'bis zur Änderung des Eintrags',
        },
        accounts: {
          what: 'Benutzerkonten: Name, E-Mail-Adresse, Rolle, Kennwort (nur als Hash)',
          purpose: 'Zugang zu Raumnetz und Berechtigungen',
          retention: 'bis zur Anonymisierung des Kontos',
        },
        sessions: {
          what: 'Sitzungen: Anmeldezeit, letzte Nutzung, Browser, IP-Adresse',
          purpose: 'Sichere Anmeldung, Übersicht und Beenden eigener Sitzungen',
          retention: '7 Tage nach Ablauf der Sitzung',
        },
        signIns: {
          what: 'Fehlgeschlagene Anmeldungen: E-Mail-Adresse, IP-Adresse, Anzahl',
          purpose: 'Schutz vor dem Erraten von Kennwörtern',
          retention: '24 Stunden',
        },
        audit: {
          what: 'Verlauf (Audit-Trail): wer wann was geändert hat, mit alten und neuen Werten, An- und Abmeldungen',
          purpose: 'Nachvollziehbarkeit und Revisionssicherheit der Änderungen',
          retention: 'Raumnetz__Audit__RetentionDays (Tage); ohne Angabe unbegrenzt. Gelöschte Personen werden aus dem Verlauf entfernt.',
        },
      },
    },
    rights: {
      title: 'Rechte der betroffenen Personen',
      access:
        'Auskunft (Art. 15 DSGVO): Administratorinnen und Administratoren laden für eine Person oder ein Benutzerkonto ein ' +
          'JSON-Dokument mit allen gespeicherten Daten herunter.',
      erasure:
        'Löschung (Art. 17 DSGVO): Eine Person wird anonymisiert. Name und Kontaktdaten werden ersetzt, Verknüpfungen bleiben, damit ' +
          'Zahlen der Netzwerkarbeit stimmen. Texte, die den Namen erwähnen, werden zur Prüfung gemeldet.',
      retention:
        'Aufbewahrung: Der Verlauf wird ohne Einstellung unbegrenzt aufbewahrt; mit Raumnetz__Audit__RetentionDays löscht Raumnetz ' +
          'ältere Einträge stündlich.',
    },
    tools: {
      title: 'Auskunft und Löschung',
      intro: 'Nur für Administratorinnen und Administratoren. Jede Löschung wird im Verlauf vermerkt, ohne die gelöschten Daten.',
      persons: 'Personen',
      search: 'Person suchen (Name)',
      noPersons: 'Keine Person gefunden.',
      accounts: 'Benutzerkonten',
      exportOf: 'Auskunft für {{name}} herunterladen',
      eraseOf: '{{name}} anonymisieren …',
    },
    erase: {
      title: '{{name}} endgültig anonymisieren?',
      textActor:
        'Name, Kontaktdaten, Notizen und Schlagworte werden ersetzt oder entfernt, auch aus dem Verlauf. Mitgliedschaften, Teilnahmen ' +
          'und Verabredungen bleiben ohne Namen erhalten. Das lässt sich nicht rückgängig machen.',
      textUser:
        'Name und E-Mail-Adresse werden ersetzt, auch im Verlauf; das Konto wird deaktiviert und alle Sitzungen enden. Das lässt sich ' +
          'nicht rückgängig machen.',
      typeName: 'Zur Bestätigung „{{name}}“ eingeben',
      confirm: 'Endgültig anonymisieren',
      done: 'Anonymisiert: jetzt „{{name}}“.',
      scrubbed: 'Aus {{count}} Einträgen des Verlaufs wurden die gelöschten Angaben entfernt.',
      review: 'Diese Texte erwähnen den Namen noch und müssen von Hand geprüft werden:',
      noReview: 'Kein Text erwähnt den Namen.',
      mention: '{{type}}: Feld {{field}}',
      close: 'Schließen',
    },
    types: {
      meeting: 'Sitzung', task: 'Verabredung', actor: 'Akteur', network: 'Netzwerk', networkMember: 'Mitgliedschaft',
      actorRelation: 'Beziehung', inventoryContact: 'Kontaktperson', service: 'Angebot', location: 'Einrichtung',
      observation: 'Messwert', assessment: 'Bewertung', serviceVerification: 'Prüfung', capacityEntry: 'Kapazität',
      funding: 'Förderung', inventoryRound: 'Erhebungsrunde',
    },
  },
}
