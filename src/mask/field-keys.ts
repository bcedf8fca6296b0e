/**
 * How a key (a JSON key, a table's column, a key in text, an XML element)
 * is matched to the fields a policy masks whole (`masking.fields`).
 */

const KEY_SEPARATORS = /[-_\s$'\u2019\u02bc]/g;

/**
 * A key normalised for matching: case, `-`, `_`, `$`, white space and
 * apostrophes do not matter, so `firstName`, `FIRST-NAME`, `First name`,
 * `first_name` and `$first_name` (an analytics tool's person property) are
 * one key, and so are `carte d'identité` and `Carte d’identité` (French
 * text writes the typographic apostrophe).
 */
export function fieldKey(key: string): string {
  return key.toLowerCase().replace(KEY_SEPARATORS, '');
}

/**
 * A form's label of both names, the surname first, as German, French and
 * other forms print one (`Name, Vorname: Schmidt, Anna`): one key, whose
 * value is the full name, where a `, ` elsewhere parts two keys. Normalised
 * (`fieldKey`), the `, ` written `,`.
 */
export const NAMES_LABELS: ReadonlySet<string> = new Set([
  'name,vorname', 'nachname,vorname', 'familienname,vorname', 'lastname,firstname', 'surname,firstname', 'surname,forename', 'surname,givenname',
  'familyname,givenname', 'nom,prénom', 'nom,prenom', 'apellidos,nombre', 'cognome,nome', 'achternaam,voornaam', 'nazwisko,imię', 'efternamn,förnamn',
]);

/** A form's label of a street and its house number (`Straße, Hausnr.: Hauptstraße 5`): one key, a street line's (see `PERSON_MEMBERS`). */
export const STREET_LABELS: ReadonlySet<string> = new Set([
  'straße,hausnr.', 'straße,hausnummer', 'strasse,hausnr.', 'strasse,hausnummer', 'straße,nr.', 'strasse,nr.', 'street,no.', 'street,number', 'rue,numéro',
  'straat,huisnummer', 'ulica,nrdomu', 'via,numerocivico', 'calle,número', 'calle,numero',
]);

/**
 * A form's label of both names parted by `/` (`Vorname/Name: Anna
 * Schmidt`, `Vor-/Nachname:`, `Nom/Prénom :`): one key, whose value is the
 * full name. Normalised (`fieldKey`).
 */
export const SLASH_LABELS: ReadonlySet<string> = new Set([
  'vorname/name', 'name/vorname', 'vorname/nachname', 'nachname/vorname', 'vor/nachname', 'first/lastname', 'last/firstname', 'firstname/lastname',
  'lastname/firstname', 'nom/prénom', 'prénom/nom', 'nom/prenom', 'prenom/nom', 'nombre/apellidos', 'apellidos/nombre', 'nome/cognome', 'cognome/nome',
  'voornaam/achternaam', 'achternaam/voornaam', 'imię/nazwisko', 'nazwisko/imię', 'förnamn/efternamn', 'efternamn/förnamn',
]);

/** The labels of two words parted by `, ` that are one key (see `NAMES_LABELS` and `STREET_LABELS`). */
export const COMMA_LABELS: ReadonlySet<string> = new Set([...NAMES_LABELS, ...STREET_LABELS]);

/** Whether `fieldKey` drops the character: `-`, `_`, `$`, an apostrophe, or what `\s` matches. */
export function isKeySeparator(code: number): boolean {
  if (code < 0x80) return code === 0x2d || code === 0x5f || code === 0x20 || code === 0x24 || code === 0x27 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x2019 || code === 0x02bc || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Identity documents, by the words their holders' forms name them with (see `iddocumentnumber` in `SYNONYMS`). */
const DOCUMENTS = [
  'passport', 'reisepass', 'personalausweis', 'ausweis', 'id_card', 'identity_card', 'driving_licence', 'driving_license', 'driver_license', 'drivers_license',
  'führerschein', 'fuehrerschein', 'rijbewijs', 'körkort', 'paspoort', 'pasaporte', 'passaporto', 'paszport',
];
/** A word or sign for a number after a document's word (`Passport No.`, `Führerschein-Nr.`, `Reisepass #`). */
const NUMBER_SUFFIXES = ['number', 'no', 'no.', 'nr', 'nr.', 'num', '#', 'n°', 'nº', 'nummer'];

/**
 * Other names a field's values go by, by the field's normalised key: a
 * policy that lists the field masks its synonyms too, counted as the field.
 * OpenID Connect's claims (`given_name`, `family_name`, `birthdate`,
 * `street_address`), the abbreviation `dob`, a name that says whose it is
 * (`customer_name`, `cardholder_name`), and the words of the EU's larger
 * languages that name one thing only (a bare `nom`, `nombre` or `adresse`
 * is any name or address, and stays out; so is `user_name`, a login).
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  firstname: [
    'given_name', 'given_names', 'preferred_name', 'middle_name', 'forename', 'vorname', 'prenom', 'prénom', 'voornaam', 'imie', 'imię', 'fornamn', 'förnamn',
    // All of a person's given names, as registers and passports list them.
    'first_names', 'forenames', 'middle_names', 'vornamen', 'prenoms', 'prénoms', 'voornamen', 'imiona', 'nombres_de_pila',
  ],
  lastname: ['family_name', 'family_names', 'maiden_name', 'birth_name', 'geburtsname', 'surname', 'nachname', 'familienname', 'apellido', 'apellidos', 'cognome', 'achternaam', 'nazwisko', 'efternamn'],
  fullname: [
    'person_name', 'legal_name', 'customer_name', 'client_name', 'contact_name', 'contact_person', 'member_name', 'employee_name', 'patient_name', 'author_name',
    'committer_name', 'sender_name', 'recipient_name', 'reporter_name', 'assignee_name', 'attendee_name', 'participant_name', 'applicant_name',
    'student_name', 'guest_name', 'passenger_name', 'account_holder_name', 'holder_name', 'cardholder_name', 'card_holder_name', 'beneficiary_name',
    'subscriber_name', 'real_name', 'real_name_normalized', 'vollständiger_name', 'nom_complet', 'nombre_completo', 'nome_completo', 'volledige_naam',
    // A form's label of both names, given name first or joined by `and`.
    'vor_und_nachname', 'name_und_vorname', 'nom_et_prénom', 'prénom_et_nom', 'nombre_y_apellidos', 'apellidos_y_nombre',
    'nome_e_cognome', 'cognome_e_nome', 'voor_en_achternaam', 'naam_en_voornaam', 'imię_i_nazwisko', 'för_och_efternamn', 'first_and_last_name',
    // A form's label of both names, the surname first; or parted by `/`.
    ...NAMES_LABELS,
    ...SLASH_LABELS,
  ],
  dateofbirth: [
    'dob', 'birthdate', 'birthday', 'birth_dt', 'geburtsdatum', 'geburtstag', 'geb_datum', 'geb.-datum', 'geb.-dat.', 'geb.dat.', 'date_de_naissance', 'date_naissance', 'fecha_de_nacimiento', 'fecha_nacimiento', 'data_di_nascita',
    'data_nascita', 'geboortedatum', 'data_urodzenia', 'födelsedatum', 'fodelsedatum',
    // When someone was born, or the year alone: with a name, as much a date of birth as the day.
    'born', 'born_on', 'geboren', 'geboren_am', 'birth_year', 'year_of_birth', 'geburtsjahr', 'année_de_naissance', 'annee_de_naissance', 'año_de_nacimiento',
    'anno_di_nascita', 'geboortejaar', 'rok_urodzenia', 'födelseår',
  ],
  homeaddress: [
    'street_address', 'postal_address', 'mailing_address', 'residential_address', 'billing_address', 'shipping_address', 'wohnanschrift',
    'privatanschrift', 'adresse_postale',
    // Where a person lives, as forms in the EU's larger languages ask it.
    'wohnadresse', 'privatadresse', 'adresse_du_domicile', 'adresse_personnelle', 'dirección_particular', 'direccion_particular', 'domicilio_particular',
    'indirizzo_di_residenza', 'woonadres', 'huisadres', 'adres_zamieszkania', 'hemadress', 'bostadsadress',
  ],
  // Where a person was born: with a name and a birth date, what registers and identity checks match a person by.
  placeofbirth: [
    'birthplace', 'birth_place', 'city_of_birth', 'town_of_birth', 'country_of_birth', 'ctry_of_birth', 'geburtsort', 'geb.-ort', 'geb.ort', 'geburtsland', 'lieu_de_naissance',
    'ville_de_naissance', 'pays_de_naissance', 'lugar_de_nacimiento', 'país_de_nacimiento', 'pais_de_nacimiento', 'luogo_di_nascita', 'comune_di_nascita',
    'geboorteplaats', 'geboorteland', 'miejsce_urodzenia', 'kraj_urodzenia', 'födelseort', 'fodelseort', 'födelseplats', 'födelseland',
  ],
  // A payment card's security code (CVC, CVV): card data no record may keep (PCI DSS), three or four digits that only the key they are
  // written under finds. A bare security code (an alarm's, a 2FA's) is no card's, and stays out.
  cardsecuritycode: [
    'cvc', 'cvv', 'csc', 'cvn', 'cvd', 'cvc_code', 'cvv_code', 'card_security_code', 'card_verification_code', 'card_verification_value',
    'kartenprüfnummer', 'kartenpruefnummer', 'cryptogramme', 'cryptogramme_visuel', 'código_cvv', 'codigo_cvv', 'codice_cvv', 'kod_cvv', 'kod_cvc',
  ],
  // The number of a passport, an identity card or a driving licence: no check digit to find it by (the MRZ's is
  // `mrz`'s), only the key it is written under. A bare `document_number`, `id_number` or `licence_number` names
  // any document's, and stays out.
  iddocumentnumber: [
    // The document itself, as a table's column or a form's label names what it holds: its number (or its details, all of them the holder's).
    'passport', 'reisepass', 'personalausweis', 'id_card', 'identity_card', "carte_d'identité", 'pasaporte', 'passaporto', 'paspoort', 'paszport',
    'dowód_osobisty', 'driving_licence', 'driving_license', 'driver_license', 'drivers_license', 'führerschein',
    // Any identity document (an identity check's `{"id_document": {"type": "passport", "number": …}}`): its number, and its kind, a code, kept.
    'id_document', 'identity_document', 'travel_document', 'ausweisdokument', "pièce_d'identité", 'piece_d_identite', 'documento_de_identidad', "documento_d'identità",
    // The document's word and a word or sign for its number (`Passport No.`, `Führerschein-Nr.`, `ID card #`).
    ...DOCUMENTS.flatMap((document) => NUMBER_SUFFIXES.map((suffix) => `${document}_${suffix}`)),
    'passport_id', 'reisepassnummer', 'passnummer', 'pass_nr.', 'numéro_de_passeport', 'numero_de_passeport', 'n°_de_passeport', 'número_de_pasaporte', 'numero_de_pasaporte', 'nº_de_pasaporte', 'n°_de_pasaporte',
    'numero_passaporto', 'numero_del_passaporto', 'paspoortnummer', 'numer_paszportu',
    'identity_document_number', 'personalausweisnummer', 'ausweisnummer', "numéro_de_carte_d'identité", "numero_de_carte_d'identite", 'numéro_cni', 'numero_cni', 'número_de_documento_de_identidad',
    'numero_de_documento_de_identidad', "numero_carta_d'identità", 'numero_carta_di_identità', 'numero_carta_identità', 'identiteitskaartnummer',
    'numer_dowodu_osobistego', 'numer_dowodu', 'id_kortsnummer',
    "driver's_license_number", 'driver_licence_number', 'führerscheinnummer', 'fuehrerscheinnummer', 'numéro_de_permis_de_conduire', 'numero_de_permis_de_conduire',
    'número_de_licencia_de_conducir', 'numero_de_licencia_de_conducir', 'numero_patente_di_guida', 'rijbewijsnummer', 'numer_prawa_jazdy', 'körkortsnummer',
  ],
};

/** The policy's `fields` by the normalised keys that name them: each field's own, and its synonyms' unless the policy lists one itself. */
export function fieldsByKey(fields: readonly string[]): Map<string, string> {
  const byKey = new Map(fields.map((field) => [fieldKey(field), field]));
  for (const field of fields) {
    for (const synonym of SYNONYMS[fieldKey(field)] ?? []) if (!byKey.has(fieldKey(synonym))) byKey.set(fieldKey(synonym), field);
  }
  return byKey;
}

/**
 * The field a normalised `key` that `byKey` (see `fieldsByKey`) does not
 * hold names after a key that says whose it is (`customer_first_name` in
 * Kibana's sample orders, `billing_last_name` in WooCommerce's,
 * `patient_dob`), see `OWNERS`. Looked up rather than listed: the keys
 * such pairs make would be thousands more for every masker.
 */
export function ownedField(byKey: ReadonlyMap<string, string>, key: string): string | undefined {
  return qualified(byKey, key, OWNER_PREFIXES);
}

/** What `byKey` holds for the rest of normalised `key` after one of `prefixes`, if anything. */
function qualified<V>(byKey: ReadonlyMap<string, V>, key: string, prefixes: Prefixes): V | undefined {
  for (const length of prefixes.lengths) {
    if (key.length <= length) return undefined;
    if (prefixes.set.has(key.slice(0, length))) {
      const value = byKey.get(key.slice(length));
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** Normalised prefixes of keys, and their lengths, shortest first. */
interface Prefixes {
  readonly set: ReadonlySet<string>;
  readonly lengths: readonly number[];
}

function prefixes(words: readonly string[]): Prefixes {
  return { set: new Set(words), lengths: [...new Set(words.map((word) => word.length))].sort((a, b) => a - b) };
}

/**
 * Keys (normalised) of an object that stands for a person, or of a list of
 * such objects: its `name` is the person's (`{"author": {"name": …}}`,
 * `{"customers": [{"name": …}]}`), where elsewhere a `name` is a file's,
 * a tool's or a product's.
 */
export const PERSON_KEYS: ReadonlySet<string> = new Set(
  [
    'person', 'people', 'persons', 'user', 'users', 'customer', 'customers', 'client', 'clients', 'contact', 'contacts', 'member', 'members',
    'employee', 'employees', 'patient', 'patients', 'author', 'authors', 'committer', 'sender', 'recipient', 'recipients', 'assignee', 'assignees',
    'reporter', 'participant', 'participants', 'attendee', 'attendees', 'applicant', 'applicants', 'student', 'students', 'guest', 'guests',
    // Whom a meeting booking, an interview or a call names (Calendly's `invitee`, a phone system's `caller`).
    'invitee', 'invitees', 'interviewee', 'caller', 'callee',
    'passenger', 'passengers', 'account_holder', 'cardholder', 'beneficiary', 'subscriber', 'subscribers',
    // Whom a parcel, a letter or an invoice goes to (see `ADDRESSEE_KEYS`).
    'addressee', 'consignee', 'ship_to', 'deliver_to', 'bill_to', 'sold_to',
    // Who made, owns or acts on a record, as calendars, drives, trackers and CRMs write them.
    'organizer', 'organizers', 'creator', 'owner', 'owners', 'requester', 'approver', 'approvers', 'reviewer', 'reviewers', 'signer', 'signers',
    'candidate', 'candidates', 'speaker', 'speakers', 'lead', 'leads', 'doctor', 'physician', 'practitioner', 'nurse', 'created_by', 'updated_by',
    'modified_by', 'assigned_to', 'last_modifying_user', 'sharing_user', 'approved_by', 'requested_by', 'submitted_by', 'reported_by',
    // Git's trailers: who reviewed, acknowledged, tested or co-wrote a commit.
    'reviewed_by', 'acked_by', 'tested_by', 'signed_off_by', 'co_authored_by',
    // A payment's or an order's person (Stripe's `billing_details`): a name and an address.
    'billing_details', 'shipping_details', 'customer_details',
    'submitter', 'supervisor', 'technician', 'sales_rep', 'account_manager',
    // The commonest of these in the EU's larger languages: customers, contacts, senders and recipients.
    'kunde', 'kunden', 'kundin', 'ansprechpartner', 'absender', 'empfänger', 'mitarbeiter', 'destinataire', 'destinataires', 'expéditeur', 'expediteur',
    'cliente', 'clientes', 'remitente', 'destinatario', 'destinatarios', 'mittente', 'klant', 'klanten', 'afzender', 'ontvanger', 'klient', 'klienci',
    'nadawca', 'odbiorca', 'kund', 'kunder', 'avsändare', 'mottagare',
    // An application's, a contract's and a policy's parties on German forms.
    'antragsteller', 'antragstellerin', 'vertragspartner', 'versicherter', 'versicherte', 'mieter', 'mieterin', 'vermieter', 'vermieterin',
    // A job's applicant, as an applicant tracking system's export names them in the EU's larger languages.
    'bewerber', 'bewerberin', 'kandidat', 'kandidatin', 'candidat', 'candidata', 'candidato', 'sollicitant', 'kandidaat', 'kandydat', 'kandydatka', 'sökande',
    // A website's legal notice (Impressum) and a company's register name its directors, owners and who answers for its content.
    'geschäftsführer', 'geschäftsführerin', 'geschaeftsfuehrer', 'inhaber', 'inhaberin', 'vertreten_durch', 'verantwortlich', 'vorstand',
    'gérant', 'gerant', 'directeur_de_la_publication', 'titolare', 'ceo', 'founder', 'co_founder', 'managing_director', 'director',
    // A contact in German, Swedish, Polish, Spanish, Italian and Dutch.
    'kontakt', 'kontaktperson', 'contacto', 'contatto', 'contactpersoon',
    // A bank account's holder, as a payment or a statement names them.
    'kontoinhaber', 'titulaire', 'titulaire_du_compte', 'titular', 'titular_de_la_cuenta', 'intestatario', 'rekeninghouder', 'tenaamstelling',
    'posiadacz', 'posiadacz_rachunku', 'kontoinnehavare', 'holder', 'payee', 'payer', 'debtor', 'creditor',
    // A payment's parties by name, as PSD2's account APIs (Berlin Group's `debtorName`, `ultimateCreditor`) and ISO 20022's
    // statements (`<Dbtr><Nm>…</Nm></Dbtr>`, `<UltmtCdtr>`) write them.
    'debtor_name', 'creditor_name', 'ultimate_debtor', 'ultimate_creditor', 'payer_name', 'payee_name', 'remitter', 'remitter_name',
    'dbtr', 'cdtr', 'ultmt_dbtr', 'ultmt_cdtr',
    // A person a record is about in care, insurance, lending, renting and schools.
    'guardian', 'guardians', 'spouse', 'next_of_kin', 'emergency_contact', 'emergency_contacts', 'policyholder', 'policy_holder', 'insured', 'borrower',
    'borrowers', 'landlord', 'buyer', 'buyers', 'teacher', 'teachers', 'instructor', 'volunteer', 'volunteers', 'witness', 'witnesses', 'visitor', 'visitors',
  ].map(fieldKey),
);

/**
 * What may stand before a field's key and say whose it is (normalised):
 * the commonest of a record's people, and the parties of an order that a
 * bill or a parcel goes to.
 */
export const OWNERS: readonly string[] = [
  'customer', 'client', 'contact', 'patient', 'employee', 'member', 'user', 'person', 'owner', 'holder', 'account_holder', 'applicant',
  'student', 'guest', 'passenger', 'beneficiary', 'subscriber', 'sender', 'recipient', 'lead', 'candidate', 'insured', 'billing', 'shipping',
  'kunde', 'cliente', 'klant',
].map(fieldKey);
const OWNER_PREFIXES = prefixes(OWNERS);

/**
 * Whose a name or an address is, written before it (normalised): a WHOIS
 * record's contacts (`Registrant Name:`, `Admin Street:`, `Tech Name:`),
 * and the `OWNERS` (`patient_address`, `customerStreet`) but a user (a
 * `user_name` is a login), a sender and a recipient (their address is an
 * e-mail address).
 */
export const MEMBER_OWNERS: readonly string[] = [
  ...['registrant', 'admin', 'administrative', 'tech', 'technical'].map(fieldKey),
  ...OWNERS.filter((owner) => owner !== 'user' && owner !== 'sender' && owner !== 'recipient'),
];
const MEMBER_OWNER_PREFIXES = prefixes(MEMBER_OWNERS);

/**
 * Keys (normalised) that stand for a person in a text's key lines, and not
 * in JSON: a mail's header (`From: Jean Dupont`, `To:`, `Cc:`, in English
 * and the EU's larger languages), a ticket's `Agent:` and `Manager:`. In
 * JSON a `from` and a `to` are a range's or a route's ends, an `agent` a
 * program, a `manager` a package manager, more often than a person.
 */
export const PERSON_KEYS_IN_TEXT: ReadonlySet<string> = new Set(
  ['from', 'to', 'cc', 'bcc', 'reply_to', 'von', 'an', 'kopie', 'de', 'para', 'cci', 'da', 'van', 'aan', 'od', 'do', 'från', 'till', 'agent', 'manager'].map(fieldKey),
);

/**
 * What a member of an object that stands for a person holds, by its key
 * (normalised): the field of that name (`full_name`, `home_address`),
 * which a `name` or an `address` elsewhere (a file's, a server's) is not;
 * Google's People API writes a person's `names`, `addresses` and
 * `birthdays` as lists.
 */
export const PERSON_MEMBERS: ReadonlyMap<string, string> = new Map(
  [
    ['name', 'full_name'],
    ['names', 'full_name'],
    ['display_name', 'full_name'],
    // Slack's profiles write the name again, normalised.
    ['display_name_normalized', 'full_name'],
    ['address', 'home_address'],
    ['addresses', 'home_address'],
    // A flat record's street line (`{"name": …, "email": …, "street": "Hauptstr. 1", "city": "Berlin"}`, Shopify's `address1`):
    // the line that finds the home; a city or a postcode alone does not.
    ...['street', 'street_name', 'house_number', 'address1', 'address2', 'address_line1', 'address_line2', 'strasse', 'straße', ...STREET_LABELS].map((key) => [key, 'home_address']),
    // The words for a name and an address in the EU's larger languages, which name any name or address elsewhere (see `SYNONYMS`).
    // A name's parts as FHIR (`given`, `family`) and randomuser.me (`first`, `last`) write them, directly in a person's object.
    ...['given', 'first'].map((key) => [key, 'first_name']),
    ...['family', 'last'].map((key) => [key, 'last_name']),
    ['nom', 'last_name'],
    ['nome', 'first_name'],
    ...['nombre', 'naam', 'namn'].map((key) => [key, 'full_name']),
    ...['adresse', 'anschrift', 'direccion', 'dirección', 'indirizzo', 'adres', 'adress'].map((key) => [key, 'home_address']),
    ['birthdays', 'date_of_birth'],
    // Where a person lives: randomuser.me's `location` (a street, a city, a postcode), a record's `home`, `Wohnort`.
    ...['location', 'home', 'residence', 'domicile', 'wohnort', 'wohnsitz', 'domicilio', 'residenza', 'woonplaats'].map((key) => [key, 'home_address']),
    // LDAP's attributes (an LDIF export, a directory's search): a person's common name and surname; elsewhere a certificate's or a serial number.
    ['cn', 'full_name'],
    ['sn', 'last_name'],
    // ISO 20022's party (a payment's debtor or creditor): its name, its postal address and the address's street and lines.
    ['nm', 'full_name'],
    ...['pstl_adr', 'strt_nm', 'adr_line'].map((key) => [key, 'home_address']),
  ].map(([key, field]) => [fieldKey(key!), field!]),
);

/** A person's name and address lines among `PERSON_MEMBERS`: those a key names after whose they are (see `ownedMember`). */
export const OWNED_MEMBERS: ReadonlyMap<string, string> = new Map(
  ['name', 'display_name', 'address', 'street', 'street_name', 'house_number', 'address1', 'address2', 'address_line1', 'address_line2'].map((key) => [fieldKey(key), PERSON_MEMBERS.get(fieldKey(key))!]),
);

/** The field (a default field's name) of a normalised `key` that is a name or an address line after whose it is (see `MEMBER_OWNERS`), wherever it stands. */
export function ownedMember(key: string): string | undefined {
  return qualified(OWNED_MEMBERS, key, MEMBER_OWNER_PREFIXES);
}

/** Endings (normalised) of compound words for a recipient (`Rechnungsempfänger`, `betalningsmottagare`; see `ADDRESSEE_KEYS`). */
export const ADDRESSEE_ENDINGS: readonly string[] = ['empfänger', 'empfaenger', 'mottagare'];

/**
 * Endings (normalised) of the compound words German, Dutch and Swedish
 * make for a person a record names: `Rechnungsempfänger`,
 * `Karteninhaber`, `Versicherungsnehmer`, `polishouder`,
 * `betalningsmottagare`. A key that ends in one stands for a person as
 * one of `PERSON_KEYS` does.
 */
export const PERSON_WORD_ENDINGS: readonly string[] = [...ADDRESSEE_ENDINGS, 'inhaber', 'inhaberin', 'nehmer', 'nehmerin', 'houder', 'innehavare'];

/** Whether the normalised `key` ends in one of `endings`. */
function endsInOne(key: string, endings: readonly string[]): boolean {
  for (const ending of endings) if (key.endsWith(ending)) return true;
  return false;
}

/** Whether an object under `key` (or in a list under it) stands for a person (see `PERSON_KEYS`, `PERSON_WORD_ENDINGS`). */
export function standsForPerson(key: string): boolean {
  const normal = fieldKey(key);
  return PERSON_KEYS.has(normal) || endsInOne(normal, PERSON_WORD_ENDINGS);
}

/**
 * Keys (normalised) of the person a record is addressed to or about: a
 * parcel's, a letter's or an invoice's recipient and sender, a RIPE
 * `person:` object, an order's customer. A name under one tells that its
 * record is that person's, as a contact's key does, so the `Street:` beside
 * `Recipient: Anna Schmidt` is her address. An `Owner:` or an `Assignee:`
 * acts on a record about something else (`Name: mcp-guard`), and tells
 * nothing.
 */
export const ADDRESSEE_KEYS: ReadonlySet<string> = new Set(
  [
    'person', 'recipient', 'addressee', 'consignee', 'ship_to', 'deliver_to', 'bill_to', 'sold_to', 'sender', 'customer', 'client', 'patient',
    'empfänger', 'absender', 'kunde', 'kundin', 'destinataire', 'expéditeur', 'expediteur', 'destinatario', 'remitente', 'mittente', 'cliente',
    'ontvanger', 'afzender', 'klant', 'odbiorca', 'nadawca', 'klient', 'mottagare', 'avsändare', 'kund',
  ].map(fieldKey),
);

/** Whether a name under `key` tells that its record is that person's (see `ADDRESSEE_KEYS`). */
export function namesAddressee(key: string): boolean {
  const normal = fieldKey(key);
  return ADDRESSEE_KEYS.has(normal) || endsInOne(normal, ADDRESSEE_ENDINGS);
}

/**
 * What may stand before a person's member's key and say which of their
 * names or addresses it is (normalised): Salesforce's `MailingStreet`,
 * Shopify's `default_address`. A billing or shipping one says whose it is
 * (see `MEMBER_OWNERS`).
 */
export const MEMBER_QUALIFIERS: readonly string[] = ['mailing', 'other', 'home', 'default', 'primary', 'delivery', 'postal', 'current', 'permanent'].map(fieldKey);
const MEMBER_PREFIXES = prefixes(MEMBER_QUALIFIERS);

/** The field (a default field's name, see `PERSON_MEMBERS`) that `key` holds in an object that stands for a person, if any, also after a qualifier (see `MEMBER_QUALIFIERS`). */
export function personMember(key: string): string | undefined {
  const normal = fieldKey(key);
  return PERSON_MEMBERS.get(normal) ?? qualified(PERSON_MEMBERS, normal, MEMBER_PREFIXES);
}

/** Keys (normalised) of an e-mail address: an object or a table that has one stands for a person (or a team, masked alike), whose name beside the pseudonymised address would undo the pseudonym. */
export const EMAIL_KEYS: ReadonlySet<string> = new Set(['email', 'e_mail', 'mail', 'email_address', 'mail_address', 'emails', 'email_addresses', 'courriel', 'correo', 'correo_electronico'].map(fieldKey));

/** Whether `key` holds an e-mail address (see `EMAIL_KEYS`). */
export function holdsEmail(key: string): boolean {
  return EMAIL_KEYS.has(fieldKey(key));
}

/**
 * Keys (normalised) of a person's national identifier: as the national id
 * detectors' labels name it, and those of countries none of them reads
 * (Latvia's personas kods, Hungary's személyi szám, Canada's SIN, Brazil's
 * CPF, …). A tax number (a VAT number, an OIB, a NIF), which companies have
 * too, is none; nor is a bare `sin`, as often a sine as Canada's number.
 */
const NATIONAL_ID_KEYS: ReadonlySet<string> = new Set(
  [
    'ssn', 'social_security_number', 'national_id', 'national_id_number', 'national_insurance_number', 'nino', 'steuer_id', 'steueridentifikationsnummer',
    'sozialversicherungsnummer', 'rentenversicherungsnummer', 'versichertennummer', 'kvnr', 'svnr', 'pesel', 'bsn', 'burgerservicenummer', 'nir',
    'numero_de_securite_sociale', 'dni', 'nie', 'codice_fiscale', 'personnummer', 'cpr', 'cpr_nummer', 'hetu', 'henkilotunnus', 'fodselsnummer',
    'rodne_cislo', 'egn', 'cnp', 'ppsn', 'amka', 'emso', 'jmbg', 'ahv', 'ahv_nummer', 'isikukood', 'asmens_kodas',
    'national_identifier', 'national_identification_number', 'national_number', 'personal_id', 'personal_id_number', 'personal_number', 'personal_code',
    'personal_identity_number', 'personal_identification_number', 'citizen_id', 'social_insurance_number', 'personas_kods', 'szemelyi_szam',
    'személyi_szám', 'szemelyi_azonosito', 'adoazonosito_jel', 'adóazonosító_jel', 'numero_d_identification_national', 'sin_number', 'tfn', 'cpf', 'curp', 'aadhaar',
  ].map(fieldKey),
);

/** Whether `key` (a JSON key, lower case) names a person's national identifier (see `NATIONAL_ID_KEYS`). */
export function holdsNationalId(key: string): boolean {
  return NATIONAL_ID_KEYS.has(fieldKey(key));
}

/** Keys (normalised) of a person's phone number, in English and the EU's larger languages. */
const PHONE_KEYS: ReadonlySet<string> = new Set(
  [
    ...['phone', 'phones', 'phone_number', 'phone_numbers', 'telephone', 'tel', 'mobile_phone', 'mobile_number', 'cell_phone'],
    ...['telefon', 'telefonnummer', 'handy', 'mobil', 'téléphone', 'telefono', 'teléfono', 'telefoon'],
  ].map(fieldKey),
);
/** Endings (normalised) of a key that names whose phone number it holds, or which (`customer_phone`, `homePhone`, `phoneNumber`, `Mobiltelefonnummer`). */
const PHONE_KEY_ENDINGS = ['phone', 'phonenumber', 'phoneno', 'telefonnummer', 'fax', 'faxnumber'];

/** Whether `key` (a JSON key, lower case) names a phone number (see `PHONE_KEYS`), where any phone-shaped value is one. */
export function holdsPhone(key: string): boolean {
  const normal = fieldKey(key);
  return PHONE_KEYS.has(normal) || endsInOne(normal, PHONE_KEY_ENDINGS);
}

/** Endings (normalised) of a key that names whose e-mail address it holds (`contactEmail`, `work_email_address`). */
const EMAIL_KEY_ENDINGS = ['email', 'emailaddress'];

/** Whether `key` (a JSON key, lower case) names an e-mail address (see `EMAIL_KEYS`), where any mailbox-shaped value is one. */
export function namesEmail(key: string): boolean {
  const normal = fieldKey(key);
  return EMAIL_KEYS.has(normal) || endsInOne(normal, EMAIL_KEY_ENDINGS);
}

/**
 * Keys (normalised) of a person's e-mail address, phone number, bank
 * account, payment card or national identifier: an object, a table or a record of key
 * lines that has one stands for a person (or a team or a business, masked
 * alike), as `EMAIL_KEYS` say. A bare `mobile` or `cell` is as often a flag
 * or a spreadsheet's; a tax or VAT number, an OIB, a NIF, a company's too.
 */
export const CONTACT_KEYS: ReadonlySet<string> = new Set([
  ...EMAIL_KEYS,
  ...PHONE_KEYS,
  // A bank account or a payment card: its holder's.
  ...['iban', 'card_number', 'credit_card', 'credit_card_number', 'cc_number', 'kartennummer', 'numéro_de_carte', 'número_de_tarjeta', 'numero_di_carta'].map(fieldKey),
  // A person's national identifier (`{"name": …, "ssn": …}`, `Name:` over `DNI:`).
  ...NATIONAL_ID_KEYS,
]);

/** Whether `key` holds a person's e-mail address, phone number, bank account or national identifier (see `CONTACT_KEYS`). */
export function holdsContact(key: string): boolean {
  return CONTACT_KEYS.has(fieldKey(key));
}

/** Keys (normalised) of the member that says what kind of thing an object is (`{"name": …, "entityType": "person"}`, Notion's `"object": "user"`). */
export const TYPE_KEYS: ReadonlySet<string> = new Set(['type', 'kind', 'object', 'entity_type', 'object_type', 'record_type', '@type'].map(fieldKey));

/**
 * Keys (normalised) whose values are codes, not what a record holds: an
 * id, a type, a use (`{"name": {"use": "official", "family": …}}`, FHIR;
 * Notion's `{"Name": {"id": "title", "type": "title", "title": […]}}`).
 * Inside a value masked whole as a field they keep their values (scanned
 * as any string), so the masked value keeps the codes that say what it is.
 */
export const CODE_KEYS: ReadonlySet<string> = new Set([...TYPE_KEYS, ...['id', 'use', 'system'].map(fieldKey)]);

/** Kinds (lower case) of a thing that is a person: an object of such a type stands for one (see `isPersonType`). */
const PERSON_TYPES: ReadonlySet<string> = new Set(['person', 'people', 'user', 'contact', 'customer', 'employee', 'patient', 'member', 'individual', 'natural_person']);

/** Whether `key` says what kind of thing its object is (see `TYPE_KEYS`). */
export function namesType(key: string): boolean {
  return TYPE_KEYS.has(fieldKey(key));
}

/** Whether `type`, the value of such a key, is a person's kind: the memory server's entities, Notion's users, GitHub's `"type": "User"`. */
export function isPersonType(type: unknown): boolean {
  return typeof type === 'string' && type.length <= 16 && PERSON_TYPES.has(type.toLowerCase());
}

/** The member that says which FHIR resource an object is; FHIR writes it first. */
export const RESOURCE_TYPE = 'resourceType';

/** FHIR's resources that stand for a person (`{"resourceType": "Patient", "name": […], "address": […]}`). */
const PERSON_RESOURCES: ReadonlySet<string> = new Set(['Patient', 'Person', 'Practitioner', 'RelatedPerson']);

/** Whether an object whose first member is its `resourceType`, of value `type`, stands for a person. */
export function isPersonResource(type: unknown): boolean {
  return typeof type === 'string' && PERSON_RESOURCES.has(type);
}

/** The fields `personMember` gives. */
export const PERSON_MEMBER_FIELDS: readonly string[] = [...new Set(PERSON_MEMBERS.values())];
