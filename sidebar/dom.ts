/** Building the sidebar's DOM: every text goes in as a text node, never parsed as HTML. */

export type Child = Node | string | null | undefined | false;

/** A tiny element builder: children are nodes or text (always set as text, never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = String(v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.includes('-') || k === 'role') node.setAttribute(k, String(v));
    else if (v !== undefined && v !== false) (node as unknown as Record<string, unknown>)[k] = v;
  }
  // append makes a text node of a string: never parsed as HTML.
  node.append(...present(...children));
  return node;
}

/** Children for replaceChildren, the absent ones dropped. */
export function present(...xs: Child[]): (Node | string)[] {
  return xs.filter((x): x is Node | string => x !== null && x !== undefined && x !== false);
}

export function showError(where: HTMLElement, error: unknown): void {
  where.replaceChildren(el('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
}
