// New topics and attachments start from what the CRM has, so that they are valid at once.
import {
  attachmentPropertyOptions,
  limetypeOptions,
  type Topic,
  type TopicAttachment,
} from '../../config';
import type { AttachmentSource } from '../../config';
import type { LimeTypes } from '../../lime';

/** A new topic on the helpdesk limetype when the CRM has one (Lime Connect's usual target). */
export function newTopic(limetypes: LimeTypes): Topic {
  const limetype = limetypes.helpdesk ? 'helpdesk' : (limetypeOptions(limetypes)[0]?.value ?? '');
  return {
    topic: '',
    limetype,
    historyType: 'limeconnect',
    importMediaFiles: false,
    attachments: [],
    properties: [],
  };
}

const SOURCE_ORDER: AttachmentSource[] = ['identified-person', 'identified-company', 'operator'];

/**
 * The next attachment worth adding: the first source whose relation the topic does not fill yet,
 * else a fixed object on the first free single relation.
 */
export function newAttachment(limetypes: LimeTypes, topic: Topic): TopicAttachment {
  const used = new Set(topic.attachments.map((attachment) => attachment.property));
  for (const source of SOURCE_ORDER) {
    const free = attachmentPropertyOptions(limetypes, topic.limetype, source).find(
      (option) => !used.has(option.value),
    );
    if (free) {
      return { property: free.value, source };
    }
  }
  const free = attachmentPropertyOptions(limetypes, topic.limetype, 'fixed').find(
    (option) => !used.has(option.value),
  );
  return { property: free?.value ?? '', source: 'fixed' };
}

/** A fixed value typed into a text field: a number for numeric properties when it reads as one. */
export function fixedValueFromText(text: string, numeric: boolean): string | number {
  if (!numeric || text.trim() === '') {
    return text;
  }
  const number = Number(text);
  return Number.isFinite(number) ? number : text;
}
