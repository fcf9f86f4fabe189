/**
The calendar's words as nodes print them: month and weekday names of the locales operators run `date`, journalctl and
the package scripts in (LANG=de_DE, fr_FR, ja_JP...), stated once for every reader of a date (grammars/syslog.ne,
pkglog.ne, cmdlog.ne; src/model/time.ts; src/ingest/discover.ts). English stays the first and fastest shape each
reader tries; these are the others.

The names are glibc's (localedata/locales/<locale>, LC_TIME abmon, ab_alt_mon, mon, alt_mon, abday, day), with the
spellings older releases printed (fr "fév", "déc" before the dotted "févr.", "déc."; es "sept"). Chinese-script months
are numbers ("3月", Korean "3월"), read as such. A new locale is a new entry here, nothing else.
*/

/** Months, January first: every spelling of each month (abbreviated and full), as the locale writes it. */
const MONTH_SPELLINGS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [["Jan"], ["Feb"], ["Mar"], ["Apr"], ["May"], ["Jun"], ["Jul"], ["Aug"], ["Sep"], ["Oct"], ["Nov"], ["Dec"]],
  // de_DE, de_AT (Jän, Jänner), de_CH.
  de: [
    ["Jan", "Jän", "Januar", "Jänner"],
    ["Feb", "Februar"],
    ["Mär", "März"],
    ["Apr", "April"],
    ["Mai"],
    ["Jun", "Juni"],
    ["Jul", "Juli"],
    ["Aug", "August"],
    ["Sep", "September"],
    ["Okt", "Oktober"],
    ["Nov", "November"],
    ["Dez", "Dezember"],
  ],
  // fr_FR (janv., févr., ...), fr_CA and fr_BE and older fr_FR (jan, fév, jui = juillet, aoû, déc).
  fr: [
    ["janv.", "jan", "janvier"],
    ["févr.", "fév", "février"],
    ["mars", "mar"],
    ["avril", "avr"],
    ["mai"],
    ["juin", "jun"],
    ["juil.", "jui", "juillet"],
    ["août", "aoû"],
    ["sept.", "sep", "septembre"],
    ["oct.", "oct", "octobre"],
    ["nov.", "nov", "novembre"],
    ["déc.", "déc", "décembre"],
  ],
  es: [
    ["ene", "enero"],
    ["feb", "febrero"],
    ["mar", "marzo"],
    ["abr", "abril"],
    ["may", "mayo"],
    ["jun", "junio"],
    ["jul", "julio"],
    ["ago", "agosto"],
    ["sep", "sept", "septiembre"],
    ["oct", "octubre"],
    ["nov", "noviembre"],
    ["dic", "diciembre"],
  ],
  // ca_ES: ab_alt_mon and alt_mon; abmon and mon add "de "/"d’" before them (MONTH_GENITIVE).
  ca: [
    ["gen.", "gener"],
    ["febr.", "febrer"],
    ["març"],
    ["abr.", "abril"],
    ["maig"],
    ["juny"],
    ["jul.", "juliol"],
    ["ag.", "agost"],
    ["set.", "setembre"],
    ["oct.", "octubre"],
    ["nov.", "novembre"],
    ["des.", "desembre"],
  ],
  it: [
    ["gen", "gennaio"],
    ["feb", "febbraio"],
    ["mar", "marzo"],
    ["apr", "aprile"],
    ["mag", "maggio"],
    ["giu", "giugno"],
    ["lug", "luglio"],
    ["ago", "agosto"],
    ["set", "settembre"],
    ["ott", "ottobre"],
    ["nov", "novembre"],
    ["dic", "dicembre"],
  ],
  pt: [
    ["jan", "janeiro"],
    ["fev", "fevereiro"],
    ["mar", "março"],
    ["abr", "abril"],
    ["mai", "maio"],
    ["jun", "junho"],
    ["jul", "julho"],
    ["ago", "agosto"],
    ["set", "setembro"],
    ["out", "outubro"],
    ["nov", "novembro"],
    ["dez", "dezembro"],
  ],
  // pl_PL: abmon, mon (genitive: "3 marca") and alt_mon.
  pl: [
    ["sty", "stycznia", "styczeń"],
    ["lut", "lutego", "luty"],
    ["mar", "marca", "marzec"],
    ["kwi", "kwietnia", "kwiecień"],
    ["maj", "maja"],
    ["cze", "czerwca", "czerwiec"],
    ["lip", "lipca", "lipiec"],
    ["sie", "sierpnia", "sierpień"],
    ["wrz", "września", "wrzesień"],
    ["paź", "października", "październik"],
    ["lis", "listopada", "listopad"],
    ["gru", "grudnia", "grudzień"],
  ],
  nl: [
    ["jan", "januari"],
    ["feb", "februari"],
    ["mrt", "maart"],
    ["apr", "april"],
    ["mei"],
    ["jun", "juni"],
    ["jul", "juli"],
    ["aug", "augustus"],
    ["sep", "september"],
    ["okt", "oktober"],
    ["nov", "november"],
    ["dec", "december"],
  ],
};

/** Weekdays (any order: a weekday is read, never used). */
const WEEKDAY_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  de: ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa", "Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
  // fr_FR (dotted), fr_CA, fr_BE and older fr_FR (without the dot).
  fr: [
    "dim.",
    "lun.",
    "mar.",
    "mer.",
    "jeu.",
    "ven.",
    "sam.",
    "dim",
    "lun",
    "mar",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dimanche",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
  ],
  es: ["dom", "lun", "mar", "mié", "jue", "vie", "sáb", "domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
  ca: ["dg.", "dl.", "dt.", "dc.", "dj.", "dv.", "ds.", "diumenge", "dilluns", "dimarts", "dimecres", "dijous", "divendres", "dissabte"],
  it: ["dom", "lun", "mar", "mer", "gio", "ven", "sab", "domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
  pt: ["dom", "seg", "ter", "qua", "qui", "sex", "sáb", "domingo", "segunda", "terça", "quarta", "quinta", "sexta", "sábado"],
  pl: ["nie", "pon", "wto", "śro", "czw", "pią", "sob", "niedziela", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota"],
  nl: ["zo", "ma", "di", "wo", "do", "vr", "za", "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
};

/** English months, as Serviceguard, Raid Manager and the C locale print them. */
export const ENGLISH_MONTHS: readonly string[] = MONTH_SPELLINGS.en.map((spellings) => spellings[0]);
/** English weekdays, Monday first. */
export const ENGLISH_WEEKDAYS: readonly string[] = WEEKDAY_SPELLINGS.en;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The spelling and, for a lower-case one, its capitalized form (a name at the start of a sentence, a script's habit). */
const cases = (name: string): string[] => (name[0] === name[0].toLowerCase() ? [name, name[0].toUpperCase() + name.slice(1)] : [name]);
/** An alternation of names, longest first (so "juil." is not read as "jui"), as a regular expression's source. */
const alternation = (names: Iterable<string>): string =>
  [...new Set([...names].flatMap(cases))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join("|");

const MONTH_BY_NAME = new Map<string, number>();
for (const [locale, months] of Object.entries(MONTH_SPELLINGS)) {
  months.forEach((spellings, index) => {
    for (const spelling of spellings) {
      const key = spelling.toLowerCase();
      const known = MONTH_BY_NAME.get(key);
      if (known !== undefined && known !== index + 1) throw new Error(`calendar: "${spelling}" (${locale}) names two months`);
      MONTH_BY_NAME.set(key, index + 1);
    }
  });
}
const localMonthNames = Object.entries(MONTH_SPELLINGS)
  .filter(([locale]) => locale !== "en")
  .flatMap(([, months]) => months.flat());

/** Catalan's genitive before a month ("24 de març", "d’abr."), which abmon and mon print. */
const MONTH_GENITIVE = "(?:de[ \\t]+|d[’'])";
/** A month number in Chinese script: " 3月" (abmon pads it with a space), "12月", Korean "3월". */
const CJK_MONTH = "(?:1[0-2]|0?[1-9])[月월]";

/**
A localized month name (not the English ones) as a regular expression's source, without capture groups (moo's lexers
take none): the names a journal's or a package log's stamp starts with ("Mai 15 08:00:33", "févr. 10 14:03:32",
" 3月 07 08:03:06": abmon, padded). Its month: monthNumber.
*/
export const LOCAL_MONTH = `(?:${MONTH_GENITIVE}?(?:${alternation(localMonthNames)})|[ ]?${CJK_MONTH})`;

/** A localized weekday name (English ones excluded), as LOCAL_MONTH. */
export const LOCAL_WEEKDAY = `(?:${alternation(
  Object.entries(WEEKDAY_SPELLINGS)
    .filter(([locale]) => locale !== "en")
    .flatMap(([, names]) => names),
)})`;

/** The month (1-12) a name or a Chinese-script month says ("Mär", "févr.", "de març", " 3月"), undefined when none. */
export function monthNumber(name: string): number | undefined {
  const text = name.trim().replace(/^(?:de[ \t]+|d[’'])/i, "");
  const cjk = /^(\d{1,2})[月월]$/.exec(text);
  if (cjk !== null) {
    const month = Number(cjk[1]);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  return MONTH_BY_NAME.get(text.toLowerCase());
}

// The pieces of a localized `date` output (glibc's date_fmt per locale).
const S = "[ \\t]+";
const S0 = "[ \\t]*";
const DAY = "(?:3[01]|[12]\\d|0?[1-9])";
const TIME = "(?:[01]?\\d|2[0-3]):[0-5]\\d:[0-5]\\d";
const ZONE = "(?:[A-Za-z][A-Za-z0-9+:-]*|[+-]\\d\\d(?::?\\d\\d)?)";
const WEEKDAY = `(?:${LOCAL_WEEKDAY}|${alternation(ENGLISH_WEEKDAYS)})`;
const CJK_WEEKDAY = "[日月火水木金土일월화수목금토](?:曜日|요일)?";
// Named groups for reading; the lexers get the same source with plain groups (localDateOutputSource).
const group = (name: string, source: string): string => `(?<${name}>${source})`;

/**
The shapes of `date` outside the C locale, each a whole stamp (weekday and zone optional, as the locale prints them):
- day first, year last (de: "%a %-d. %b %H:%M:%S %Z %Y"):        Do 12. Mär 07:45:02 CET 2026
- day first, year before the time (fr, es, it, pt, pl, ca, nl, de_AT: "%a %d %b %Y %T %Z" and its kin):
                                                                   jeu. 12 mars 2026 04:20:30 CET, sab 9 mag 2026, 05:33:04, CEST,
                                                                   wto, 3 mar 2026, 07:58:05 CET, dimarts, 24 de març de 2026, 11:19:38 CET
- the C order with localized names (older es, fr: "%a %b %e %H:%M:%S %Z %Y"): mar may 19 13:58:38 CEST 2026
- year, month, day in Chinese script (ja: "%Y年 %b %e日 %A %H:%M:%S %Z", older "%H時%M分%S秒"; ko "2026년 4월 3일"):
                                                                   2026年  3月 12日 木曜日 04:20:30 JST
- Korean dotted (ko: "%Y. %m. %d. (%a) %H:%M:%S %Z"):           2026. 04. 03. (금) 00:58:40 KST
*/
const dateShapes = (weekday: string, month: string, localWeekday: string): string[] => [
  `(?:${weekday},?${S})?${group("day", DAY)}\\.?${S}${group("month", month)}${S}${group("time", TIME)}(?:${S}${group("zone", ZONE)})?${S}${group("year", "\\d{4}")}`,
  `(?:${weekday},?${S})?${group("day", DAY)}\\.?${S}${group("month", month)}(?:${S}de)?${S}${group("year", "\\d{4}")},?${S}${group("time", TIME)},?(?:${S}${group("zone", ZONE)})?`,
  `(?:${localWeekday}${S})?${group("month", month)}${S}${group("day", DAY)}${S}${group("time", TIME)}(?:${S}${group("zone", ZONE)})?${S}${group("year", "\\d{4}")}`,
  `${group("year", "\\d{4}")}[年년]${S0}${group("month", CJK_MONTH)}${S0}${group("day", DAY)}[日일]${S0}(?:[(（]?${CJK_WEEKDAY}[)）]?${S0})?${group("time", `${TIME}|\\d{1,2}時\\d{1,2}分\\d{1,2}秒`)}(?:${S}${group("zone", ZONE)})?`,
  `${group("year", "\\d{4}")}\\.${S0}${group("month", "1[0-2]|0?[1-9]")}\\.${S0}${group("day", DAY)}\\.${S0}(?:[(（]${CJK_WEEKDAY}[)）]${S0})?${group("time", TIME)}(?:${S}${group("zone", ZONE)})?`,
];
const DATE_SHAPES = dateShapes(WEEKDAY, LOCAL_MONTH, LOCAL_WEEKDAY);

/**
A name's shape for the lexers (a word of Latin letters, accented ones included, and an abbreviation's dot): the lexers
that look for a localized date take any such word where a weekday or month name stands, and readLocalDate then checks
the names against the table. The table's few hundred names as one alternation made each lexer's regular expression
some 10 KB, compiled in about 30 ms each, several times at every start (issue 14's start-up).
*/
const NAME_SHAPE = "[A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F][A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u017F]{0,11}\\.?";
const LEXER_DATE_SHAPES = dateShapes(NAME_SHAPE, `(?:${MONTH_GENITIVE}?${NAME_SHAPE}|[ ]?${CJK_MONTH})`, NAME_SHAPE);

/** The shapes' source without capture groups, for a lexer (one alternation, no flag needed). */
export const LOCAL_DATE_OUTPUT = `(?:${LEXER_DATE_SHAPES.map((shape) => shape.replace(/\(\?<[a-z]+>/g, "(?:")).join("|")})`;

const DATE_SHAPE_PATTERNS = DATE_SHAPES.map((shape) => new RegExp(`^(?:${shape})$`, "u"));

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The zone's name as printed ("CET", "JST"). */
  zoneName?: string;
  /** A numeric zone's offset, minutes east of UTC ("-03"). */
  utcOffset?: number;
}

/** A localized `date` output (LOCAL_DATE_OUTPUT, the whole text) read, or null. */
export function readLocalDate(text: string): LocalDate | null {
  for (const pattern of DATE_SHAPE_PATTERNS) {
    const groups = pattern.exec(text.trim())?.groups;
    if (groups === undefined) continue;
    const month = /^\d+$/.test(groups.month) ? Number(groups.month) : monthNumber(groups.month);
    if (month === undefined) continue;
    const [hour, minute, second] = groups.time.split(/[:時分秒]/).map(Number);
    const date: LocalDate = { year: Number(groups.year), month, day: Number(groups.day), hour, minute, second };
    const zone = groups.zone;
    const numeric = zone === undefined ? null : /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
    if (numeric !== null) {
      if (Number(numeric[2]) <= 14 && Number(numeric[3] ?? 0) < 60)
        date.utcOffset = (numeric[1] === "-" ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
    } else if (zone !== undefined) {
      date.zoneName = zone;
    }
    return date;
  }
  return null;
}
