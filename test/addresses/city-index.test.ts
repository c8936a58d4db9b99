import { CityIndex } from '../../src/addresses/offline/city-index';
import type { GeoNamesCity } from '../../src/addresses/offline/geonames-city';
import { sharedCityIndex } from '../../src/addresses/offline/offline-address-provider';

let nextId = 1;
const place = (name: string, population: number, overrides: Partial<GeoNamesCity> = {}): GeoNamesCity => ({
  cityId: nextId++,
  name,
  country: 'PL',
  featureCode: 'PPL',
  adminCode: '',
  population,
  loc: { coordinates: [0, 0] },
  ...overrides,
});
const names = (index: CityIndex, text: string, limit = 10, country: string | null = null) =>
  index.search(text, limit, country).map((match) => match.name);

describe('the city index', () => {
  it('ranks a bigger place first when both names start with the text', () => {
    const index = CityIndex.build([place('Gdynia', 250_000), place('Gdańsk', 460_000)], new Map());
    expect(names(index, 'gd')).toEqual(['Gdańsk', 'Gdynia']);
  });

  it('ranks the whole name before a ten times bigger place whose name only starts with the text', () => {
    const index = CityIndex.build([place('Parisville', 200_000), place('Par', 25_000)], new Map());
    expect(names(index, 'par')).toEqual(['Par', 'Parisville']);
  });

  it('ranks a match at the start of a name before a match of a later word in a bigger place', () => {
    const index = CityIndex.build([place('Zielona Góra', 140_000), place('Góra', 12_000)], new Map());
    expect(names(index, 'gora')).toEqual(['Góra', 'Zielona Góra']);
  });

  it('finds a place under an alias and shows the alias that was typed', () => {
    const warsaw = place('Warsaw', 1_700_000);
    const index = CityIndex.build([warsaw], new Map([[warsaw.cityId, ['Warszawa']]]));
    expect(names(index, 'warsz')).toEqual(['Warszawa']);
  });

  it('shows the GeoNames name when it and an alias match equally well, and the place once', () => {
    const warsaw = place('Warsaw', 1_700_000);
    const index = CityIndex.build([warsaw], new Map([[warsaw.cityId, ['Warszawa']]]));
    expect(names(index, 'wars')).toEqual(['Warsaw']);
  });

  it('writes a name as its alias does when both fold alike', () => {
    const bielsko = place('Bielsko-Biala', 170_000);
    const index = CityIndex.build([bielsko], new Map([[bielsko.cityId, ['Bielsko-Biała']]]));
    expect(names(index, 'bielsko biala')).toEqual(['Bielsko-Biała']);
  });

  it.each(['PPLX', 'PPLH', 'PPLQ', 'PPLW'])('leaves out places that are no address (%s)', (featureCode) => {
    const index = CityIndex.build([place('Mokotów', 200_000, { featureCode })], new Map());
    expect(names(index, 'mokot')).toEqual([]);
  });

  it('keeps to the country asked for', () => {
    const index = CityIndex.build([place('Berlin', 3_500_000, { country: 'DE' }), place('Berlinek', 500)], new Map());
    expect(names(index, 'berlin', 10, 'PL')).toEqual(['Berlinek']);
  });

  it('answers nothing for blank text', () => {
    const index = CityIndex.build([place('Gdańsk', 460_000)], new Map());
    expect(names(index, ' - ')).toEqual([]);
  });

  it('answers exactly what a scan of every name answers, on the real places', () => {
    const index = sharedCityIndex();
    const prefixes = ['a', 'gd', 'lodz', 'wars', 'san ', 'new y', 'york', 'par', 'mün', 'zielona', 'gora', 'st', 'los an', 'kr', 'x'];
    for (const prefix of prefixes) {
      for (const country of [null, 'PL', 'US']) {
        const ids = (matches: ReturnType<CityIndex['search']>) => matches.map((match) => `${match.city.cityId}:${match.name}`);
        expect(ids(index.search(prefix, 20, country))).toEqual(ids(index.scan(prefix, 20, country)));
      }
    }
  });
});
