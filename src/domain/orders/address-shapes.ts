/**
 * What a delivery address is made of, as the address rules recognise it: a postal code, a street, a country line, and
 * the words that mark the billing address instead. Shared by the labelled rules (delivery-address.ts), the rules for an
 * address in a sentence (address-in-prose.ts) and the address's bounds (address-bounds.ts).
 */

/**
 * A postal code: French (5 digits), British, American ("WA 98121"), Canadian ("H3G 1P1"), Irish ("R51 X2Y7", its
 * last four with a letter), and the four digits of a
 * Belgian, Swiss or Luxembourg town ("4000 Liège", "1204 Genève"; never a year); Singapore's six figures after its
 * name ("Singapore 018956"), Luxembourg's "L-2721" (and a Swiss, Belgian or Austrian code so prefixed, "CH-1204 Genève"), and Malta's three letters and four figures after a town in lower
 * case ("Valletta VLT 1450", "St Julian's STJ 3301": never a reference such as "REF 1014" opening a line); the four
 * figures after a town that closes a line after a comma, as New Zealand and South Africa write them ("…, Epsom, Auckland
 * 1023", "Devonport, Auckland 0624", "Riverside Road, Durban North 4051", or the
 * sentence: "…, Auckland 1010.", or a note in brackets after it: "…, Christchurch 8041 (ring the bell)"; never a year, nor a suite's or a unit's number: "Northstar Wire, Suite 1410"), and after a comma as South Africa also writes them ("Sandton, 2196"), or alone with its town on a block's line ("Auckland
 * 1010" under "10 Queen Street"); six figures after a town that end
 * a clause, as India and Singapore write them ("Nagpur 440001.", "Pune 411001,"); Dublin's postal districts ("Dublin 18");
 * a New Zealand or Australian code that reads like a year ("…, 22 Ormiston Road, East Tamaki, Auckland 2013") only after
 * a numbered street, a suburb and the town, each after a comma; a Swiss or Belgian code that reads like a year right after its street's number ("route de la Télécabine 1, 1936 Verbier").
 */
export const POSTAL_LINE = /\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}|[A-Z]\d[A-Z] ?\d[A-Z]\d|(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}|(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT) \d{4}|Singapore \d{6}|Dublin (?:1\d|2[0-4]|6W|[1-9])|(?<=\p{Lu}\p{Ll}+ )[1-9]\d{5}(?=\s*(?:$|[,.;(]))|(?<=\b(?:rue|route|avenue|chemin|strasse|straße|weg|via|place|quai) [^,\d\n]{2,40} \d{1,4}[a-z]?, )(?:19|20)\d\d(?= \p{Lu}\p{Ll})|L-\d{4}|(?:CH|B|A)-[1-9]\d{3}(?= \p{Lu})|(?<=[\p{Ll}]['’s]* )[A-Z]{3} \d{4}|(?<=,\s*(?:\p{Lu}[\p{Ll}'’-]+ ){1,3})(?<!\b(?:Suite|Unit|Units|Floor|Level|Room|Office|Box|Bay|Dock|Apt|Apartment|Building|Block|Gate|Door|Stand|Hall|Studio|Store|Shed|Bureau|Porte|Bâtiment|Salle|Local|Lot|Quai|Bureau|Case|Boîte|Pier|Berth|Warehouse|Hangar|Entrepôt) )(?!(?:19|20)\d\d\b)\d{4}(?=\s*(?:$|\.\s*$|\.\s+[A-Z]|[-–—]\s|\s\((?!\d))|\s(?:thanks|thank you|cheers|ta|please|pls|merci|roller|door|gate|side|rear|back|round|ring|call|buzz|entrance|dock|after|before)\b)|(?<=\b\p{Lu}[\p{Ll}'’-]+,\s)(?!(?:19|20)\d\d\b)\d{4}(?=\s*(?:$|\.\s*$|\.\s+[A-Z]|[-–—]\s))|(?<=^\s*(?!(?:Suite|Unit|Units|Floor|Level|Room|Office|Box|Bay|Dock|Apt|Apartment|Building|Block|Gate|Door|Stand|Hall|Studio|Store|Shed|Bureau|Porte|Bâtiment|Salle|Local|Lot|Quai|Case|Pier|Berth|Warehouse|Hangar|Entrepôt|Invoice|Order|Ref|PO|Item)\b)(?:\p{Lu}[\p{Ll}'’-]+ ){1,3})(?!(?:19|20)\d\d\b)\d{4}(?=\s*$))\b|(?<=\b\d{1,4}[a-z]? (?:\p{Lu}\p{Ll}+ ){1,3}(?:Road|Street|Avenue|Drive|Lane|Way|Place|Crescent|Terrace|Rd|St|Ave|Dr|Pl),(?: \p{Lu}[\p{Ll}'’-]+){1,3},(?: \p{Lu}[\p{Ll}'’-]+){1,2} )(?:19|20)\d\d(?=\s*(?:$|[.,]|\s(?:thanks|thank you|cheers|ta|please|pls|merci|roller|door|gate|side|rear|back|round|ring|call|buzz|entrance|dock|after|before)\b))|(?<=\b(?:Road|Street|Avenue|Drive|Lane|Way|Rd|St|Ave) (?:[A-Z][a-z]+ ){1,3})(?!(?:19|20)\d\d\b)[1-9]\d{3}(?=\s*(?:$|[.,]|\s(?:thanks|thank you|cheers|ta|please|pls|merci|roller|door|gate|side|rear|back|round|ring|call|buzz|entrance|dock|after|before)\b))|(?<![\d.,/-])(?!(?:19|20)\d\d\b)[1-9]\d{3} (?=\p{Lu}\p{Ll})(?!(?:\p{Lu}[\w\p{L}'-]* ){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Lane|Ln|Way|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Park|Square|Terrace|Parkway|Highway|Hwy)\b)/u
/** A country written under the town ("Belgique", "Switzerland") or after it ("…, NS B0W 1P0, Canada"): part of a foreign address. */
export const COUNTRY = "(?:belgique|belgium|suisse|switzerland|schweiz|luxembourg|canada|france|germany|allemagne|deutschland|italie|italy|espagne|spain|pays-bas|netherlands|ireland|irlande|united kingdom|royaume-uni|malta|malte|singapore|singapour|usa|united states|south africa|afrique du sud|new zealand|nouvelle-z[ée]lande|australia|australie|india|inde)"
export const COUNTRY_LINE = new RegExp(`^${COUNTRY}$`, "i")
/** A postal code that names its country by its shape: British, American (state and ZIP), Canadian, Irish (Eircode). */
export const SELF_COUNTRY_CODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})\b/
export const STREET = /\b(?:\d{1,4}[a-z]?,?\s+(?:(?:[a-z][\w'’-]+|\d{1,3}(?:st|nd|rd|th))\s+){1,3}(?:road|rd|street|lane|ln|avenue|ave|way|drive|close|court|row|terrace|crescent|gardens|grove|rise|walk|vale|circle|parade|boulevard|blvd|quay|wharf|pier|highway|hwy|parkway|pkwy|plaza|square|mews|place|st)\b|(?:rue|avenue|chauss[ée]e|boulevard|place|quai|chemin|route|all[ée]e|impasse|strasse|straße|weg|via|calle) [^\d,\n]{2,40} \d{1,4}\b|\d{1,4}(?:\s?(?:bis|ter|b))?,?\s+(?:rue|avenue|av\.?|bd|boulevard|all[ée]e|chemin|impasse|place|quai|route|(?:traverse|mont[ée]e|sentier|ruelle|voie|promenade|faubourg)\b|zone|za|zi|cours|square|lotissement|parc|road|street|st\.?|lane|avenue|way|drive|park|court|close|industrial)|zone (?:industrielle|artisanale|d'activit[ée]s?)|za |zi |unit \d|parc d'activit)/i
/** A street that starts on its number ("12 rue de la Gare", "3 place Hervo", "22 Main St"), never "sur place à la … 4". */
export const NUMBERED_STREET = /\b\d{1,4}(?:\s?(?:bis|ter|b))?,?\s+(?:rue|avenue|av\.?|bd|boulevard|all[ée]e|chemin|impasse|place|quai|route|traverse|mont[ée]e|sentier|ruelle|voie|promenade|faubourg|cours|square|road|street|st\.?|lane|way|drive)\b/i
/**
 * A street named without a number, between commas, before the postal code: "…, rue des Maraîchers, 44300 Nantes",
 * "…, entrée rue Nationale, 59200 Tourcoing" (the way in by that street),
 * "…, lieu-dit Lamothe, 32190 Vic-Fezensac", "…, Ropewalk Lane, Nottingham NG1 5DT" (a building site, a hamlet).
 */
export const STREET_BARE = /(?:^|,\s*)(?:(?:entr[ée]e|acc[èe]s|portail)(?: (?:par|c[ôo]t[ée]))? )?(?:rue|avenue|chemin|route|impasse|all[ée]e|quai|boulevard|place|cours|esplanade|parvis|lieu[- ]dit|hameau)\s+[^,\d:]{2,40},|(?:^|,\s*)(?:\p{Lu}[\p{L}'’-]+\s){1,3}(?:Lane|Road|Street|Way|Drive|Close|Avenue|Pier|Quay|Wharf)\s*,/u
export const streetOf = (text: string): boolean => STREET.test(text) || (STREET_BARE.test(text) && POSTAL_LINE.test(text))
/** A numberless street in the very sentence that delivers ("… qu'il faut livrer mais aux gîtes : Gîtes du Moulin, lieu-dit …"). */
export const streetBareDelivered = (line: string): boolean => line.split(/(?<=[.?!])\s+/).some((sentence) => /\b(?:livr|deliver|ship)/i.test(sentence) && STREET_BARE.test(sentence) && POSTAL_LINE.test(sentence))
export const BILLING = /\b(?:factur\w*|invoice|invoicing|billing|bill to|si[èe]ge|registered|head office)\b/i
