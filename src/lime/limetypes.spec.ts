import type { Limetype, Property } from '@limetech/lime-web-components-interfaces';
import { limetypesFromPlatform } from './limetypes';

const ACL = { read: true, create: true, update: true, delete: true };

function property(name: string, type: string): Property {
  // Newer webclients send `system` for Lime's bookkeeping columns; 2.1.0's PropertyType lacks it.
  return {
    acl: ACL,
    defaultvalue: null,
    fieldorder: 0,
    label: name,
    localname: name,
    name,
    required: false,
    type: type as Property['type'],
  };
}

function person(extra: Property[]): Record<string, Limetype> {
  const properties = Object.fromEntries(
    [property('firstname', 'string'), ...extra].map((each) => [each.name, each]),
  );
  return {
    person: {
      acl: ACL,
      label: 'person',
      localname: { singular: 'Person', plural: 'Persons' },
      name: 'person',
      properties,
    } as unknown as Limetype,
  };
}

describe('limetypesFromPlatform and the properties a real Lime sends', () => {
  it("leaves out Lime's system columns without a problem", () => {
    const { limetypes, problems } = limetypesFromPlatform(
      person([
        property('id', 'system'),
        property('createdtime', 'system'),
        property('timestamp', 'system'),
      ]),
    );
    expect(problems).toEqual([]);
    expect(Object.keys(limetypes.person.properties)).toEqual(['firstname']);
  });

  it('still says which property has a type it does not know', () => {
    const { limetypes, problems } = limetypesFromPlatform(person([property('geo', 'geography')]));
    expect(problems).toEqual(['"person.geo" has the unknown type "geography"; it is left out.']);
    expect(Object.keys(limetypes.person.properties)).toEqual(['firstname']);
  });
});

describe('limetypesFromPlatform for many subscribers', () => {
  it('converts one state object once, and a new state object again', () => {
    const state = person([]);
    const first = limetypesFromPlatform(state);
    expect(limetypesFromPlatform(state)).toBe(first);
    const changed = person([property('lastname', 'string')]);
    expect(Object.keys(limetypesFromPlatform(changed).limetypes.person.properties)).toEqual([
      'firstname',
      'lastname',
    ]);
  });
});
