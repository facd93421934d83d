import { createLimeTypes } from '../emulator/schema';
import {
  aggregationRelationOptions,
  attachmentPropertyOptions,
  historyTypeOptions,
  limetypeOptions,
  lookupPropertyOptions,
  valuePropertyOptions,
} from '.';

const limetypes = createLimeTypes();
const values = (options: { value: string }[]) => options.map((option) => option.value);

describe('limetype options for the pickers', () => {
  it('lists every limetype, by label with its name', () => {
    expect(limetypeOptions(limetypes)).toContainEqual({
      value: 'helpdesk',
      text: 'Helpdesk ticket (helpdesk)',
    });
    expect(limetypeOptions(limetypes)).toHaveLength(Object.keys(limetypes).length);
  });

  it('offers only text, string and phone properties to lookup rules, and links to an email rule', () => {
    expect(values(lookupPropertyOptions(limetypes, 'person')).sort()).toEqual(
      ['firstname', 'lastname', 'mobilephone', 'name', 'phone', 'position'].sort(),
    );
    expect(values(lookupPropertyOptions(limetypes, 'person', 'email')).sort()).toEqual(
      ['email', 'firstname', 'lastname', 'mobilephone', 'name', 'phone', 'position'].sort(),
    );
  });

  it('offers an attachment source only the relations to its limetype', () => {
    expect(values(attachmentPropertyOptions(limetypes, 'helpdesk', 'identified-person'))).toEqual([
      'person',
    ]);
    expect(values(attachmentPropertyOptions(limetypes, 'helpdesk', 'operator'))).toEqual([
      'coworker',
    ]);
    expect(values(attachmentPropertyOptions(limetypes, 'helpdesk', 'fixed')).sort()).toEqual(
      ['company', 'coworker', 'helpdesktype', 'person'].sort(),
    );
  });

  it('never offers relations or files as property values, and only relations to aggregations', () => {
    expect(values(valuePropertyOptions(limetypes, 'helpdesk')).sort()).toEqual(
      ['description', 'email', 'enddate', 'helpdeskno', 'startdate', 'statuscolor', 'title'].sort(),
    );
    expect(values(aggregationRelationOptions(limetypes, 'company'))).toEqual(
      expect.arrayContaining(['person', 'helpdesk', 'deal', 'history']),
    );
    expect(values(aggregationRelationOptions(limetypes, 'company'))).not.toContain('name');
  });

  it('lists the history note types the CRM has', () => {
    expect(values(historyTypeOptions(limetypes))).toContain('limeconnect');
    expect(historyTypeOptions({})).toEqual([]);
  });
});
