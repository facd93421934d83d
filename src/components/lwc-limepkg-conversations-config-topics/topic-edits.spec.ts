import { createLimeTypes } from '../../emulator/schema';
import { fixedValueFromText, newAttachment, newTopic } from './topic-edits';

const limetypes = createLimeTypes();

describe('newTopic', () => {
  it('starts a helpdesk topic with nothing attached', () => {
    expect(newTopic(limetypes)).toEqual({
      topic: '',
      limetype: 'helpdesk',
      historyType: 'limeconnect',
      importMediaFiles: false,
      attachments: [],
      properties: [],
    });
  });
});

describe('newAttachment', () => {
  it('attaches the identified person first, then the company, then the operator', () => {
    const topic = newTopic(limetypes);
    const first = newAttachment(limetypes, topic);
    expect(first).toEqual({ property: 'person', source: 'identified-person' });
    const second = newAttachment(limetypes, { ...topic, attachments: [first] });
    expect(second).toEqual({ property: 'company', source: 'identified-company' });
    const third = newAttachment(limetypes, { ...topic, attachments: [first, second] });
    expect(third).toEqual({ property: 'coworker', source: 'operator' });
  });

  it('offers a fixed object when every identified relation is taken', () => {
    const topic = {
      ...newTopic(limetypes),
      attachments: [
        { property: 'person', source: 'identified-person' as const },
        { property: 'company', source: 'identified-company' as const },
        { property: 'coworker', source: 'operator' as const },
      ],
    };
    expect(newAttachment(limetypes, topic)).toEqual({ property: 'helpdesktype', source: 'fixed' });
    const full = {
      ...topic,
      attachments: [...topic.attachments, { property: 'helpdesktype', source: 'fixed' as const }],
    };
    expect(newAttachment(limetypes, full)).toEqual({ property: '', source: 'fixed' });
  });
});

describe('fixedValueFromText', () => {
  it('reads numbers for numeric properties and keeps text otherwise', () => {
    expect(fixedValueFromText('42', true)).toBe(42);
    expect(fixedValueFromText('4,2', true)).toBe('4,2');
    expect(fixedValueFromText('42', false)).toBe('42');
    expect(fixedValueFromText('', true)).toBe('');
  });
});
