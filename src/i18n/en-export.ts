/** English strings of the export, registered by its elements (a chunk of their own in the script build). */
export const enExport = {
  'export.csv': 'Export CSV',
  'export.json': 'Export JSON',
  'export.progress': 'Exporting {done} of {total}…',
  'export.cancel': 'Cancel export',
  'export.capped': 'Only the first {n} entries are exported.',
  'export.label': 'Export the results',
  'export.failed': 'The export could not be completed.',
  'export.cancelled': 'Export cancelled.',
} as const;
