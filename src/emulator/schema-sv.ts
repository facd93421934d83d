// The emulated CRM's limetypes in Swedish: Lime CRM serves limetype, property and option labels in
// the user's language, so the demo in Swedish shows no English labels either.
import type { LimeTypes } from '../lime';

const LIMETYPES: Record<string, [singular: string, plural: string]> = {
  company: ['Företag', 'Företag'],
  person: ['Person', 'Personer'],
  coworker: ['Medarbetare', 'Medarbetare'],
  helpdesk: ['Ärende', 'Ärenden'],
  helpdesktype: ['Ärendetyp', 'Ärendetyper'],
  deal: ['Affär', 'Affärer'],
  history: ['Historik', 'Historik'],
  document: ['Dokument', 'Dokument'],
  office: ['Kontor', 'Kontor'],
  conversation: ['Konversation', 'Konversationer'],
};

/** Labels by property name; `limetype.property` where one limetype names it differently. */
const PROPERTIES: Record<string, string> = {
  name: 'Namn',
  'company.name': 'Företagsnamn',
  'deal.name': 'Affärsnamn',
  phone: 'Telefon',
  'person.phone': 'Direkttelefon',
  'coworker.phone': 'Direkttelefon',
  mobilephone: 'Mobiltelefon',
  email: 'E-post',
  www: 'Webbplats',
  registrationno: 'Organisationsnummer',
  postaladdress1: 'Postadress 1',
  postaladdress2: 'Postadress 2',
  postalzipcode: 'Postnummer',
  postalcity: 'Postort',
  visitingaddress1: 'Besöksadress 1',
  'office.visitingaddress1': 'Besöksadress',
  visitingaddress2: 'Besöksadress 2',
  visitingzipcode: 'Besökspostnummer',
  visitingcity: 'Besöksort',
  country: 'Land',
  inactive: 'Inaktiv',
  buyingstatus: 'Köpstatus',
  firstname: 'Förnamn',
  lastname: 'Efternamn',
  position: 'Befattning',
  username: 'Användarnamn',
  title: 'Rubrik',
  helpdeskno: 'Ärendenummer',
  description: 'Beskrivning',
  statuscolor: 'Status',
  startdate: 'Startad',
  enddate: 'Avslutad',
  value: 'Värde',
  dealstatus: 'Status',
  probability: 'Sannolikhet',
  quotesent: 'Offert skickad',
  closeddate: 'Order-/förlustdatum',
  wonlostreason: 'Orsak till vinst/förlust',
  date: 'Datum',
  'history.type': 'Typ',
  note: 'Anteckning',
  comment: 'Beskrivning',
  'document.type': 'Dokumenttyp',
  'document.document': 'Fil',
  address: 'Adress',
  zipcode: 'Postnummer',
  city: 'Ort',
  conversationid: 'Konversations-ID',
  link: 'Länk',
  contactid: 'Kontakt-ID',
  topic: 'Ämne',
  startedtime: 'Startad',
  // Relations named for their role rather than for the related limetype.
  'company.coworker': 'Ansvarig',
  'coworker.company': 'Mina företag',
  'coworker.deal': 'Mina affärer',
  'coworker.document': 'Mina dokument',
  'helpdesk.coworker': 'Tilldelad',
  'deal.person': 'Ansvarig hos kunden',
  'deal.coworker': 'Ansvarig säljare',
};

/** Option texts by `limetype.property.key`, or by `property.key` when shared. */
const OPTIONS: Record<string, string> = {
  'history.type.comment': 'Kommentar',
  'history.type.customervisit': 'Kundbesök',
  'history.type.talkedto': 'Pratat med',
  'history.type.salescall': 'Säljsamtal',
  'history.type.sentemail': 'Skickat e-post',
  'history.type.receivedemail': 'Mottaget e-post',
  'history.type.noanswer': 'Fick inte tag på',
  'history.type.limeconnect': 'Lime Connect-chatt',
  'statuscolor.new': 'Ny',
  'statuscolor.ongoing': 'Pågående',
  'statuscolor.parked': 'Parkerad',
  'statuscolor.finished': 'Avslutad',
  'dealstatus.contact': 'Kontakt',
  'dealstatus.requirement': 'Behovsanalys',
  'dealstatus.tender': 'Offert',
  'dealstatus.agreement': 'Avtal',
  'dealstatus.rejection': 'Förlorad',
  'dealstatus.onhold': 'Vilande',
  'buyingstatus.active': 'Aktiv',
  'buyingstatus.notinterested': 'Inte intresserad',
  'buyingstatus.excustomer': 'Före detta kund',
  'buyingstatus.prospect': 'Prospekt',
  'document.type.email': 'E-post',
  'document.type.tender': 'Offert',
  'document.type.agreement': 'Avtal',
  'document.type.other': 'Övrigt',
};

/**
 * The limetypes with Swedish labels (in place). A relation without a label of its own is named
 * after the limetype it leads to: singular for one object, plural for many.
 */
export function inSwedish(limetypes: LimeTypes): LimeTypes {
  Object.values(limetypes).forEach((limetype) => {
    const names = LIMETYPES[limetype.name];
    if (names) {
      limetype.label = names[0];
      limetype.localname = { singular: names[0], plural: names[1] };
    }
    Object.values(limetype.properties).forEach((property) => {
      const related = property.relation ? LIMETYPES[property.relation.limetype] : undefined;
      const label =
        PROPERTIES[`${limetype.name}.${property.name}`] ??
        (related ? related[property.type === 'hasmany' ? 1 : 0] : PROPERTIES[property.name]);
      if (label) {
        property.label = label;
        property.localname = label;
      }
      property.options = property.options?.map((option) => ({
        ...option,
        text:
          OPTIONS[`${limetype.name}.${property.name}.${option.key}`] ??
          OPTIONS[`${property.name}.${option.key}`] ??
          option.text,
      }));
    });
  });
  return limetypes;
}
