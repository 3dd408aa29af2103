/** English strings of the entry detail, registered by its elements (a chunk of their own in the script build). */
export const enDetail = {
  'entry.close': 'Close',
  'entry.details': 'Entry details',
  'entry.organization': 'Organization',
  'entry.entityType': 'Stakeholder type',
  'entry.countries': 'Countries',
  'entry.regions': 'Regions',
  'entry.status': 'Status',
  'entry.years': 'Years',
  'entry.website': 'Website',
  'entry.websiteUnreachable': 'website unreachable when last checked on {date}',
  'entry.updated': 'Last updated',
  'entry.prize': 'WSIS Prizes',
  'entry.prizeValue': '{status}, {year}',
  'entry.shareLink': 'Link to this entry',
  'entry.update': 'Update this entry',
} as const;
