import { objectUrl, relationUrl } from './portal-links';

describe('links into the webclient', () => {
  it("appends the object's path to a webclient base URL", () => {
    expect(objectUrl('https://crm.example.com/app/webclient', 'person', 1001)).toBe(
      'https://crm.example.com/app/webclient/limeobject/person/1001/',
    );
    expect(objectUrl('https://crm.example.com/app/webclient/', 'person', 1001)).toBe(
      'https://crm.example.com/app/webclient/limeobject/person/1001/',
    );
  });

  it('fills a template holding {limetype} and {id}', () => {
    expect(
      objectUrl('http://127.0.0.1:3333/index.html?limetype={limetype}&id={id}', 'helpdesk', 7),
    ).toBe('http://127.0.0.1:3333/index.html?limetype=helpdesk&id=7');
  });

  it('has no link when no webclient URL is configured', () => {
    expect(objectUrl('  ', 'person', 1)).toBeUndefined();
    expect(relationUrl('', 'person', 1, 'deal')).toBeUndefined();
  });

  it('opens the whole related list as a tab of the object', () => {
    expect(relationUrl('https://crm.example.com/app/webclient/', 'person', 1001, 'helpdesk')).toBe(
      'https://crm.example.com/app/webclient/limeobject/person/1001/?tab=helpdesk',
    );
    expect(
      relationUrl('http://x/index.html?limetype={limetype}&id={id}', 'person', 1001, 'history'),
    ).toBe('http://x/index.html?limetype=person&id=1001&tab=history');
  });

  it('cannot be tricked into another path by a limetype name', () => {
    expect(objectUrl('https://crm.example.com/', '../admin', 1)).toBe(
      'https://crm.example.com/limeobject/..%2Fadmin/1/',
    );
  });
});
