/** "Title (name)" where a title says more than the name, else the name. */
export function titleAndName(item: { name: string; title?: string }): string {
  const { name, title } = item;
  return title && title !== name ? `${title} (${name})` : name;
}
