import type { Translations } from '@/lib/i18n'
import type { de } from './de'

/** English texts of the data-protection page. */
export const en: Translations<typeof de> = {
  privacy: {
    title: 'Data protection',
    intro:
      'Which personal data Raumnetz holds, for what purpose, on which legal basis and for how long – and how access and erasure under ' +
        'the GDPR work.',
    data: {
      title: 'Personal data held',
      what: 'Data',
      purpose: 'Purpose',
      basis: 'Legal basis',
      retention: 'Retention',
      basisToFill: 'to be set by the operator (e.g. Art. 6(1)(e) GDPR with state law)',
      operator:
        'The operator (the municipality or county) records the legal bases in its record of processing activities and informs the ' +
          'persons concerned.',
      rows: {
        actors: {
          what: 'Persons as actors: name, short name, e-mail, phone, website, address, notes, social spaces, tags',
          purpose: 'Find and reach the people of network work',
          retention: 'until anonymised (erasure under Art. 17)',
        },
        memberships: {
          what: 'Network memberships, meeting attendance, responsibility for agreements, relations',
          purpose: 'Keep network work traceable (composition, attendance rates, agreements)',
          retention: 'permanently; without a name after an anonymisation',
        },
        minutes: {
          what: 'Minutes, agendas and free texts that may mention names',
          purpose: 'Record the results of meetings',
          retention: 'permanently; mentions are reported for review by hand on an erasure',
        },
        inventoryContacts: {
          what: 'Contact persons in the inventory: name, title, department, e-mail',
          purpose: 'Make facilities and services reachable',
          retention: 'until the entry is changed',
        },
        accounts: {
          what: 'User accounts: name, e-mail address, role, password (as a hash only)',
          purpose: 'Access to Raumnetz and permissions',
          retention: 'until the account is anonymised',
        },
        sessions: {
          what: 'Sessions: sign-in time, last use, browser, IP address',
          purpose: 'Secure sign-in, overview and ending of one’s own sessions',
          retention: '7 days after the session expired',
        },
        signIns: {
          what: 'Failed sign-ins: e-mail address, IP address, count',
          purpose: 'Protection against guessed passwords',
          retention: '24 hours',
        },
        audit: {
          what: 'History (audit trail): who changed what when, with old and new values, sign-ins and sign-outs',
          purpose: 'Traceability and accountability of changes',
          retention: 'Raumnetz__Audit__RetentionDays (days); unlimited when unset. Erased persons are removed from the history.',
        },
      },
    },
    rights: {
      title: 'Rights of the persons concerned',
      access: 'Access (Art. 15 GDPR): administrators download one JSON document with all data held about a person or a user account.',
      erasure:
        'Erasure (Art. 17 GDPR): a person is anonymised. Name and contact data are replaced, links stay so that the figures of network ' +
          'work stay right. Texts mentioning the name are reported for review.',
      retention:
        'Retention: the history is kept without limit unless Raumnetz__Audit__RetentionDays is set; then older entries are ' +
        'deleted hourly.',
    },
    tools: {
      title: 'Access and erasure',
      intro: 'Administrators only. Every erasure is recorded in the history, without the erased data.',
      persons: 'Persons',
      search: 'Search a person (name)',
      noPersons: 'No person found.',
      accounts: 'User accounts',
      exportOf: 'Download the data of {{name}}',
      eraseOf: 'Anonymise {{name}} …',
    },
    erase: {
      title: 'Anonymise {{name}} for good?',
      textActor:
        'Name, contact data, notes and tags are replaced or removed, in the history too. Memberships, attendance and agreements stay, ' +
          'without the name. This cannot be undone.',
      textUser:
        'Name and e-mail address are replaced, in the history too; the account is deactivated and all its sessions end. This ' +
        'cannot be undone.',
      typeName: 'Type “{{name}}” to confirm',
      confirm: 'Anonymise for good',
      done: 'Anonymised: now “{{name}}”.',
      scrubbed: 'The erased data was removed from {{count}} history entries.',
      review: 'These texts still mention the name and must be reviewed by hand:',
      noReview: 'No text mentions the name.',
      mention: '{{type}}: field {{field}}',
      close: 'Close',
    },
    types: {
      meeting: 'Meeting', task: 'Agreement', actor: 'Actor', network: 'Network', networkMember: 'Membership',
      actorRelation: 'Relation', inventoryContact: 'Contact person', service: 'Service', location: 'Facility',
      observation: 'Value', assessment: 'Assessment', serviceVerification: 'Verification', capacityEntry: 'Capacity',
      funding: 'Funding', inventoryRound: 'Inventory round',
    },
  },
}
