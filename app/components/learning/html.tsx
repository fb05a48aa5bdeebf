/** Markup rendered on the server from a published, schema-checked version. */
export function Html({ html, as: Tag = "div", className }: { html: string; as?: "div" | "span"; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server from the published, schema-checked version
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
