/** The name of the registry the widget script lends to its extras file; the build maps imports to it too. */
export const sharedKeyName = (version: string): string => `wsis-stocktaking.shared@${version}`;
