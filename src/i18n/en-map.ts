/** English strings of the map, registered by its elements (a chunk of their own in the script build). */
export const enMap = {
  'map.label': 'Entries by country',
  'map.table': 'Table view',
  'map.international': 'International / global',
  'map.legend': 'Number of entries',
  'map.selected': 'Selected countries',
  'map.none': 'None',
  'map.country': 'Country',
  'map.region': 'Region',
  'map.count': 'Entries',
  'map.countryCount': '{country}: {n, plural, one {# entry} other {# entries}}',
  'map.loading': 'Loading map…',
  'map.loadError': 'The map could not be loaded. The table view still works.',
  'map.tableEmpty': 'No country has entries for this search.',
  'map.instructions': 'Use the arrow keys to move between countries, Enter to select, or type a country name.',
  'map.selectedState': 'selected',
} as const;
