import { createLimeTypes } from './schema';

describe('the emulated limetypes in Swedish', () => {
  it('name every limetype, property and option in Swedish, where the words differ', () => {
    const english = createLimeTypes('en');
    const swedish = createLimeTypes('sv');
    const untranslated: string[] = [];
    Object.entries(english).forEach(([name, limetype]) => {
      if (limetype.localname.plural === swedish[name].localname.plural) {
        untranslated.push(name);
      }
      Object.entries(limetype.properties).forEach(([key, property]) => {
        const inSwedish = swedish[name].properties[key];
        if (property.label === inSwedish.label) {
          untranslated.push(`${name}.${key}`);
        }
        property.options?.forEach((option, index) => {
          if (option.text === inSwedish.options?.[index]?.text) {
            untranslated.push(`${name}.${key}.${option.key}`);
          }
        });
      });
    });
    // The same word in both languages.
    expect(untranslated).toEqual([
      'helpdesk.person',
      'deal.dealstatus',
      'history.person',
      'document.person',
    ]);
    expect(swedish.helpdesk.properties.conversation.label).toBe('Konversationer');
    expect(swedish.history.properties.type.options?.map((option) => option.text)).toContain(
      'Lime Connect-chatt',
    );
  });

  it('keeps names, types and relations as they are', () => {
    const english = createLimeTypes('en');
    const swedish = createLimeTypes('sv');
    const shape = (limetypes: typeof english) =>
      Object.values(limetypes).map((limetype) => [
        limetype.name,
        Object.values(limetype.properties).map((property) => [
          property.name,
          property.type,
          property.relation,
          property.options?.map((option) => option.key),
        ]),
      ]);
    expect(shape(swedish)).toEqual(shape(english));
  });
});
