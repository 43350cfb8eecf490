//! Sentence templates, written for this project.
//!
//! A template is plain text with `{slot}` placeholders that [`crate::render`] fills from
//! the report's context, and `{a|b|c}` alternatives of which one is drawn at random (plain
//! text only, no slots inside). Speakers (`{sp}`, `{sp2}`, `{den}`, `{orgsp}`, `{an}`,
//! `{res}`, `{aid}`), armed groups (`{group}`) and organisations (`{org}`) are introduced in
//! full the first time they appear and by a short name afterwards, so a template never
//! needs to know what came before it. `{oq}` and `{cq}` are the report's quotation marks.
//! A leading `@T ` marks a template that assumes the Taliban are the other side, `@B ` one
//! that assumes a shared border. The first letter of every sentence is capitalised after
//! filling.

use crate::vocab::Topic;

/// Templates for one topic.
pub(crate) struct TopicTemplates {
    pub(crate) titles: &'static [&'static str],
    pub(crate) leads: &'static [&'static str],
    pub(crate) details: &'static [&'static str],
    pub(crate) quotes: &'static [&'static str],
}

pub(crate) fn for_topic(topic: Topic) -> &'static TopicTemplates {
    match topic {
        Topic::Clash => &CLASH,
        Topic::Accusation => &ACCUSATION,
        Topic::Seizure => &SEIZURE,
        Topic::Refugees => &REFUGEES,
        Topic::Exercise => &EXERCISE,
        Topic::Meeting => &MEETING,
        Topic::Arrest => &ARREST,
        Topic::Warning => &WARNING,
        Topic::Water => &WATER,
    }
}

/// Every topic, for tests that must visit all templates.
#[cfg(test)]
pub(crate) const ALL_TOPICS: [Topic; 9] = [
    Topic::Clash,
    Topic::Accusation,
    Topic::Seizure,
    Topic::Refugees,
    Topic::Exercise,
    Topic::Meeting,
    Topic::Arrest,
    Topic::Warning,
    Topic::Water,
];

pub(crate) const CLASH: TopicTemplates = TopicTemplates {
    titles: &[
        "{Killed} killed in clash on {frontier_title} near {town}",
        "{adj} forces and gunmen exchange fire near {town}; {killed} dead",
        "Deadly shootout on {border}: {killed} killed, {wounded} wounded",
        "@B Border clash near {crossing} leaves {killed} dead",
        "Gunmen attack {adj} border post in {rshort}",
        "{adj} guards repel armed crossing from {other}, officials say",
    ],
    leads: &[
        "At least {killed} people were killed and {wounded} wounded when {force} clashed with an armed group near {town} in {region} {day}, {officials said|officials told reporters|according to officials|local officials said}.",
        "@B {force} exchanged fire with gunmen who tried to cross from {other}'s {oregion} {day}, leaving at least {killed} dead, {agency} said.",
        "A firefight on {border} near {town} killed {killed} people {day}, according to a statement from {force_body}, in the latest of a series of armed incidents in {region}.",
        "Gunmen attacked a border post near {town} in {region} late {day_night}, killing {killed} servicemen and wounding {wounded}, {adj} officials said.",
        "{Killed} people died and {wounded} were hurt in {a gun battle|an exchange of fire|heavy fighting} near {town} {day}, after {force} {intercepted|confronted|tried to stop} a group of armed men {close to|near|a few kilometres from} {the border|the frontier}, {agency} said.",
        "@B An armed group {crossed|tried to cross} {frontier} from {other}'s {oregion} {day} and {attacked|opened fire on} a {patrol|border post|checkpoint} near {town}, killing {killed} and wounding {wounded}, officials in {region} said.",
    ],
    details: &[
        "@B According to the statement, a patrol spotted {infiltrators} armed men moving toward {frontier} from the direction of {otown} {shortly after midnight|before dawn|in the early hours}.",
        "The attackers opened fire when ordered to stop, and the guards returned fire; the shooting lasted {more than two hours|about an hour|until daybreak}.",
        "Troops recovered {weapons} and {kg} of {drug} from the scene, {the statement said|according to the statement|the statement added}.",
        "Hospital staff in {town2} said {wounded} wounded people had been brought in, {wounded_civ} of them civilians.",
        "It was the {nth} armed incident on the same stretch of {the border|the frontier} this year, {according to figures|according to data} published by {force_body}.",
        "{Officials|Authorities} said two of the dead were {other_adj} citizens and that one attacker had been detained.",
        "Residents of villages near {town} said they heard {heavy gunfire and explosions|bursts of automatic fire|mortar rounds} for much of the night.",
        "The road between {town} and {town2} was closed to traffic until the afternoon{, and the crossing was shut for the day|, residents said|, and schools in the area did not open}.",
        "{force_body} {said|announced} it had sent reinforcements and helicopters to the area and was searching the {riverbank|hills|villages} nearby.",
        "An official who asked not to be named put the number of attackers at {infiltrators} and said {some had escaped back across the border|several were wounded|most were carrying automatic weapons}.",
        "{Two|Three|Several} of the wounded were in serious condition and had been flown to {capital}, a hospital official said.",
        "The dead included a {junior sergeant|lieutenant|conscript|border guard officer} who had been due to finish his service {next month|this summer|in the autumn}, {his family|relatives|colleagues} said.",
        "@B The clash took place on a stretch of {the border|the frontier} where {the river is shallow in summer|the terrain on the other side offers cover|villages on both banks are within sight of each other}.",
        "{Local officials|Police|Military officials} gave differing casualty figures, and the toll could not be independently confirmed.",
        "{Soldiers|Troops|Guards} {combed|searched} the {area|riverbank|surrounding hills} {through the night|until the morning|for several hours} and {found|recovered} {spent cartridges|an abandoned boat|a cache of ammunition} {near|close to} the {water's edge|post|road}.",
        "The {governor|administration} of {region} {ordered|announced} {extra patrols|a curfew in border villages|the closure of schools near the border} {after the clash|following the incident|for the rest of the week}.",
        "{Families|Residents|Farmers} in {town} said {such incidents|shooting at night|armed crossings} had become {more frequent|common|a regular occurrence} {past}.",
        "Officials said the {group of men|attackers|gunmen} {had been|were} {carrying|equipped with} {night-vision equipment|radios and grenades|modern rifles}, which {suggested|indicated|showed} {outside support|a well-funded organisation|military training}.",
        "{A|One} {wounded|captured} {attacker|gunman} was {being questioned|in custody|under guard in hospital}, {officials said|according to officials|the statement said}.",
    ],
    quotes: &[
        "{oq}Our servicemen acted in full accordance with the law. The violators were warned and chose to shoot,{cq} {sp} told reporters in {capital}.",
        "{oq}This stretch of {the border|the frontier} is used again and again, because the terrain on the other side gives them cover. We know it and they know it,{cq} {sp} {said|added|told reporters}. {sp_generic_cap} added that patrols had been doubled.",
        "{oq}They came with weapons, not with goods. This was not ordinary smuggling,{cq} {said|added} {sp}. {oq}We will not allow anyone to test our border.{cq}",
        "{oq}We heard the first shots at about two in the morning. Nobody slept after that,{cq} {said|recalled|added} {res}.",
        "{oq}They were well armed and well prepared. Whoever sent them knew where our posts were,{cq} {sp} {said|added|told reporters}.",
        "{oq}My children hid under the beds. The shooting went on and on,{cq} {res} told {outlet} by telephone.",
        "{oq}We have strengthened every post in the sector and we are ready for any provocation,{cq} {sp} said, adding that the area was {calm|under control|being searched} by {evening|the next morning|midday}.",
    ],
};

pub(crate) const ACCUSATION: TopicTemplates = TopicTemplates {
    titles: &[
        "{country} accuses {auth} of sheltering {group_short}",
        "{capital} says attackers came from {other}, demands action",
        "{adj} officials blame {other}-based militants; {auth} deny",
        "{country} summons envoy over {group_short} attacks",
        "{country} tells {auth} to act against {group_short} or hand over leaders",
    ],
    leads: &[
        "{country} accused {auth} {day} of allowing fighters of {group} to plan attacks from {other_adj} soil, after an assault near {town} killed at least {killed} people and wounded {wounded}.",
        "{adj} officials {said|stated} {day} that militants of {group} responsible for a string of recent attacks were operating from bases in {other}, and demanded that {auth} act against them or hand over their leaders.",
        "{country} summoned {other}'s most senior diplomat in {capital} {day} to protest against what it called the continued presence of {group} on {other_adj} territory.",
        "The {adj} government said {day} it had given {auth} {evidence} about the presence of {group} fighters in {oregion}, and warned that its patience was running out.",
        "{country} {accused|blamed} {other}-based fighters of {group} {day} for {an attack|a bombing|a raid} on {a police station|a security convoy|an army post} near {town} that killed {killed} people, {and called on|and urged} {auth} to stop them using {other_adj} territory.",
        "{adj} {officials|ministers|security chiefs} {stepped up|sharpened} their criticism of {auth} {day}, saying {group} {enjoyed sanctuary|had safe havens|kept training camps} across {the border|the frontier} in {oregion}.",
    ],
    details: &[
        "{Officials|Authorities} said the attackers had crossed {border} from {oregion} and returned there after the attack.",
        "{group} claimed responsibility for the attack in a statement sent to journalists.",
        "Officials did not make the evidence public, and the claims {could not be independently verified|could not be verified independently|could not be confirmed independently}.",
        "{country} says militant attacks on its territory have increased by {pct} {since}.",
        "A senior security official said {fighters} fighters of {group} were based in {other}, including {fighters_local} in the provinces close to {the border|the frontier}.",
        "The foreign ministry said it expected {auth} to take {oq}concrete and verifiable{cq} steps, but did not say what {country} would do if they did not.",
        "The attack on {dayname} targeted a {police station|checkpoint|convoy} on the outskirts of {town}, where a {suicide bomber|car bomb|group of gunmen} struck shortly before {dawn|noon|evening prayers}.",
        "{Eleven|Nine|Seven|Most} of the dead were members of {the security forces|the security services}, according to {the provincial police|hospital officials|a local administrator}.",
        "{country} has raised the issue with {other_adj} officials {several times|repeatedly|at least three times} {past}, {officials said|officials told reporters|according to officials|local officials said}.",
        "Diplomats said {capital} had also {shared|handed over|passed on} a list of {commanders|wanted men|militants} it wants extradited.",
        "{Funerals|Prayers} for the dead were held in {town} on {end_day}, attended by {senior officials|hundreds of residents|the provincial governor}.",
        "{Analysts|Diplomats|Officials} say the dispute has {damaged|soured|strained} relations that were once {close|warm|cordial}.",
        "{The|A} {statement|foreign ministry statement} {called on|urged} {auth} to {hand over|extradite|arrest} {group_short} {leaders|commanders|members} {and to close their camps|without delay|as promised}.",
        "{Officials|Ministers} {did not rule out|hinted at|refused to rule out} {further military action|strikes across the border|closing the border} if attacks continued.",
        "The accusation came {days|a week|hours} after {a string of|several|two} attacks on {police|soldiers|security posts} in {region}.",
        "{Trade|Traffic} through {crossing} {slowed|was disrupted|was suspended} {as relations deteriorated|amid the dispute|for several days}, {traders|officials|drivers} said.",
    ],
    quotes: &[
        "{oq}We have shared clear evidence that this attack was planned and directed from across {the border|the frontier}. We expect action, not statements,{cq} {sp2} {said|added|told reporters}.",
        "@T {oq}{auth_cap} promised the world that their soil would not be used against any country. That promise is being broken every week,{cq} {sp2} told a news briefing in {capital}.",
        "{oq}Our people are dying while these groups rest, train and recruit on the other side. This cannot continue,{cq} {said|added} {sp}.",
        "{oq}We know where they live, where they train and who protects them. We have given the names,{cq} {said|added} {sp2}. {oq}Now it is for {auth} to decide whose side they are on.{cq}",
        "{oq}Our patience has limits. We will defend our people by every means available,{cq} {sp2} {said|added|told reporters}.",
        "{oq}The attackers crossed at night and were back on the other side before morning,{cq} {sp} {said|added|told reporters}. {oq}That does not happen without help.{cq}",
    ],
};

pub(crate) const SEIZURE: TopicTemplates = TopicTemplates {
    titles: &[
        "{adj} police seize {tonnes} of {drug} near {town}",
        "Smugglers arrested with {kg} of {drug} on {border}",
        "Record {drug} haul in {rshort} as trafficking shifts",
        "{adj} forces intercept drug convoy from {other}",
        "{Drug} seizures rise on {border}, officials say",
    ],
    leads: &[
        "Officers of {drug_agency} seized {tonnes} of {drug} and {kg2} of {drug2} from a group of smugglers near {town} in {region} {day}, {officials said|officials told reporters|according to officials|local officials said}.",
        "@B {force} detained {detained} people and seized {kg} of {drug} that they said had been brought across {frontier} from {other}'s {oregion} {day}.",
        "Security forces in {region} intercepted a convoy carrying {tonnes} of {drug} {day}, in what officials described as one of the largest seizures on {border} this year.",
        "{drug_agency_cap} {said|stated} {day} that its officers had seized {kg} of {drug} hidden in a truck carrying {cargo} near {crossing}.",
        "{adj} {police|border guards|customs officers} {found|uncovered|discovered} {kg} of {drug} {in a hidden compartment of a lorry|buried in a field|in sacks of flour|in a private car} near {town} {day}, {drug_agency} said.",
        "{drug_agency_cap} {said|reported} {day} that seizures of {drug} in {region} {had doubled|had risen sharply|had reached a record} {past}, as traffickers {adapted to|found ways around} the Taliban's ban on poppy cultivation.",
    ],
    details: &[
        "The drugs were found in {vehicles_small} vehicles that had been driven along back roads to avoid checkpoints, {the statement said|according to the statement|the statement added}.",
        "Two smugglers were killed and a serviceman was wounded in an exchange of fire during the operation, {officials said|officials told reporters|according to officials|local officials said}.",
        "Officers also found {weapons}, which they said the smugglers had been carrying for protection.",
        "Seizures of methamphetamine have risen by {pct} {since_drugs}, according to {drug_agency}, while heroin seizures have fallen.",
        "Law enforcement agencies in {country} seized a total of {tonnes2} of narcotics last year, according to official figures.",
        "{Officials|Authorities} said {incidents} armed clashes with smugglers had been recorded on {the border|the frontier} last year, against {prev_incidents} a year earlier.",
        "{Three|Two|Four} of those detained were {other_adj} citizens, {and one was a former police officer|and the others were local residents|officials said}.",
        "The {drug} was packed in {plastic bags marked with a brand name|waterproof packages|small bundles} that investigators said were typical of a single supplier.",
        "{Officials|Authorities} said the group had been under surveillance for {several months|about a year|weeks} and had used {mobile phones with foreign SIM cards|couriers on foot|livestock herders} to move the drugs.",
        "The street value of the seizure was estimated at {money}, {the statement said|according to the statement|the statement added}.",
        "Methamphetamine made from ephedra and from imported chemicals now makes up a growing share of seizures, {officials|experts|investigators} say.",
        "Investigators are trying to establish {where the drugs were heading|who financed the shipment|whether the group had links to armed groups}, {officials said|officials told reporters|according to officials|local officials said}.",
        "{Sniffer dogs|X-ray scanners|Informants} {helped|were used to} {find|locate|detect} the {drugs|consignment|packages}, {officials|the statement|investigators} said.",
        "The {seizure|operation} {was carried out|took place} {jointly with|with help from|in coordination with} {agency}, {officials|the statement} said.",
        "{Prices|Street prices} for {drug} in {region} {have risen|have fallen|have doubled} {past}, {users and health workers|doctors|police officers} say.",
        "The {suspects|detainees|smugglers} {face|could face} {up to 20 years|long prison sentences|life imprisonment} if convicted.",
    ],
    quotes: &[
        "@T {oq}The ban on poppy in {other} has changed the picture, but it has not solved the problem. Traffickers switch to what is cheaper to produce and easier to hide,{cq} {sp} {said|added|told reporters}.",
        "{oq}Drug trafficking finances terrorism. Where there is a drugs route, sooner or later there is a weapons route,{cq} {said|added} {sp}.",
        "{oq}Most of what we seize is only a part of what passes. We need better equipment and better cooperation with our neighbours,{cq} {orgsp} told reporters.",
        "{oq}The routes change every season. When we close one, they open another,{cq} {sp} {said|added|told reporters}.",
        "{oq}These are not small couriers. This is an organised network with money, weapons and people on both sides of {the border|the frontier},{cq} {said|added} {sp}.",
        "{oq}Synthetic drugs are the new threat. They are cheap to make, easy to carry and they are reaching our young people,{cq} {orgsp} {said|added|told reporters}.",
    ],
};

pub(crate) const REFUGEES: TopicTemplates = TopicTemplates {
    titles: &[
        "{per_day_cap} a day cross back into {other} as {country} steps up deportations",
        "Returnees crowd {crossing} as {adj} deadline passes",
        "{org_short_cap} warns over forced returns from {country}",
        "Afghans expelled from {country} face winter at {crossing}",
        "Aid groups struggle as returns from {country} surge",
    ],
    leads: &[
        "{per_day_cap} Afghans a day have crossed back into {other} through {crossing} {past_short}, aid agencies said {day}, as {country} pressed ahead with a campaign to expel undocumented migrants.",
        "{adj} authorities deported {deported} Afghans through {crossing} {lastweek}, officials said {day}, and warned that the campaign would continue until all undocumented foreigners had left.",
        "Long lines of trucks loaded with bedding, pots and livestock stretched toward {crossing} {day}, as families expelled from {country} waited to cross into {other}.",
        "{org} urged {country} {day} to halt forced returns of Afghans, saying many of those being sent back could face serious risks in {other}.",
        "{Thousands of|Hundreds of} Afghan families {waited|queued|camped} at {crossing} {day} {after being ordered to leave {country}|after their documents expired in {country}|after police raids in {country}}, {aid workers|officials|witnesses} said.",
        "The number of Afghans {leaving|expelled from|returning from} {country} {rose|jumped|climbed} to {per_day} a day {lastweek}, according to {org}, {as|while} {adj} police {stepped up|widened|continued} raids on {migrant neighbourhoods|workplaces|markets}.",
    ],
    details: &[
        "More than {returned_total} people have returned from {country} {since_campaign}, according to figures compiled by U.N. agencies.",
        "{share_children_cap} of those crossing were children, {aid workers said|according to aid workers|aid groups said}.",
        "{auth_cap} {auth_have} set up reception camps near the crossing and say they are giving each family some cash and transport to their home province.",
        "Aid groups said the camps lacked heating and clean water, and that cases of pneumonia and diarrhoea were rising.",
        "Officials in {capital} have linked some undocumented migrants to crime and militant attacks, a claim community leaders reject.",
        "Many of those returning were born in {country} and have never lived in {other}, {aid workers said|according to aid workers|aid groups said}.",
        "{Women|Families|Young men} made up {most|a growing share|about half} of those crossing {lastweek}, according to {org}.",
        "Some returnees said police had {taken their savings|torn up their documents|given them only a day to leave}, accusations {adj} officials {denied|did not address|rejected}.",
        "U.N. agencies say they have received {less than a fifth|about a third|only part} of the money they asked for to support returnees this year.",
        "{adj} officials say those with valid papers are not affected, and that the country has hosted Afghans {for decades|since 1979|through four decades of war}.",
        "Transport from the crossing to {Kabul|the provincial centres|{otown}} costs more than most families can afford, {aid workers|drivers|returnees} said.",
        "{Former government employees|Journalists|Women's rights activists} among the returnees {said they feared|told aid workers they feared|face} reprisals in {other}, rights groups said.",
        "At {crossing}, {families|returnees|children} {waited|sat|slept} {in the open|under plastic sheets|in the back of trucks} {while officials registered them|for hours|through the night}.",
        "{Landlords|Employers|Shopkeepers} in {country} {have been warned against|face fines for} {renting to|employing|serving} undocumented Afghans, {officials|rights groups|migrants} said.",
        "{Cash grants|Food parcels|Blankets} {distributed|handed out} at the crossing {ran out|were not enough|lasted only days}, {aid workers|returnees} said.",
        "{Border officials|Police} said {per_day} people {had crossed|crossed} on {end_day} alone.",
    ],
    quotes: &[
        "{oq}Some of these families have lived here for 40 years. Their children have never seen {other}. Now they have to start from nothing,{cq} {said|added} {aid}.",
        "{oq}Returning people to a country where they may face serious harm is contrary to international law,{cq} {orgsp} {said|added|told reporters}.",
        "{oq}We have information that foreign nationals were involved in attacks this year. The law applies to everyone without valid documents,{cq} {said|added} {sp2}.",
        "{oq}We arrived with nothing. We do not know where we will sleep tonight,{cq} said one returnee, a father of {five|six|seven}, who gave only his first name.",
        "{oq}The numbers are overwhelming the reception centres. We need more shelter, more water and more money, and we need them now,{cq} {orgsp} {said|added|told reporters}.",
        "{oq}We ask our neighbours to act gradually and with dignity. People should not be sent back in the cold,{cq} {den} {said|added|told journalists}.",
    ],
};

pub(crate) const EXERCISE: TopicTemplates = TopicTemplates {
    titles: &[
        "{ex_name_cap} drills near {other_adj} border rehearse repelling militant raid",
        "{troops} troops in exercise near {town} focus on threat from {other}",
        "{adj} troops practise blocking breakthrough from {other}",
        "Joint drills near {town} test response to cross-border attack",
    ],
    leads: &[
        "About {troops} servicemen began the {ex_name_q} exercise near {town} in {region} {day}, practising how to stop {armed groups|militant groups|armed factions} crossing from {other}, {ministry_def} said.",
        "{ex_forces_cap} wrapped up a week of counter-terrorism drills near {town} {day}, with commanders saying the exercise had tested how they would respond to a mass breakthrough of militants from {other}.",
        "{country} and its partners started joint military exercises close to {border} {day}, involving {troops} troops and about {vehicles} pieces of equipment.",
        "{ex_forces_cap} {rehearsed|practised|trained for} {repelling a raid|blocking a breakthrough|freeing hostages} by {armed groups|militant groups|armed factions} from {other} during {drills|exercises|manoeuvres} near {town} {day}, {ministry_def} said.",
        "The {ex_name_q} {exercise|drills} {opened|got under way|began} {day} at a range near {town}, with about {troops} troops {rehearsing|practising} the defence of {border}.",
    ],
    details: &[
        "The scenario involved an armed formation of up to {group_size} fighters seizing a village {near the border|close to the border|along the border} and trying to break through toward a regional centre.",
        "The drills included the use of drones for reconnaissance and strikes, which officers said had been added after lessons from recent conflicts.",
        "Helicopters and ground-attack aircraft flew support missions, and special forces rehearsed freeing hostages from a school building.",
        "Officials stressed that the exercise was not aimed at any country.",
        "The exercise is due to end on {end_day} with a live-fire demonstration attended by defence officials.",
        "{Motorised infantry|Mountain units|Reconnaissance companies} {moved|were deployed} {at night|over mountain passes|along the river} to {cut off|encircle|block} the {imaginary|simulated} attackers.",
        "About {vehicles} pieces of equipment, including {armoured vehicles|artillery|air-defence systems}, took part, {ministry_def} said.",
        "Observers from {Kazakhstan|Belarus|China|Russia} {watched|attended|followed} the final stage.",
        "Military medics {practised|rehearsed} evacuating wounded soldiers {by helicopter|from mountain positions|under fire}.",
        "The drills were {held|staged} {for the first time|again|as in previous years} {at night|in mountainous terrain|in winter conditions}, officers said.",
        "{Engineers|Sappers} {built|laid|practised} {pontoon bridges|minefields|field fortifications} {across|along|near} {the river|the valley|the pass}, officers said.",
        "{Drone|Electronic warfare|Artillery} units {worked|trained} {alongside|with} {infantry|border guards|special forces} for the first time, {officials|officers} said.",
        "{Journalists|Diplomats|Military attachés} were invited to {watch|observe} the {final stage|live-fire phase|closing ceremony}.",
    ],
    quotes: &[
        "{oq}The scenario is built on real intelligence. No one country can close this route alone,{cq} {said|added} {sp}.",
        "{oq}Our task is to find them, isolate them and destroy them with minimal risk to civilians,{cq} {sp} told journalists at the range.",
        "{oq}They need only a small group to cause serious damage. That is why we train for it every year,{cq} {orgsp} {said|added|told reporters}.",
        "{oq}The groups across {the border|the frontier} have not gone anywhere. They watch what we do, and we must show that we are ready,{cq} {sp} {said|added|told reporters}.",
        "{oq}We worked on coordination between units that do not usually fight together. That is the hardest part,{cq} {said|added} {sp}.",
    ],
};

pub(crate) const MEETING: TopicTemplates = TopicTemplates {
    titles: &[
        "{org_abbr} officials meet in {org_city} over threats from {other}",
        "{country} presses partners on border security at {org_city} talks",
        "Security chiefs agree to share more intelligence on {other}-based groups",
        "Talks in {org_city} focus on militants, drugs and refugees",
    ],
    leads: &[
        "Security officials of {org} met in {org_city} {day_full} to discuss the threat posed by {armed groups|militant groups|armed factions} in {other}, and agreed to expand the exchange of intelligence on foreign fighters.",
        "{adj} and {other_adj} officials held talks at {crossing} {day} on border security, drug trafficking and trade, according to a brief statement from {force_body}.",
        "Delegations from {org_members} discussed the situation in {other} at a meeting of {org} in {org_city} {day}.",
        "{adj} {ministers|officials|security chiefs} {called for|urged} closer cooperation against {terrorism and drug trafficking|armed groups and smugglers|cross-border threats} at a meeting of {org} in {org_city} {day_full}.",
        "{sp2} {told|warned} a meeting of {org} in {org_city} {day} that {the threat from|the activity of|the number of} {armed groups|militant groups|armed factions} in {other} {had not diminished|was growing|remained high}.",
    ],
    details: &[
        "The meeting was held behind closed doors, and only a short statement was issued afterwards.",
        "Participants agreed to draw up common lists of wanted militants and to respond faster to each other's requests for information.",
        "The two sides agreed to set up a telephone line between border commanders and to meet again {next_meeting}.",
        "@T {auth_cap} were not invited, and no government in the region has formally recognised their administration.",
        "{Officials|Authorities} said member states had prevented {prevented} attacks {past} through joint operations.",
        "The final statement {mentioned|listed|named} {terrorism, drug trafficking and illegal migration|foreign fighters and their financing|cross-border crime} as the main {threats|concerns|priorities}.",
        "Delegates also discussed {trade and transit projects|electricity supplies|the return of refugees}, {officials|diplomats|participants} said.",
        "The next meeting is scheduled for {next_meeting} in {capital}.",
        "A {draft|proposed|planned} programme to strengthen {border} was {discussed|approved|sent for further work}, {officials|the statement|delegates} said.",
        "Officials did not say whether any new {money|troops|equipment} had been promised.",
        "{Ministers|Delegates} {also|separately} {discussed|reviewed} {a plan|proposals} to {build new border posts|share radar data|train border guards together}, {officials|diplomats} said.",
        "{The host|The chair|Officials} {said|noted} that {cooperation|intelligence sharing|joint work} had {improved|grown|deepened} {past}.",
        "{No|Few} details {were given|were released} on {how the measures would be funded|the timetable|who would pay}.",
    ],
    quotes: &[
        "@T {oq}Fighters from {group_short} and other groups remain in {other}. Some are using the country to rest, train and recruit, and then to move toward our region,{cq} {orgsp} told reporters.",
        "@T {oq}We talk to the de facto authorities about trade and about security. Both are in our interest,{cq} {said|added} {sp2}.",
        "{oq}We need common lists, common databases and faster answers to each other's requests,{cq} {orgsp} {said|added|told reporters}. {oq}The threat does not stop at borders, and neither should we.{cq}",
        "{oq}Our southern border is the front line for the whole region. Our partners understand that,{cq} {sp2} said after the meeting.",
        "{oq}It was a frank discussion. Not everyone sees the situation the same way, but everyone agrees the risks are real,{cq} {said|added} {orgsp}.",
    ],
};

pub(crate) const ARREST: TopicTemplates = TopicTemplates {
    titles: &[
        "{adj} security service detains {detained} over {group_short} recruitment",
        "{detained_cap} held in {rshort} on suspicion of links to {group_short}",
        "Recruitment cell broken up in {town}, officials say",
        "Court jails {detained} for joining {group_short}",
    ],
    leads: &[
        "{agency_cap} said {day} it had detained {detained} people in {region} on suspicion of recruiting young men for {group}.",
        "Security forces in {town} arrested {detained} suspected members of {group} who they said were planning to travel to {other} to fight, officials said {day}.",
        "A court in {region} sentenced {detained} men to between {min_years} and {max_years} years in prison {day} for membership of {group}.",
        "{agency_cap} {said|announced} {day} that it had {broken up|dismantled|uncovered} a cell of {group} in {town} {that was raising money|that was recruiting students|that was planning attacks}.",
        "{adj} police {detained|arrested} {detained} people in {a series of raids|overnight raids|coordinated operations} in {town} and {town2} {day}, accusing them of {financing|recruiting for|spreading the propaganda of} {group}.",
    ],
    details: &[
        "The suspects had used closed chats on messaging apps to spread propaganda and to collect money, which they sent to contacts in {other} and Turkey, {the statement said|according to the statement|the statement added}.",
        "Officers seized mobile phones, extremist literature and about {cash} U.S. dollars in cash.",
        "Relatives of some of the suspects said they had been working as labour migrants in Russia and were detained after returning home.",
        "The suspects face charges of participating in an extremist organisation and financing terrorism.",
        "{Officials|Authorities} said {detained_year} suspected supporters of {group_short} had been detained since the start of the year, most of them in {rshort}.",
        "The suspects were aged between {19|18|20} and {34|41|45}, {officials|the statement|prosecutors} said.",
        "{Two|Three|One} of the suspects {had bought tickets to Istanbul|had already travelled to Turkey once|had fought in Syria}, {according to|officials said, citing} {investigators|the security service}.",
        "Rights groups say some such trials are held behind closed doors and rely on confessions.",
        "The group's {leader|organiser|coordinator} was in contact with {an emissary|a handler|a recruiter} in northern {other}, {investigators|officials} said.",
        "{Lawyers|Relatives} for {some|two} of the {defendants|suspects} said they {would appeal|denied the charges|had been pressured to confess}.",
        "{Searches|Raids} {were carried out|took place} at {homes|mosques|mobile phone shops} in {town} and {nearby villages|the regional centre|two districts}, {officials|residents|witnesses} said.",
        "{Investigators|Officials} said {the group|the suspects} had {watched|shared|downloaded} {videos|sermons|instructions} {from|produced by} {group_short}.",
        "{Defence lawyers|Relatives|Rights groups} said {the suspects|the men|some defendants} {had been held|were kept} {without access to a lawyer|incommunicado|for weeks} {before being charged|after their arrest}.",
    ],
    quotes: &[
        "{oq}The main threat today is not a column of fighters crossing {the border|the frontier}. It is a teenager in his room who is contacted by a recruiter abroad,{cq} {said|added} {sp}.",
        "{oq}The members of the cell were in contact with an emissary who had lived in northern {other} for several years,{cq} {sp} {said|added|told reporters}.",
        "{oq}My son is not a terrorist. He went to Russia to feed his family,{cq} the mother of one of the defendants told reporters outside the court.",
        "{oq}Recruiters look for the lonely and the angry. They promise money, a wife and a purpose,{cq} {said|added} {an}.",
        "{oq}We blocked {dozens of|hundreds of|many} channels this year, but new ones appear every week,{cq} {sp} {said|added|told reporters}.",
    ],
};

pub(crate) const WARNING: TopicTemplates = TopicTemplates {
    titles: &[
        "{group_short} has up to {fighters_plain} fighters in {other}, {org_abbr} official says",
        "Militant strength in northern {other} has not fallen, {adj} official warns",
        "{org_short_cap} warns of infiltration threat on {border}",
        "{adj} officials warn of militants massing near {border}",
    ],
    leads: &[
        "A senior official of {org} warned {day} that {armed groups|militant groups|armed factions} based in {other} remained a direct threat to {country}, saying {group} could field {fighters} fighters.",
        "@C {adj} officials {said|stated} {day} that the number of militants massed near {border} had grown {past}, and that {group} was recruiting actively among Central Asians.",
        "{orgsp} said {day_full} that extremists had tried to infiltrate {country} {attempts} times {past}, and that all the attempts had been stopped.",
        "@C {sp2} {warned|said|told lawmakers} {day} that {group} had {fighters} {fighters|members|militants} in {other} and {was trying|sought|aimed} to {expand into|reach|destabilise} Central Asia.",
        "{adj} security officials {raised|voiced|expressed} {alarm|concern|fresh concern} {day} about {the spread of terrorism, extremism and drug trafficking|armed groups and smuggling networks|militant recruitment} from {other}.",
    ],
    details: &[
        "@B {fighters_local_cap} of them were operating in the provinces that face {country} across {the border|the frontier}, officials said, without saying how the estimate had been compiled.",
        "{month}, officials of {org} said the risk that {armed groups|militant groups|armed factions} would infiltrate member states was increasing.",
        "The estimate is higher than one given {month_prev}, when officials spoke of about {fighters_old} fighters.",
        "@TC Officials also voiced concern about the movement of Afghan refugees toward the north of the country, saying militants may be among them.",
        "@C {Central Asians|Recruits from the region|Citizens of former Soviet states} make up {a growing share|a large part|about a third} of {group_short}'s ranks, {officials|the official|analysts} said.",
        "The official said the groups were {financed|funded} {through informal money transfers|by smuggling|by supporters abroad} and {trained|recruited} {online|in small camps|among migrant workers}.",
        "{U.N.|Independent|Western} estimates of {group_short}'s strength are {lower|similar|generally lower}, and vary widely.",
        "{Officials|Authorities} said {attempts} {attempts|incidents|crossing attempts} had been recorded on {the border|the frontier} {past}.",
        "The official {called for|urged} {faster work on a border programme|more money for border posts|closer intelligence sharing} among {neighbouring states|allies|member states}.",
        "The official {did not give|gave no} {evidence|details|sources} for the {estimate|figures|claim}, {which could not be checked|and it could not be verified}.",
        "{Intelligence|Security} {officials|services} in the region {have given|give} {widely different|conflicting|varying} {estimates|figures} {past}.",
        "{Officials|The official} {listed|named} {ISKP, Al-Qaeda and Jamaat Ansarullah|several groups|groups with Central Asian members} as the main {threats|concerns}.",
    ],
    quotes: &[
        "{oq}The numbers have not gone down. If anything, the groups are better organised than they were a year ago,{cq} {orgsp} {said|added|told reporters}. {oq}They recruit among young men from Central Asia and they test {the border|the frontier} in small groups.{cq}",
        "@T {oq}We do not see any real progress in the promises made to neighbouring states about security,{cq} {said|added} {sp2}.",
        "{oq}Throughout the year, extremists have tried to cross into our territory. Fortunately, all of these attempts were stopped,{cq} {sp} {said|added|told reporters}.",
        "{oq}The risk is not theoretical. We see the preparations and we see the recruitment,{cq} {orgsp} {said|added|told reporters}.",
        "{oq}Every border has a weak point. Our job is to make sure it is not ours,{cq} {said|added} {sp}.",
    ],
};

pub(crate) const WATER: TopicTemplates = TopicTemplates {
    titles: &[
        "{country} presses {auth} for data on {water_project}",
        "Water row over {river} sharpens as {water_project} advances",
        "{adj} officials warn of falling {river_plain} flows",
        "Farmers downstream fear {water_project}, officials call for talks",
    ],
    leads: &[
        "{country} asked {auth} {day} to share technical plans for {water_project}, as downstream states grew more worried about the flow of {river}.",
        "{adj} officials {said|stated} {day} that the flow of {river} had fallen to its lowest level in years, and called for talks with {other} on {water_project}.",
        "A dispute over water from {river} sharpened {day} when {sp2} said {country} was not receiving its share and warned of {oq}all necessary measures{cq}.",
        "{adj} and {other_adj} {officials|experts|delegations} {met|held talks} {day} on {water_project}, {the first such meeting|the latest round of talks|a meeting long sought by} {this year|in months|downstream states}.",
        "{sp2} {said|told reporters} {day} that {water_project} {could|would|might} {cut|reduce|change} the flow of {river} {in dry years|during the growing season|for millions of farmers}.",
    ],
    details: &[
        "Independent hydrologists estimate that, once complete, the project could take {share} of the river's flow in dry years.",
        "@T Afghan officials say the project will irrigate more than {hectares} hectares and help the country feed itself.",
        "@T {other} is not party to the water-sharing arrangements concluded by its neighbours, and {auth} say they are using only their legal share.",
        "Drought and poor snowfall in the mountains have cut flows {in recent years|over the past few years|lately}, officials and experts say.",
        "Officials proposed installing automatic gauges at several points on the river, with the data published online.",
        "{Farmers|Officials|Residents} in the {delta|lower reaches|border districts} say {wells have dried up|fields have been abandoned|cotton and wheat yields have fallen}.",
        "The two sides agreed {in principle|informally|to consider} to set up a {joint technical group|working group|commission} on water.",
        "{Wetlands|Lakes|Reservoirs} downstream {have shrunk|have almost dried up|are at record lows}, {satellite images show|officials said|experts say}.",
        "{U.N. agencies|International donors|Water experts} have offered to help with a study of the project's effects, but no timetable has been agreed.",
        "{Water|The river} has become {a growing source of tension|a new irritant|one of the most sensitive issues} in relations between {country} and {other}.",
        "{Construction|Work} on {water_project} {continued|went on|resumed} {despite|in spite of} the {objections|concerns|protests} of downstream {states|countries|officials}.",
        "{Irrigation|Water} {officials|engineers} {said|estimated} that {losses|evaporation|seepage} from {unlined canals|the desert stretch|the new channel} {could be|were} {large|significant|substantial}.",
        "{Cotton|Wheat|Rice} {farmers|growers} {downstream|in the delta|near the border} {have switched|are switching|were told to switch} to {less thirsty crops|drip irrigation|other work}.",
    ],
    quotes: &[
        "{oq}We are not against {other} developing its agriculture. But a project of this size on a shared river must be discussed with the countries downstream,{cq} {sp2} told reporters.",
        "{oq}Water is a question of life for our farmers. Any change in the flow must be measured and discussed openly,{cq} {said|added} {sp2}.",
        "@T {oq}Even inside {other}, farmers do not have enough water. We are not holding anything back,{cq} {den} {said|added|told journalists}.",
        "{oq}We need data that both sides trust. Without it, every dry summer will become a political crisis,{cq} {said|added} {an}.",
        "{oq}My grandfather farmed this land with water from the river. My son may have to leave it,{cq} {said|recalled|added} {res}.",
    ],
};

/// Quotes that fit any topic.
pub(crate) const QUOTES_GENERIC: &[&str] = &[
    "{oq}The situation on the other side of {the border|the frontier} remains difficult and unpredictable. We have to be ready for anything,{cq} {sp} {said|added|told reporters}.",
    "{oq}Every time something happens, they say the problem is ours. But the people who attack us do not come from the sky,{cq} {said|added} {sp2}.",
    "{oq}Both sides exaggerate. The truth is that nobody controls every valley, and the groups know it,{cq} {said|added} {an}.",
    "@T {oq}They see these fighters as brothers in arms. Acting against them would cost them support inside their own ranks,{cq} {an} {said|added|argued}.",
    "@B {oq}People here want calm and open roads. Every closure hits our trade and our families,{cq} {said|recalled|added} {res}.",
    "In an interview with {outlet}, {an} said the official figures should be treated with caution. {oq}Numbers are used as arguments. Nobody outside the services can check them,{cq} {an_he} said.",
    "{oq}The threat is real, but it is also useful. Every government in the region uses it to ask for money and weapons,{cq} {said|added} {an}.",
    "{oq}We are not asking for favours. We are asking our neighbours to respect agreements they have signed,{cq} {sp2} {said|added|told reporters}.",
    "{oq}What we see is a slow build-up, not a sudden wave. That is harder to notice and harder to stop,{cq} {an} {said|added|argued}.",
    "{oq}Cooperation on the ground is better than the statements suggest. Commanders talk to each other,{cq} {said|added} {an}.",
    "{oq}Our position has not changed. Security on {the border|the frontier} is a shared responsibility,{cq} {sp2} said {day}.",
    "{oq}We live with this every day. The soldiers come, the soldiers go, and we stay,{cq} {said|recalled|added} {res}.",
];

/// The other side's response: denials, rejections, calls for dialogue.
pub(crate) const REACTIONS: &[&str] = &[
    "@D {auth_cap} {denied|rejected|dismissed} the {claims|accusations|allegations}. {oq}{Our territory|Our soil|Our land} is not used against any country. {We do not allow|We will not allow|Nobody is permitted} {anyone|any group} to {threaten|harm|attack} our neighbours,{cq} {den} said.",
    "@D {den} {rejected|dismissed} the accusation as {oq}baseless{cq} and said {auth} {auth_were} ready to {examine|look into|study} {oq}any documented information{cq} {through official channels|if it was shared officially|provided by the other side}.",
    "Officials on the {other_adj} side did not {comment|respond|reply} {day}{.|, and calls to their spokesmen went unanswered.| despite repeated requests.}",
    "@D {auth_cap} {auth_have} {repeatedly|consistently|long} denied the presence of foreign {militant|armed} groups on {auth_their} territory, {calling the threat exaggerated|saying the threat is overstated|describing the threat as politically motivated}.",
    "@BD {den} said in a statement that the border was {under full control|fully secured|calm}. {oq}Nobody has crossed from our side. {These reports are false|This is not true|Such reports are invented},{cq} the statement said.",
    "@D {oq}Pointing fingers every time there is {an attack|an incident|a problem} will not solve anything,{cq} {said|wrote} {den}. {oq}We are ready to talk, but we will not accept accusations without evidence.{cq}",
    "{A spokesman for|Officials of|A representative of} {auth} could not be reached for comment{.| on {dayname}.| by the time of publication.}",
    "@BD {den} said the {other_adj} side had not been informed of any {incident|crossing|clash} and called for cooperation {oq}instead of accusations in the media{cq}.",
    "@D {den} called the {report|claim|statement} {oq}propaganda{cq}. {oq}{Those who make such claims|Whoever says this|They} should present their evidence. We have nothing to hide,{cq} {den_generic} added.",
    "@T {den} said the Islamic Emirate {wanted|sought|was committed to} good relations with all its neighbours and {would not allow|did not permit|had never allowed} anyone to use Afghan soil against them.",
    "@D {den} {said|insisted} that {the figures|the accusations|such claims} were {exaggerated|invented|politically motivated} and {called on|urged} {country} to {solve its own security problems|look at its own failures|stop blaming others}.",
    "@BS {den} {told|said in a message to} journalists that {their|the} forces had {arrested|detained} {several|a number of} smugglers on {their side of the border|the other bank|their side} {{lastweek}|in recent days|this month}.",
    "{auth_cap} did not respond to {requests for comment|written questions|messages} {by the time of publication|on {dayname}|before this story was published}.",
    "@TD {oq}The Islamic Emirate is not responsible for the security failures of its neighbours,{cq} {den} said, adding that {auth} {had eliminated|had defeated|had crushed} Daesh in {other}.",
    "@D {In a post on X|In a voice message|In a short statement|Speaking by telephone}, {den} {said|wrote} that {no one had crossed from the {other_adj} side|the {other_adj} side wanted calm on the border|{auth} respected the sovereignty of all neighbours}.",
    "@TD {den} {said|told reporters} that {the Islamic Emirate|Kabul|the government} {had detained|had arrested|was pursuing} {dozens of|several|a number of} Daesh members {past} and {did not need|would not accept} {lectures|advice|pressure} from {outside|abroad|anyone}.",
    "@K {den} {suggested|said|argued} that {the incident|the attack|the shooting} {had been|was} {staged|exaggerated|misreported} and {called for|proposed|asked for} a joint investigation.",
    "@TD {oq}If {country} has evidence, {let it share it|it should give it to us|we are ready to see it}. {Accusations in the media|Statements on television|Public accusations} do not help anyone,{cq} {den} said.",
    "@K {Officials in|Authorities in|Officials from} {other} {gave|offered} a different account, saying {the shooting began on the other side|the men were herders|the dead were civilians}.",
];

/// Background sentences that fit any theatre.
pub(crate) const BACKGROUND: &[&str] = &[
    "@T {auth_long_cap} {says|insists|maintains} it has {largely defeated|crushed|broken} the Islamic State's regional branch and that {there is no threat to the region from its territory|no group threatens its neighbours from Afghan soil}; {neighbouring governments|regional governments|its neighbours} {dispute this|say otherwise|are not convinced}.",
    "{Regional governments|Neighbouring states|Governments in the region} have voiced {growing|mounting|repeated} concern {since} about {terrorism, drug and weapons trafficking, and refugee flows|the spread of extremism and the trafficking of drugs and weapons|armed groups, smuggling and migration} {across their southern borders|on their frontiers|from {other}}.",
    "{Access to|Travel to|Reporting from} the {border areas|frontier districts|area} is {restricted|tightly controlled|limited} for {journalists|reporters|the media}, and {independent verification of events there is difficult|events there are hard to verify independently|official accounts are rarely checked}.",
    "{The figures given by officials|The officials' figures|These figures} {could not be independently verified|could not be checked|were impossible to verify independently}{.|, and no independent tally exists.| by {outlet}.}",
    "@T {Analysts|Traders|Officials} say {cross-border smuggling|smuggling} of {fuel, drugs and weapons|fuel and drugs|drugs, weapons and people} has {continued|carried on|persisted} despite the Taliban's {ban on poppy cultivation|opium ban|poppy ban} {in April 2022|of 2022|announced in 2022}.",
    "{U.N. monitors have said|A U.N. monitoring team has said|U.N. sanctions monitors said} in {reports|a report} to the Security Council that ISKP {remains|is still} {one of the most serious threats|a serious threat|among the most dangerous groups} in the region, {although Taliban operations have weakened it|despite losses in Taliban raids|even after Taliban operations against it}.",
    "@B {country} and {other} have {traded accusations|exchanged accusations|clashed diplomatically} {past} over {border incidents, militant activity and the treatment of migrants|shootings on the border and the fate of migrants|militants, smuggling and water}.",
    "{region_cap} has {seen|recorded|registered} {incidents} security incidents this year, {according to a tally kept by local officials|local officials say|by an official count}.",
    "@B The {border area|district|valley} around {town} is home to {villages|communities|families} that depend on cross-border trade, which has been {disrupted repeatedly|interrupted many times|hit by every closure}.",
    "@T {No government|No country in the region|Not a single government} has formally recognised the Taliban administration, although {several neighbours|some neighbours|China, Russia and others} have {accepted its diplomats|let it run embassies|dealt with it openly}.",
    "{Unemployment|Poverty|Drought} in {region} has {pushed|driven|led} {many young men|thousands of families|large numbers of people} to {seek work abroad|migrate to the cities|leave the area} {past}, officials say.",
    "@T The Taliban {seized|took} power in August 2021 {as|when} {U.S.-led forces|foreign troops|NATO forces} {completed their withdrawal from|were leaving|pulled out of} {other}.",
    "Security in {region} has been {tightened|stepped up|reinforced} {several times|repeatedly|more than once} {past}, with {new checkpoints|extra patrols|more troops} on the main roads.",
    "@T {Opium|Drug} production in {other} fell sharply after the 2022 ban, {according to the U.N.|U.N. surveys show|the U.N. says}, but has {started to recover in some provinces|shifted to synthetic drugs|not disappeared}.",
    "@T {Afghanistan's economy|The Afghan economy} {shrank sharply|collapsed|contracted by about a fifth} after 2021, when {foreign aid was cut|donors cut aid|development aid stopped} and {central bank reserves were frozen|the country's reserves were frozen abroad|banks were cut off}.",
    "Officials in {capital} have {repeatedly|often|long} {asked|called on} {allies|partners|neighbours} for {help with|money for|equipment for} border security.",
    "Relations between {country} and {other} have {swung between cooperation and confrontation|been tense|cooled} {past}.",
    "{The mountains along {border} make|The terrain along {border} makes|Long stretches of {border} make} it {hard to patrol|difficult to seal|easy for smugglers to cross}, {officials|commanders|analysts} say.",
    "@TC {Fighters|Militants|Armed men} from Central Asia have been present in northern {other} for {decades|many years|a generation}, some of them since the 1990s.",
    "{Trade|Traffic} at {the border|the frontier} {has been|was} {disrupted|interrupted|affected} several times {past} because of security measures.",
];

/// Closing sentences.
pub(crate) const CLOSINGS: &[&str] = &[
    "{Officials|Authorities} said the investigation was continuing.",
    "The crossing at {crossing} was expected to reopen {reopen}, traders said.",
    "Funerals for the dead were to be held in {town2} {funeral_day}.",
    "Officials are due to discuss the issue again at a meeting in {org_city} {next_meeting}.",
    "{adj} officials said security measures in {region} would stay in place {oq}until further notice{cq}.",
    "There was no immediate comment from {org}.",
    "The {adj} foreign ministry said it would raise the matter with {other_adj} officials {next_meeting}.",
    "{Further talks|A follow-up meeting|Another round of talks} {is planned|is expected|has been scheduled} {next_meeting}, {officials said|diplomats said|according to the statement}.",
    "{Police|Investigators|Security officials} {said they were|were} {still searching for|looking for|hunting} {suspects|accomplices|the remaining members of the group}.",
    "The {statement|ministry|service} gave no further details.",
    "{Traders|Residents|Drivers} said {life|traffic|business} in {town} {had returned to normal|was slowly returning to normal|remained disrupted} by {evening|the next day|the weekend}.",
    "{Officials|Authorities} said more information would be released {once the investigation was complete|in the coming days|after a government meeting}.",
];

/// Openings of the paragraph that turns to a second, separate story.
pub(crate) const TRANSITIONS: &[&str] = &[
    "Separately, ",
    "In a separate {incident|development}, ",
    "Elsewhere on the border, ",
    "{Earlier|Also} {day}, ",
    "In {another|a separate} case, ",
];

/// Sentences a re-publisher adds to a wire story; no slots.
pub(crate) const EDITORIAL_ADDITIONS: &[&str] = &[
    "This story has been updated with additional details.",
    "Officials did not respond to requests for further comment.",
    "The figures could not be independently verified.",
    "Reporting was contributed by staff correspondents in the region.",
    "The information was confirmed by a second official who asked not to be named.",
    "An earlier version of this story gave an incorrect date for the incident.",
];

/// Datelines; `{PLACE}` is the capital or the town, in capitals.
pub(crate) const DATELINES: &[&str] = &[
    "{PLACE}, {month_name} {pub_day}, {pub_year} — ",
    "{PLACE} ({outlet}) – ",
    "{PLACE}, {pub_day} {month_name} {pub_year} - ",
    "{PLACE}, {month_ap} {pub_day} — ",
    "{PLACE} — ",
];
