/**
 * Pagination for every list call: follow the token until the service stops returning one.
 * A token that repeats is treated as the end (a defensive stop against a looping endpoint).
 */
export async function paginate<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[] | undefined; next?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    out.push(...(page.items ?? []));
    token = page.next || undefined;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return out;
}
