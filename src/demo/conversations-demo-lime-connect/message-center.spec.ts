import { parseAddonEvent } from '../../lime-connect';
import {
  contactInformationEvent,
  conversationInformationEvent,
  demoEndpoints,
  operatorInformationEvent,
  transcriptEvent,
} from './message-center';

describe("the Message Center stand-in's side of the protocol", () => {
  it('sends events the add-on protocol accepts, with empty fields as null', () => {
    const contact = contactInformationEvent(
      {
        name: 'Jane Doe',
        email: ' jane@example.com ',
        mobileNumber: '',
        phoneNumber: '',
        company: 'Acme AB',
      },
      'sv_SE',
    );
    const parsed = parseAddonEvent(contact);
    expect(parsed.ok && parsed.event.payload).toMatchObject({
      email: 'jane@example.com',
      mobileNumber: null,
      locale: 'sv_SE',
    });
    for (const event of [
      operatorInformationEvent('en_US'),
      conversationInformationEvent('en_US'),
      transcriptEvent(),
    ]) {
      expect(parseAddonEvent(event).ok).toBe(true);
    }
  });

  it("uses npm start's ports unless the page is told others, and points the Portal at its config", () => {
    expect(demoEndpoints('')).toEqual({
      apiUrl: 'http://127.0.0.1:3335/',
      portalUrl: `http://127.0.0.1:3334/portal.html?config=${encodeURIComponent('http://127.0.0.1:3335/portal-config.json')}`,
    });
    const e2e = demoEndpoints(
      '?portal=http%3A%2F%2F127.0.0.1%3A41000%2Fportal.html&api=http%3A%2F%2F127.0.0.1%3A42000%2F',
    );
    expect(e2e.apiUrl).toBe('http://127.0.0.1:42000/');
    expect(new URL(e2e.portalUrl).searchParams.get('config')).toBe(
      'http://127.0.0.1:42000/portal-config.json',
    );
  });
});
