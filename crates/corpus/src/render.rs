//! The per-report context that fills template slots, and the renderer.

use crate::date::{Date, MONTHS, MONTHS_AP};
use crate::rng::Rng;
use crate::vocab::{
    Group, Names, Org, Place, Role, Theatre, Topic, AID_KINDS, ANALYST_PLACES, DRUGS,
    RESIDENT_KINDS, UNHCR, UNODC,
};

/// A person (or unnamed source) the report quotes: full form on first mention, short after.
#[derive(Debug, Clone)]
struct Speaker {
    full: String,
    short: String,
    pronoun: &'static str,
    /// What to call the speaker in passing: "the spokesman".
    generic: &'static str,
}

// Bits of `Ctx::introduced`.
const SP: u16 = 1;
const SP2: u16 = 1 << 1;
const DEN: u16 = 1 << 2;
const ORGSP: u16 = 1 << 3;
const AN: u16 = 1 << 4;
const RES: u16 = 1 << 5;
const AID: u16 = 1 << 6;
const GROUP: u16 = 1 << 7;
const ORG: u16 = 1 << 8;

/// Everything one report's templates can refer to, drawn once per report so that the
/// whole report stays consistent (the same town, speaker, group and figures throughout).
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    pub(crate) theatre: &'static Theatre,
    pub(crate) outlet: &'static str,
    pub(crate) published: Date,
    pub(crate) curly: bool,
    home: Place,
    home2: Place,
    away: Place,
    crossing: &'static str,
    group: Group,
    org: Org,
    org_city: &'static str,
    ex_force: &'static str,
    ex_name: &'static str,
    water_project: &'static str,
    since: &'static str,
    sp: Speaker,
    sp2: Speaker,
    den: Speaker,
    orgsp: Speaker,
    an: Speaker,
    res: Speaker,
    aid: Speaker,
    introduced: u16,
    /// Draws the `{a|b}` alternatives.
    alt: Rng,
    // Dates, as phrases.
    day: String,
    day_name: &'static str,
    day_full: String,
    month: String,
    month_prev: String,
    last_week: &'static str,
    past: &'static str,
    past_short: &'static str,
    end_day: &'static str,
    funeral_day: String,
    reopen: String,
    next_meeting: &'static str,
    // Figures.
    killed: String,
    killed_cap: String,
    wounded: String,
    wounded_civ: String,
    detained: String,
    detained_cap: String,
    detained_year: String,
    fighters_plain: String,
    fighters: String,
    fighters_local: String,
    fighters_old: String,
    infiltrators: &'static str,
    attempts: String,
    kg: String,
    kg2: String,
    tonnes: String,
    tonnes2: String,
    drug: &'static str,
    drug2: &'static str,
    pct: String,
    per_day: String,
    per_day_cap: String,
    deported: String,
    returned_total: String,
    troops: String,
    vehicles: String,
    vehicles_small: &'static str,
    incidents: String,
    prev_incidents: String,
    share: String,
    hectares: String,
    group_size: String,
    prevented: String,
    min_years: String,
    max_years: String,
    cash: String,
    money: String,
    nth: &'static str,
    weapons: &'static str,
    evidence: &'static str,
    cargo: &'static str,
    share_children: &'static str,
    since_campaign: &'static str,
    since_drugs: &'static str,
}

const SMALL: [&str; 13] = [
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// "6,500", "1,344".
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let groups: Vec<&[u8]> = digits.as_bytes().rchunks(3).rev().collect();
    let mut out = String::with_capacity(digits.len() + groups.len());
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Digits are ASCII.
        out.extend(group.iter().map(|&b| char::from(b)));
    }
    out
}

/// Small counts in words (news style), larger ones in digits.
fn count(n: u32) -> String {
    match SMALL.get(n as usize) {
        Some(w) if n >= 1 => (*w).to_string(),
        _ => thousands(u64::from(n)),
    }
}

/// Upper-cases the first alphabetic character.
pub(crate) fn capitalise_first(s: &mut String) {
    if let Some((i, c)) = s.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        if c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            s.replace_range(i..i + c.len_utf8(), &upper);
        }
    }
}

fn cap(s: &str) -> String {
    let mut out = s.to_string();
    capitalise_first(&mut out);
    out
}

fn strip_the(s: &str) -> &str {
    s.strip_prefix("the ").unwrap_or(s)
}

fn person(rng: &mut Rng, role: &Role, names: &Names, female: bool) -> Speaker {
    let given = if female && !names.given_f.is_empty() {
        rng.pick(names.given_f)
    } else {
        rng.pick(names.given)
    };
    let family = if female {
        feminine(rng.pick(names.family))
    } else {
        rng.pick(names.family).to_string()
    };
    let full = if role.rank.is_empty() {
        format!("{} {given} {family}", role.role)
    } else {
        format!("{} {} {given} {family}", role.role, role.rank)
    };
    Speaker {
        full,
        short: family,
        pronoun: if female { "she" } else { "he" },
        generic: role.generic,
    }
}

/// The organisation a report on `topic` most likely quotes.
fn pick_org(rng: &mut Rng, orgs: &[Org], topic: Topic) -> Org {
    match topic {
        Topic::Refugees => return UNHCR,
        Topic::Seizure if rng.chance(0.7) => return UNODC,
        Topic::Warning | Topic::Exercise => {
            for want in ["the CSTO", "the SCO"] {
                if let Some(o) = orgs.iter().find(|o| o.short == want) {
                    return *o;
                }
            }
        }
        _ => {}
    }
    rng.pick(orgs)
}

/// The feminine form of a Slavic-style family name ("Qodirov" → "Qodirova").
fn feminine(family: &str) -> String {
    if family.ends_with("ov") || family.ends_with("ev") || family.ends_with("in") {
        format!("{family}a")
    } else {
        family.to_string()
    }
}

/// Years suffixed phrases like "over the past two years".
const PASTS: &[&str] = &[
    "over the past two years",
    "in the past year",
    "over the past 18 months",
    "over the past year",
    "in recent months",
];

impl Ctx {
    /// Draws a consistent context for one report.
    pub(crate) fn new(
        rng: &mut Rng,
        theatre: &'static Theatre,
        topic: Topic,
        outlet: &'static str,
        published: Date,
    ) -> Self {
        let group = rng.pick(theatre.groups);
        let home = rng.pick(theatre.home);
        let mut home2 = rng.pick(theatre.home);
        for _ in 0..4 {
            if home2.town != home.town {
                break;
            }
            home2 = rng.pick(theatre.home);
        }
        let away = rng.pick(theatre.away);
        let crossing = rng.pick(theatre.crossings);
        let org = pick_org(rng, theatre.orgs, topic);
        let org_city = rng.pick(org.cities);

        let role = rng.pick(theatre.sp_roles);
        let sp = person(rng, &role, &theatre.names, false);
        let role = rng.pick(theatre.sp2_roles);
        let sp2 = person(rng, &role, &theatre.names, false);
        let role = rng.pick(theatre.den_roles);
        let den = person(rng, &role, &theatre.away_names, false);
        let orgsp_role = Role {
            role: rng.pick(org.roles),
            rank: "",
            generic: "the official",
        };
        let orgsp_female = rng.chance(0.4);
        let orgsp = person(rng, &orgsp_role, &org.names, orgsp_female);
        let an_female = rng.chance(0.5);
        let an_given = if an_female {
            rng.pick(theatre.names.given_f)
        } else {
            rng.pick(theatre.names.given)
        };
        let an_family = if an_female {
            feminine(rng.pick(theatre.names.family))
        } else {
            rng.pick(theatre.names.family).to_string()
        };
        let an_place = rng
            .pick(ANALYST_PLACES)
            .replace("{capital}", theatre.capital);
        let an = Speaker {
            full: if rng.chance(0.5) {
                format!("analyst {an_given} {an_family} of {an_place}")
            } else {
                format!(
                    "{}-based security analyst {an_given} {an_family}",
                    theatre.capital
                )
            },
            short: an_family.clone(),
            pronoun: if an_female { "she" } else { "he" },
            generic: "the analyst",
        };
        let has_border = theatre.has_border();
        let res_kind = loop {
            let k = rng.pick(RESIDENT_KINDS);
            if has_border || !k.contains("{crossing}") {
                break k;
            }
        };
        let res = Speaker {
            full: res_kind
                .replace("{town}", home.town)
                .replace("{crossing}", crossing),
            short: "the resident".to_string(),
            pronoun: "he",
            generic: "the resident",
        };
        let aid_kind = rng.pick(AID_KINDS);
        let aid = Speaker {
            full: aid_kind
                .replace("{town}", home.town)
                .replace("{crossing}", crossing),
            short: "the aid worker".to_string(),
            pronoun: "she",
            generic: "the aid worker",
        };

        // Dates relative to publication.
        let back = rng.range(0, 5) as i64;
        let event = published.add_days(-back.max(1));
        let day_name = event.weekday_name();
        let day = format!("on {day_name}");
        let day_full = format!("on {day_name}, {} {}", event.month_name(), event.day);
        let month = if published.month > 1 {
            let m = rng.range(1, published.month - 1);
            format!("in {}", MONTHS[(m - 1) as usize])
        } else {
            "in December".to_string()
        };
        let month_prev = if rng.chance(0.5) {
            "last year".to_string()
        } else {
            format!("in {} {}", MONTHS[rng.below(12)], published.year - 1)
        };
        let funeral = published.add_days(rng.range(0, 2) as i64);
        let funeral_day = format!("on {}", funeral.weekday_name());
        let reopen = if rng.chance(0.5) {
            format!(
                "on {}",
                published.add_days(rng.range(1, 3) as i64).weekday_name()
            )
        } else {
            "once talks between the two sides resume".to_string()
        };

        // Figures.
        let killed_n = match rng.below(10) {
            0..=5 => rng.range(2, 9),
            6..=8 => rng.range(10, 24),
            _ => rng.range(25, 60),
        };
        let wounded_n = killed_n + rng.range(1, killed_n * 2 + 2);
        let detained_n = rng.range(3, 31);
        let fighters_n = u64::from(rng.range(10, 80)) * 100;
        let fighters_local_n = fighters_n / u64::from(rng.range(2, 4));
        let fighters_plain = thousands(fighters_n);
        let fighters = match rng.below(4) {
            0 => format!("up to {fighters_plain}"),
            1 => format!("about {fighters_plain}"),
            2 => format!("more than {fighters_plain}"),
            _ => format!(
                "between {} and {fighters_plain}",
                thousands(fighters_n * 3 / 4 / 100 * 100)
            ),
        };
        let (flow_lo, flow_hi) = theatre.flow;
        let per_day_n = u64::from(rng.range(flow_lo, flow_hi)) / 10 * 10 + 10;
        let per_day = format!("more than {}", thousands(per_day_n));
        let tonnes_tenths = rng.range(5, 60);
        let pct_n = rng.range(12, 80);
        let incidents_n = rng.range(8, 60);

        let killed = count(killed_n);
        let detained = count(detained_n);
        Ctx {
            theatre,
            outlet,
            published,
            curly: rng.chance(0.5),
            home,
            home2,
            away,
            crossing,
            group,
            org,
            org_city,
            ex_force: rng.pick(theatre.ex_forces),
            ex_name: rng.pick(theatre.ex_names),
            // Work on the Qosh Tepa canal began in March 2022.
            water_project: if theatre.water_project.contains("Qosh Tepa")
                && (published.year, published.month) < (2022, 4)
            {
                "a planned Afghan irrigation canal"
            } else {
                theatre.water_project
            },
            since: {
                let fits: Vec<&'static str> = theatre
                    .since
                    .iter()
                    .copied()
                    .filter(|s| timely(s, published))
                    .collect();
                if fits.is_empty() {
                    "since the Taliban takeover"
                } else {
                    rng.pick(&fits)
                }
            },
            sp,
            sp2,
            den,
            orgsp,
            an,
            res,
            aid,
            introduced: 0,
            alt: Rng::new(rng.next_u64()),
            day,
            day_name,
            day_full,
            month,
            month_prev,
            last_week: rng.pick(&["last week", "over the past week", "in the past seven days"]),
            past: rng.pick(PASTS),
            past_short: rng.pick(&[
                "in recent days",
                "since the start of the month",
                "over the past week",
            ]),
            end_day: rng.pick(&["Friday", "Saturday", "Sunday"]),
            funeral_day,
            reopen,
            next_meeting: rng.pick(&[
                "next month",
                "later this year",
                "in the autumn",
                "in the coming weeks",
            ]),
            killed_cap: cap(&killed),
            killed,
            wounded: count(wounded_n),
            wounded_civ: count(rng.range(0, wounded_n.min(12)).max(1)),
            detained_cap: cap(&detained),
            detained,
            detained_year: thousands(u64::from(detained_n + rng.range(5, 60))),
            fighters_plain,
            fighters,
            fighters_local: format!("about {}", thousands(fighters_local_n / 100 * 100)),
            fighters_old: thousands(fighters_n * 2 / 3 / 100 * 100),
            infiltrators: rng.pick(&[
                "about 40",
                "a dozen",
                "more than 20",
                "dozens of",
                "several dozen",
                "about 15",
            ]),
            attempts: rng
                .pick(&["a dozen", "dozens of", "17", "more than 30", "several"])
                .to_string(),
            kg: format!("{} kilograms", rng.range(12, 900)),
            kg2: format!("{} kilograms", rng.range(3, 400)),
            tonnes: format!("{}.{} tonnes", tonnes_tenths / 10, tonnes_tenths % 10),
            tonnes2: format!("{}.{} tonnes", rng.range(2, 40), rng.range(0, 9)),
            drug: rng.pick(DRUGS),
            drug2: rng.pick(DRUGS),
            pct: format!("{pct_n}%"),
            per_day_cap: cap(&per_day),
            per_day,
            deported: thousands(per_day_n * u64::from(rng.range(5, 7))),
            returned_total: if flow_hi > 1000 && rng.chance(0.3) {
                format!("{}.{} million", rng.range(1, 2), rng.range(1, 9))
            } else {
                thousands(per_day_n * u64::from(rng.range(30, 200)) / 1000 * 1000)
            },
            troops: thousands(u64::from(rng.range(6, 60)) * 100),
            vehicles: thousands(u64::from(rng.range(40, 300))),
            vehicles_small: rng.pick(&["two", "three", "four", "five", "six"]),
            incidents: incidents_n.to_string(),
            prev_incidents: (incidents_n * 2 / 3).to_string(),
            share: rng
                .pick(&[
                    "between 15% and 20%",
                    "up to a quarter",
                    "about 10%",
                    "as much as a third",
                ])
                .to_string(),
            hectares: thousands(u64::from(rng.range(20, 60)) * 10_000),
            group_size: thousands(u64::from(rng.range(5, 40)) * 10),
            prevented: count(rng.range(5, 30)),
            min_years: count(rng.range(5, 9)),
            max_years: rng.range(12, 20).to_string(),
            cash: thousands(u64::from(rng.range(2, 90)) * 100),
            money: if rng.chance(0.5) {
                format!("{}.{} million dollars", rng.range(1, 40), rng.range(1, 9))
            } else {
                format!("${} million", rng.range(2, 90))
            },
            nth: rng.pick(&["second", "third", "fourth", "fifth", "sixth"]),
            weapons: rng.pick(&[
                "two Kalashnikov rifles and a pistol",
                "a machine gun, three rifles and hand grenades",
                "several assault rifles and night-vision goggles",
                "a rifle, ammunition and a satellite phone",
            ]),
            evidence: rng.pick(&[
                "what it called clear evidence",
                "documents and intercepted communications",
                "detailed intelligence",
            ]),
            cargo: rng.pick(&["onions", "coal", "dried fruit", "cement", "cotton"]),
            share_children: rng.pick(&[
                "about 60%",
                "half",
                "more than half",
                "about 40%",
                "nearly two-thirds",
            ]),
            since_campaign: rng.pick(&[
                "since September",
                "since the start of the year",
                "since the campaign began",
                "since March",
            ]),
            since_drugs: {
                let options: &[&'static str] = if published.year > 2022 {
                    &["since 2022", "over the past two years", "in two years"]
                } else {
                    &["over the past two years", "in two years"]
                };
                rng.pick(options)
            },
        }
    }

    fn quote_open(&self) -> &'static str {
        if self.curly {
            "\u{201c}"
        } else {
            "\""
        }
    }

    fn quote_close(&self) -> &'static str {
        if self.curly {
            "\u{201d}"
        } else {
            "\""
        }
    }

    fn speaker(&mut self, bit: u16) -> &str {
        let first = self.introduced & bit == 0;
        self.introduced |= bit;
        let s = match bit {
            SP => &self.sp,
            SP2 => &self.sp2,
            DEN => &self.den,
            ORGSP => &self.orgsp,
            AN => &self.an,
            RES => &self.res,
            _ => &self.aid,
        };
        if first {
            &s.full
        } else {
            &s.short
        }
    }

    /// Forgets who has been introduced (titles are rendered apart from the body).
    pub(crate) fn reset_mentions(&mut self) {
        self.introduced = 0;
    }

    /// Writes the value of `key` to `out`; `false` if the slot is unknown.
    fn write_slot(&mut self, key: &str, out: &mut String) -> bool {
        let t = self.theatre;
        let taliban = t.auth == "the Taliban";
        let v: &str = match key {
            "oq" => self.quote_open(),
            "cq" => self.quote_close(),
            "country" => t.country,
            "adj" => t.adj,
            "capital" => t.capital,
            "other" => t.other,
            "other_adj" => t.other_adj,
            "town" => self.home.town,
            "region" => self.home.region,
            "rshort" => self.home.short,
            "town2" => self.home2.town,
            "otown" => self.away.town,
            "oregion" => self.away.region,
            "crossing" => self.crossing,
            "frontier" => t.frontier,
            "frontier_title" => strip_the(t.frontier),
            "border" => t.border,
            "force" => t.force,
            "force_body" => t.force_body,
            "agency" => t.agency,
            "ministry" => t.ministry,
            "drug_agency" => t.drug_agency,
            "auth" => t.auth,
            "auth_long" => t.auth_long,
            "auth_have" => {
                if taliban {
                    "have"
                } else {
                    "has"
                }
            }
            "auth_were" => {
                if taliban {
                    "were"
                } else {
                    "was"
                }
            }
            "auth_their" => {
                if taliban {
                    "their"
                } else {
                    "its"
                }
            }
            "ministry_def" => "the Defence Ministry",
            "river" => t.river,
            "river_plain" => strip_the(t.river),
            "water_project" => self.water_project,
            "outlet" => self.outlet,
            "since" => self.since,
            "group" => {
                let first = self.introduced & GROUP == 0;
                self.introduced |= GROUP;
                if first {
                    self.group.long
                } else {
                    self.group.short
                }
            }
            "group_short" => {
                self.introduced |= GROUP;
                self.group.short
            }
            "org" => {
                let first = self.introduced & ORG == 0;
                self.introduced |= ORG;
                if first {
                    self.org.long
                } else {
                    self.org.short
                }
            }
            "org_short" => self.org.short,
            "org_abbr" => strip_the(self.org.short),
            "org_city" => self.org_city,
            "ex_forces" => self.ex_force,
            "ex_name" => self.ex_name,
            "sp" => return push(out, self.speaker(SP)),
            "sp2" => return push(out, self.speaker(SP2)),
            "den" => return push(out, self.speaker(DEN)),
            "orgsp" => return push(out, self.speaker(ORGSP)),
            "an" => return push(out, self.speaker(AN)),
            "res" => return push(out, self.speaker(RES)),
            "aid" => return push(out, self.speaker(AID)),
            "an_he" => self.an.pronoun,
            "sp_he" => self.sp.pronoun,
            "sp_generic" => self.sp.generic,
            "den_generic" => self.den.generic,
            "day" => &self.day,
            "day_short" => &self.day,
            "day_full" => &self.day_full,
            "day_night" => {
                out.push_str(&self.day);
                out.push_str(" night");
                return true;
            }
            "dayname" => self.day_name,
            "month" => &self.month,
            "month_prev" => &self.month_prev,
            "lastweek" => self.last_week,
            "past" => self.past,
            "past_short" => self.past_short,
            "end_day" => self.end_day,
            "funeral_day" => &self.funeral_day,
            "reopen" => &self.reopen,
            "next_meeting" => self.next_meeting,
            "killed" => &self.killed,
            "Killed" => &self.killed_cap,
            "wounded" => &self.wounded,
            "wounded_civ" => &self.wounded_civ,
            "detained" => &self.detained,
            "detained_cap" => &self.detained_cap,
            "detained_year" => &self.detained_year,
            "fighters" => &self.fighters,
            "fighters_plain" => &self.fighters_plain,
            "fighters_local" => &self.fighters_local,
            "fighters_local_cap" => return push_cap(out, &self.fighters_local),
            "money" => &self.money,
            "fighters_old" => &self.fighters_old,
            "infiltrators" => self.infiltrators,
            "attempts" => &self.attempts,
            "kg" => &self.kg,
            "kg2" => &self.kg2,
            "tonnes" => &self.tonnes,
            "tonnes2" => &self.tonnes2,
            "drug" => self.drug,
            "Drug" => {
                return push_cap(out, self.drug);
            }
            "org_members" => self.org.members,
            "drug2" => self.drug2,
            "pct" => &self.pct,
            "per_day" => &self.per_day,
            "per_day_cap" => &self.per_day_cap,
            "deported" => &self.deported,
            "returned_total" => &self.returned_total,
            "troops" => &self.troops,
            "vehicles" => &self.vehicles,
            "vehicles_small" => self.vehicles_small,
            "incidents" => &self.incidents,
            "prev_incidents" => &self.prev_incidents,
            "share" => &self.share,
            "hectares" => &self.hectares,
            "group_size" => &self.group_size,
            "prevented" => &self.prevented,
            "min_years" => &self.min_years,
            "max_years" => &self.max_years,
            "cash" => &self.cash,
            "nth" => self.nth,
            "weapons" => self.weapons,
            "evidence" => self.evidence,
            "cargo" => self.cargo,
            "share_children" => self.share_children,
            "share_children_cap" => return push_cap(out, self.share_children),
            "since_campaign" => self.since_campaign,
            "since_drugs" => self.since_drugs,
            "ex_name_q" => {
                let (o, c) = (self.quote_open(), self.quote_close());
                out.push_str(o);
                out.push_str(self.ex_name);
                out.push_str(c);
                return true;
            }
            // Capitalised variants, for titles and sentence starts after a quote mark.
            "auth_cap" | "auth_long_cap" | "org_short_cap" | "ex_forces_cap"
            | "drug_agency_cap" | "agency_cap" | "region_cap" | "sp_generic_cap"
            | "ex_name_cap" => {
                let base = match key {
                    "sp_generic_cap" => self.sp.generic,
                    "ex_name_cap" => self.ex_name,
                    "auth_cap" => t.auth,
                    "auth_long_cap" => t.auth_long,
                    "org_short_cap" => self.org.short,
                    "ex_forces_cap" => self.ex_force,
                    "drug_agency_cap" => t.drug_agency,
                    "agency_cap" => t.agency,
                    _ => self.home.region,
                };
                return push_cap(out, base);
            }
            _ => return false,
        };
        out.push_str(v);
        true
    }

    /// The slots this context knows: used by tests to check that every template is fillable.
    #[cfg(test)]
    pub(crate) fn knows(&mut self, key: &str) -> bool {
        let mut sink = String::new();
        self.write_slot(key, &mut sink)
    }
}

fn push_cap(out: &mut String, s: &str) -> bool {
    let start = out.len();
    out.push_str(s);
    let mut tail = out.split_off(start);
    capitalise_first(&mut tail);
    out.push_str(&tail);
    true
}

fn push(out: &mut String, s: &str) -> bool {
    out.push_str(s);
    true
}

impl Theatre {
    /// Whether the theatre's state is one of the Central Asian republics.
    pub(crate) fn central_asian(&self) -> bool {
        matches!(
            self.country,
            "Tajikistan" | "Uzbekistan" | "Turkmenistan" | "Kyrgyzstan" | "Kazakhstan"
        )
    }

    /// Whether the theatre's state borders the other side (Kyrgyzstan does not).
    pub(crate) fn has_border(&self) -> bool {
        self.country != "Kyrgyzstan"
    }
}

/// Whether a template may be used in this context: `@T` templates need the Taliban on the
/// other side, `@C` a Central Asian state, `@B` a shared border (so do templates naming a
/// crossing); `@D` denials fit stories of clashes, accusations, warnings and arrests, `@S`
/// stories of clashes and seizures, `@K` stories of clashes only.
pub(crate) fn usable(template: &str, theatre: &Theatre, topic: Topic) -> bool {
    let (flags, body) = split_flags(template);
    if flags.contains('D')
        && !matches!(
            topic,
            Topic::Clash | Topic::Accusation | Topic::Warning | Topic::Arrest
        )
    {
        return false;
    }
    if flags.contains('S') && !matches!(topic, Topic::Clash | Topic::Seizure) {
        return false;
    }
    if flags.contains('K') && topic != Topic::Clash {
        return false;
    }
    if flags.contains('T') && theatre.auth != "the Taliban" {
        return false;
    }
    if flags.contains('C') && !theatre.central_asian() {
        return false;
    }
    let needs_border = flags.contains('B') || body.contains("{crossing}");
    !needs_border || theatre.has_border()
}

/// Whether a text may appear in a report published on `published`: every year it names
/// (2000–2039) must be over by then, so a 2022 report never speaks of "late 2023".
pub(crate) fn timely(text: &str, published: Date) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let is_year = b[i] == b'2'
            && b[i + 1] == b'0'
            && (b'0'..=b'3').contains(&b[i + 2])
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit());
        if is_year {
            let year = 2000 + i32::from(b[i + 2] - b'0') * 10 + i32::from(b[i + 3] - b'0');
            if year >= published.year {
                return false;
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    true
}

/// Splits the `@XY ` flag prefix off a template.
pub(crate) fn split_flags(template: &str) -> (&str, &str) {
    match template.strip_prefix('@') {
        Some(rest) => match rest.split_once(' ') {
            Some((flags, body)) => (flags, body),
            None => ("", rest),
        },
        None => ("", template),
    }
}

/// Fills `template` into `out`, then capitalises the first letter of what was written.
/// An unknown slot is written back as `{name}`, which the tests look for.
pub(crate) fn render(template: &str, ctx: &mut Ctx, out: &mut String) {
    let (_, body) = split_flags(template);
    let start = out.len();
    fill(body, ctx, out);
    if start < out.len() {
        let mut tail = out.split_off(start);
        capitalise_first(&mut tail);
        out.push_str(&tail);
    }
}

/// One `{…}` group of a template.
enum Part<'a> {
    /// `{name}`
    Slot(&'a str),
    /// `{a|b|c}`; alternatives may themselves hold groups.
    Choice(Vec<&'a str>),
}

/// Finds the next group at or after the start of `text`: (text before it, the group, text after it).
/// `None` when there is no group; an unbalanced `{` counts as text.
fn next_group(text: &str) -> Option<(&str, Part<'_>, &str)> {
    let open = text.find('{')?;
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut bars = Vec::new();
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    let inner = &text[open + 1..i];
                    let group = if bars.is_empty() {
                        Part::Slot(inner)
                    } else {
                        let mut parts = Vec::with_capacity(bars.len() + 1);
                        let mut from = open + 1;
                        for &bar in &bars {
                            parts.push(&text[from..bar]);
                            from = bar + 1;
                        }
                        parts.push(&text[from..i]);
                        Part::Choice(parts)
                    };
                    return Some((&text[..open], group, &text[i + 1..]));
                }
            }
            b'|' if depth == 1 => bars.push(i),
            _ => {}
        }
    }
    None
}

/// Fills slots and draws alternatives, recursively, without capitalising.
fn fill(mut rest: &str, ctx: &mut Ctx, out: &mut String) {
    while let Some((before, group, after)) = next_group(rest) {
        out.push_str(before);
        match group {
            Part::Slot(key) => {
                if !ctx.write_slot(key, out) {
                    out.push('{');
                    out.push_str(key);
                    out.push('}');
                }
            }
            Part::Choice(parts) => {
                let pick = ctx.alt.below(parts.len());
                fill(parts[pick], ctx, out);
            }
        }
        rest = after;
    }
    out.push_str(rest);
}

/// Every slot name a template can ask for, in all its alternatives (for tests).
#[cfg(test)]
pub(crate) fn slot_names(template: &str) -> Vec<&str> {
    let (_, mut rest) = split_flags(template);
    let mut names = Vec::new();
    while let Some((_, group, after)) = next_group(rest) {
        match group {
            Part::Slot(key) => names.push(key),
            Part::Choice(parts) => {
                for part in parts {
                    names.extend(slot_names(part));
                }
            }
        }
        rest = after;
    }
    names
}

/// The dateline's place: the capital or the town, in capitals, sometimes with the country.
pub(crate) fn dateline_place(ctx: &Ctx, rng: &mut Rng) -> String {
    let t = ctx.theatre;
    match rng.below(5) {
        0..=2 => t.capital.to_uppercase(),
        3 => format!("{}, {}", ctx.home.town.to_uppercase(), t.country),
        _ => ctx.home.town.to_uppercase(),
    }
}

/// Fills a dateline template.
pub(crate) fn dateline(template: &str, place: &str, ctx: &Ctx) -> String {
    let d = ctx.published;
    template
        .replace("{PLACE}", place)
        .replace("{month_name}", MONTHS[(d.month - 1) as usize])
        .replace("{month_ap}", MONTHS_AP[(d.month - 1) as usize])
        .replace("{pub_day}", &d.day.to_string())
        .replace("{pub_year}", &d.year.to_string())
        .replace("{outlet}", ctx.outlet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(6500), "6,500");
        assert_eq!(thousands(1_344), "1,344");
        assert_eq!(thousands(1_500_000), "1,500,000");
    }

    #[test]
    fn alternatives_nest_and_slots_fill() {
        let mut rng = Rng::new(1);
        let theatre = &crate::vocab::THEATRES[0];
        let published = Date::from_days(19_700);
        let mut ctx = Ctx::new(&mut rng, theatre, Topic::Clash, "Pamir Courier", published);
        let mut out = String::new();
        render(
            "{in {country}|in {capital}} it was {calm|quiet}.",
            &mut ctx,
            &mut out,
        );
        assert!(
            ["In Tajikistan", "In Dushanbe"]
                .iter()
                .any(|p| out.starts_with(p)),
            "{out}"
        );
        assert!(out.ends_with("calm.") || out.ends_with("quiet."), "{out}");
        assert_eq!(slot_names("{a {b}|{c}} {d}"), vec!["b", "c", "d"]);
    }

    #[test]
    fn first_mention_is_full_then_short() {
        let mut rng = Rng::new(2);
        let theatre = &crate::vocab::THEATRES[1];
        let published = Date::from_days(19_700);
        let mut ctx = Ctx::new(
            &mut rng,
            theatre,
            Topic::Accusation,
            "Frontier Ledger",
            published,
        );
        let mut first = String::new();
        render("{group} attacked. {group} fled.", &mut ctx, &mut first);
        assert!(
            first.starts_with("The Tehrik-i-Taliban Pakistan (TTP) attacked")
                || first.starts_with("Islamic State"),
            "{first}"
        );
        assert!(first.ends_with("fled."));
        let mut a = String::new();
        render("{sp} said", &mut ctx, &mut a);
        let mut b = String::new();
        render("{sp} said", &mut ctx, &mut b);
        assert!(a.len() > b.len() && a.ends_with(&b[..]), "{a} / {b}");
    }

    #[test]
    fn flags_restrict_templates() {
        let kyrgyzstan = &crate::vocab::THEATRES[6];
        let iran_pakistan = &crate::vocab::THEATRES[3];
        assert!(!usable("@B at the border", kyrgyzstan, Topic::Arrest));
        assert!(!usable("near {crossing}", kyrgyzstan, Topic::Arrest));
        assert!(!usable("@T the Taliban", iran_pakistan, Topic::Clash));
        assert!(!usable("@D denied", iran_pakistan, Topic::Water));
        assert!(usable("@D denied", iran_pakistan, Topic::Clash));
        assert!(!usable("@C Central Asians", iran_pakistan, Topic::Clash));
        assert_eq!(split_flags("@TB text"), ("TB", "text"));
        assert_eq!(split_flags("text"), ("", "text"));
    }

    #[test]
    fn years_must_be_past() {
        let d = Date {
            year: 2023,
            month: 6,
            day: 1,
        };
        assert!(timely("the ban of April 2022", d));
        assert!(!timely("in late 2023", d));
        assert!(!timely("strikes of January 2024", d));
        assert!(timely("6,500 fighters and 12024 goats", d));
        assert!(timely("no year here", d));
    }
}
