/** The name others see on a shared map: asked once, kept in this browser. */
export const NAME_KEY = 'asset-map:name';

export function readName(): string | undefined {
  try {
    return localStorage.getItem(NAME_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
