import { containsPattern, foldText, searchTerms } from '../../projections/search-text';

describe('folding text for search and sorting', () => {
  it.each([
    ['Łódź', 'lodz'],
    ['ŻÓŁĆ gęślą jaźń', 'zolc gesla jazn'],
    ['Müller', 'muller'],
    ['Straße', 'strasse'],
    ['Søren Ærø', 'soren aero'],
    ['  Renée   DUBOIS ', 'renee dubois'],
    ['ﬁrma', 'firma'],
  ])('folds %p to %p', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });

  it('splits a search into distinct folded words', () => {
    expect(searchTerms('  Jan  KOWALSKI jan ')).toEqual(['jan', 'kowalski']);
    expect(searchTerms('')).toEqual([]);
  });

  it("escapes LIKE's wildcards so they match themselves", () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
