"""Word lists for geocoding: US state abbreviations, demonyms, locative prepositions."""

from __future__ import annotations

# AP-style abbreviations as they appear in datelines and "City, St." appositions.
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Cal.": "California", "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware",
    "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana",
    "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska",
    "Nebr.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Oreg.": "Oregon", "Pa.": "Pennsylvania",
    "Penn.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "W. Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wisc.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}

# USPS codes: trusted only right after "City," (a bare "IN" or "OR" is a word).
US_POSTAL = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
}

# Demonyms count as (weaker) evidence for a country in the text.
DEMONYMS = {
    "american": "US", "iranian": "IR", "iraqi": "IQ", "syrian": "SY", "afghan": "AF",
    "pakistani": "PK", "indian": "IN", "israeli": "IL", "palestinian": "PS",
    "lebanese": "LB", "jordanian": "JO", "saudi": "SA", "yemeni": "YE", "egyptian": "EG",
    "libyan": "LY", "tunisian": "TN", "algerian": "DZ", "moroccan": "MA", "turkish": "TR",
    "kurdish": "IQ", "russian": "RU", "ukrainian": "UA", "british": "GB", "french": "FR",
    "german": "DE", "italian": "IT", "spanish": "ES", "nigerian": "NG", "kenyan": "KE",
    "somali": "SO", "sudanese": "SD", "ethiopian": "ET", "malian": "ML", "chinese": "CN",
    "japanese": "JP", "korean": "KR", "filipino": "PH", "philippine": "PH",
    "indonesian": "ID", "thai": "TH", "burmese": "MM", "bangladeshi": "BD", "canadian": "CA",
    "mexican": "MX", "salvadoran": "SV", "salvadorean": "SV", "guatemalan": "GT",
    "honduran": "HN", "nicaraguan": "NI", "costa rican": "CR", "panamanian": "PA",
    "colombian": "CO", "peruvian": "PE", "bolivian": "BO", "ecuadorean": "EC",
    "ecuadorian": "EC", "chilean": "CL", "argentine": "AR", "brazilian": "BR",
    "venezuelan": "VE", "cuban": "CU", "haitian": "HT", "australian": "AU",
}

# Words after which a capitalised name is probably a place.
LOCATIVE_WORDS = (
    "in", "at", "near", "outside", "from", "to", "into", "of", "around", "across", "toward",
    "towards", "IN", "AT", "NEAR", "OUTSIDE", "FROM", "TO", "INTO", "OF", "AROUND", "TOWARD",
)

# Parts of any city (and the "Metro" of "Metro Police"), and banner words: never a town,
# whatever NER says.
CITY_PART_WORDS = frozenset({
    "metro", "midtown", "downtown", "uptown", "west side", "east side", "north side",
    "south side", "northside", "southside", "eastside", "westside", "inner city",
    "sports", "weather", "traffic", "northern", "southern", "eastern", "western",
})

# Folded words that name places somewhere but are ordinary words in news text.
NON_PLACE_WORDS = frozenset({
    "office", "capital",  # "Sheriff's Office, Wisconsin", "the Guatemalan capital"
    "township", "borough", "village",
    "police", "army", "national", "the", "a", "an", "this", "that", "these", "those", "his",
    "her", "their", "our", "its", "which", "what", "all", "some", "one", "two", "three",
    "president", "government", "state", "city", "town", "county", "people", "man", "woman",
    "mayo", "may", "june", "march", "april", "august", "january", "february", "july",
    "september", "october", "november", "december", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "order",
    "force", "forces", "air force", "peace", "victoria", "democracy", "justice", "union",
    "liberty", "independence", "progress", "unity", "hope", "concord", "commerce", "industry",
    "university", "media", "press", "news", "radio", "television", "report", "reports",
    "general", "colonel", "captain", "major", "san", "santa", "san jose", "mr", "mrs", "ms",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "dr", "saint", "st", "fort", "mount", "lake", "river", "new", "north", "south", "east",
    "west", "central", "home", "hospital", "church", "school", "court", "congress", "senate",
    "assembly", "embassy", "cathedral", "palace", "center", "centre", "district", "ministry",
    "department", "province", "region", "area", "zone", "place", "the place", "paz",
    "date", "no date",  # "CLANDESTINE, NO DATE (RADIO ...) --": a wire's undated dateline
}) | CITY_PART_WORDS
