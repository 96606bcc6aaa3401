// A list's filter bar: the country, area and benchmark fields (Material's select, which a page
// without filters must not load) and the filter form's value as the list loads it.
export { controlValue, filterValues, PlaceFilters, placeAreas } from './lib/filters/place-filters';
