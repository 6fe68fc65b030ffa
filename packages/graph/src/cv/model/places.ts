/**
 * A small gazetteer for telling a location from an organisation in role lines ("Parcelly,
 * London", "Lumen Analytics Austin, TX"): countries, US states and large cities.
 */
const COUNTRIES =
  "UK|U.K.|United Kingdom|England|Scotland|Wales|Ireland|USA|U.S.|US|United States|Canada|Mexico|Brazil|Argentina|Chile|" +
  "France|Germany|Spain|Portugal|Italy|Netherlands|Belgium|Switzerland|Austria|Poland|Sweden|Norway|Denmark|Finland|" +
  "Greece|Turkey|Israel|India|China|Japan|Singapore|Australia|New Zealand|South Africa|Nigeria|Kenya|Egypt|UAE";
const STATES =
  "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|BC|QC";
const CITIES =
  "London|Manchester|Leeds|Bristol|Cardiff|Edinburgh|Glasgow|Aberdeen|Bath|Oxford|Cambridge|Birmingham|Liverpool|Belfast|Dublin|" +
  "Paris|Lyon|Marseille|Berlin|Munich|Hamburg|Madrid|Barcelona|Lisbon|Porto|Milan|Turin|Rome|Amsterdam|Rotterdam|Brussels|Zurich|Geneva|" +
  "Vienna|Warsaw|Krakow|Prague|Stockholm|Oslo|Copenhagen|Helsinki|Athens|Istanbul|Tel Aviv|Bangalore|Bengaluru|Mumbai|Delhi|Tokyo|" +
  "Singapore|Sydney|Melbourne|Auckland|Toronto|Vancouver|Montreal|New York|Boston|Chicago|Austin|Houston|Dallas|Seattle|San Francisco|" +
  "Los Angeles|San Diego|Denver|Atlanta|Miami|Washington|Cape Town|Lagos|Nairobi|Dubai|Mexico City|São Paulo|Buenos Aires";
const REMOTE = "Remote|Hybrid|On-site|Onsite|Worldwide|Anywhere";

const PLACE = `(?:${CITIES}|${COUNTRIES})`;
const CITY_WORD = String.raw`\p{Lu}[\p{L}'.-]+`;
/** Two-word city names start with one of these; other cities are taken as one word. */
const CITY_PREFIX = "New|San|Santa|Los|Las|St\\.|Saint|Fort|Salt|El|Palo|Baton|Des|Grand|Little|Long|College|Cape|Port|Rio|São|Sao|Hong|Tel|Kuala|Abu|Buenos|Mexico";

/** "London", "Austin, TX", "Chicago, IL", "Lisbon, Portugal", "Remote". */
const WHOLE_PLACE = new RegExp(
  String.raw`^(?:(?:${REMOTE})(?:\s*\(.*\))?|${PLACE}|(?:(?:${CITY_PREFIX})\s+)?${CITY_WORD},\s*(?:${STATES}|${COUNTRIES})|(?:${CITIES}),\s*${CITY_WORD}(?:\s${CITY_WORD})?)$`,
  "u",
);
/** A place at the end of a longer text, joined by a space or a comma. */
const TRAILING_PLACE = new RegExp(
  String.raw`(?:^|[\s,·|–—-]+)((?:${REMOTE})|(?:(?:${CITY_PREFIX})\s+)?${CITY_WORD},\s*(?:${STATES}|${COUNTRIES})|(?:${PLACE})(?:,\s*(?:${STATES}|${COUNTRIES}))?)$`,
  "u",
);

export const isPlace = (text: string): boolean => WHOLE_PLACE.test(text.trim());

/** Splits a trailing place off a text: "Lumen Analytics Austin, TX" → ["Lumen Analytics", "Austin, TX"]. */
export function splitTrailingPlace(text: string): [rest: string, place: string | undefined] {
  const m = TRAILING_PLACE.exec(text.trim());
  if (!m || m.index === 0) return [text.trim(), undefined];
  const rest = text.trim().slice(0, m.index).replace(/[\s,·|–—-]+$/u, "");
  // "University of Leeds" is a name, not a university and a place.
  if (/\b(?:of|de|du|di|in|at|the|for)$/i.test(rest)) return [text.trim(), undefined];
  return [rest, m[1]!.trim()];
}
