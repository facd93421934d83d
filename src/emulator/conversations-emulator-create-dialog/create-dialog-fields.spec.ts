import { createLimeTypes } from '../schema';
import {
  createBody,
  editableProperties,
  initialTexts,
  presetRelations,
} from './create-dialog-fields';

const limetypes = createLimeTypes();

describe('the fields of the generic create dialog', () => {
  it('asks for text, number and option properties, not relations or computed names', () => {
    expect(editableProperties(limetypes.person).map((property) => property.name)).toEqual([
      'firstname',
      'lastname',
      'email',
      'phone',
      'mobilephone',
      'position',
    ]);
    expect(editableProperties(limetypes.deal).map((property) => property.name)).toEqual([
      'name',
      'value',
      'dealstatus',
      'wonlostreason',
    ]);
  });

  it('takes the parent relation from the command and prefills fields it names', () => {
    const preset = { helpdesk: 1001, topic: 'Support', nonsense: 3 };
    expect(
      presetRelations(limetypes.conversation, preset).map(([property, id]) => [property.name, id]),
    ).toEqual([['helpdesk', 1001]]);
    expect(initialTexts(limetypes.conversation, preset)).toMatchObject({
      topic: 'Support',
      conversationid: '',
    });
  });

  it('sends the relation and the filled-in fields, numbers as numbers, empty fields left out', () => {
    const result = createBody(
      limetypes.deal,
      { company: 1001 },
      { name: ' Pilot ', value: '45 000,50', dealstatus: '' },
    );
    expect(result).toEqual({ ok: true, body: { company: 1001, name: 'Pilot', value: 45000.5 } });
  });

  it('refuses a number field that is not a number, and names it', () => {
    const result = createBody(limetypes.conversation, {}, { conversationid: '12a' });
    expect(result).toMatchObject({ ok: false, property: { name: 'conversationid' } });
    expect(createBody(limetypes.conversation, {}, { conversationid: '1.5' }).ok).toBe(false);
  });
});
