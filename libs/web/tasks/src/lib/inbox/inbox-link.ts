/** An inbox item's link (`/benchmarks/RS-24-MIG-01?tab=dialogue`) as a router link takes it: the path, and the query apart. */
export function inboxLink(link: string): { path: string; query: Record<string, string> } {
  const [path, query = ''] = link.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(query)) };
}
