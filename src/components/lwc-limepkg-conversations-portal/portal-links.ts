// Links from the Portal into the Lime CRM webclient. `portal.webclientUrl` is either the
// webclient's base URL (`https://crm.example.com/app/webclient/`, to which
// `limeobject/<limetype>/<id>/` is appended) or a template holding `{limetype}` and `{id}`.

/** The webclient URL of one object; undefined when no webclient URL is configured. */
export function objectUrl(webclientUrl: string, limetype: string, id: number): string | undefined {
  const base = webclientUrl.trim();
  if (!base) {
    return undefined;
  }
  if (base.includes('{id}')) {
    return base
      .replaceAll('{limetype}', encodeURIComponent(limetype))
      .replaceAll('{id}', encodeURIComponent(String(id)));
  }
  const slash = base.endsWith('/') ? '' : '/';
  return `${base}${slash}limeobject/${encodeURIComponent(limetype)}/${id}/`;
}

/** The object's page opened at one of its relation tabs: where the whole related list is. */
export function relationUrl(
  webclientUrl: string,
  limetype: string,
  id: number,
  relation: string,
): string | undefined {
  const url = objectUrl(webclientUrl, limetype, id);
  if (!url) {
    return undefined;
  }
  const [beforeHash, hash] = url.split('#', 2);
  const separator = beforeHash.includes('?') ? '&' : '?';
  const withTab = `${beforeHash}${separator}tab=${encodeURIComponent(relation)}`;
  return hash === undefined ? withTab : `${withTab}#${hash}`;
}
