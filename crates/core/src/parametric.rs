//! Calculation questions whose numbers vary with a seed: healthcare
//! statistics and reimbursement drills. Each generator gives an exam item
//! (four options: the exact answer and three results of common mistakes),
//! states its rounding, and carries a worked solution as its rationale.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::exam::{Choice, Cognitive, Item, ItemType};
use crate::rhit::Domain;

/// The generator types, in the order the drill menu lists them.
pub const KINDS: &[(&str, &str)] = &[
    ("alos", "Average length of stay"),
    ("service-days", "Inpatient service days"),
    ("daily-census", "Average daily inpatient census"),
    ("occupancy", "Bed occupancy rate"),
    ("turnover", "Bed turnover rate"),
    ("gross-death", "Gross death rate"),
    ("net-death", "Net death rate"),
    ("autopsy", "Hospital autopsy rate"),
    ("csection", "Cesarean-section rate"),
    ("infection", "Hospital-acquired infection rate"),
    ("newborn-death", "Newborn death rate"),
    ("fetal-death", "Fetal death rate"),
    ("cmi", "Case-mix index"),
    ("drg-payment", "MS-DRG payment"),
    ("delinquent", "Delinquent record rate"),
    ("filing-space", "Filing space"),
    ("retention", "Record retention"),
    ("productivity", "Coder productivity"),
    ("roi-turnaround", "Release-of-information turnaround"),
];

/// The item for generator `kind` and `seed`, or `None` for an unknown kind.
/// Its id is `calc-KIND-SEED`, so the same id always gives the same item.
pub fn generate(kind: &str, seed: u64) -> Option<Item> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ fnv(kind));
    let q = match kind {
        "alos" => alos(&mut rng),
        "service-days" => service_days(&mut rng),
        "daily-census" => daily_census(&mut rng),
        "occupancy" => occupancy(&mut rng),
        "turnover" => turnover(&mut rng),
        "gross-death" => gross_death(&mut rng),
        "net-death" => net_death(&mut rng),
        "autopsy" => autopsy(&mut rng),
        "csection" => csection(&mut rng),
        "infection" => infection(&mut rng),
        "newborn-death" => newborn_death(&mut rng),
        "fetal-death" => fetal_death(&mut rng),
        "cmi" => cmi(&mut rng),
        "drg-payment" => drg_payment(&mut rng),
        "delinquent" => delinquent(&mut rng),
        "filing-space" => filing_space(&mut rng),
        "retention" => retention(&mut rng),
        "productivity" => productivity(&mut rng),
        "roi-turnaround" => roi_turnaround(&mut rng),
        _ => return None,
    };
    Some(q.into_item(kind, seed, &mut rng))
}

/// `calc-alos-42` -> ("alos", 42).
pub fn parse_id(id: &str) -> Option<(&str, u64)> {
    let rest = id.strip_prefix("calc-")?;
    let (kind, seed) = rest.rsplit_once('-')?;
    Some((kind, seed.parse().ok()?))
}

/// A question before its options are shuffled into an item.
struct Calc {
    domain: u8,
    task: &'static str,
    stem: String,
    /// The exact value, before rounding.
    answer: f64,
    decimals: usize,
    unit: &'static str,
    /// Wrong results of named mistakes: (value, why it is wrong).
    mistakes: Vec<(f64, String)>,
    /// The worked solution.
    solution: String,
    reference: &'static str,
    difficulty: u8,
}

impl Calc {
    fn show(&self, v: f64) -> String {
        let n = format!("{:.*}", self.decimals, v);
        let n = thousands(&n);
        match self.unit {
            // A calendar year has no thousands separator.
            "year" => format!("{v:.0}"),
            "$" => format!("${n}"),
            "" => n,
            u => format!("{n}{u}"),
        }
    }

    fn into_item(self, kind: &str, seed: u64, rng: &mut ChaCha8Rng) -> Item {
        let right = self.show(self.answer);
        let mut options = vec![Choice { text: right.clone(), correct: true, why: format!("Correct: {right}.") }];
        for (v, why) in &self.mistakes {
            let text = self.show(*v);
            if options.len() < 4 && !options.iter().any(|o| o.text == text) {
                options.push(Choice { text, correct: false, why: why.clone() });
            }
        }
        // Plausible near misses when two mistakes round to the same figure.
        let mut step = 1.0;
        while options.len() < 4 {
            let scale = if self.decimals == 0 { 1.0 } else { 10f64.powi(-(self.decimals as i32)) * 10.0 };
            let v = self.answer + step * scale.max(self.answer.abs() * 0.07);
            let text = self.show(v);
            if !options.iter().any(|o| o.text == text) {
                options.push(Choice { text, correct: false, why: "An arithmetic slip: recompute with the formula in the rationale.".into() });
            }
            step = if step > 0.0 { -step } else { -step + 1.0 };
        }
        // Shuffle so the answer's position varies with the seed.
        for i in (1..options.len()).rev() {
            let j = rng.random_range(0..=i);
            options.swap(i, j);
        }
        let rounding = match (self.decimals, self.unit) {
            (_, "year") => "Give the year.".to_string(),
            (_, " units") => "Round up: part of a unit is a whole unit.".to_string(),
            (0, _) => "Round to a whole number.".to_string(),
            (1, _) => "Round to one decimal place.".to_string(),
            (n, _) => format!("Round to {n} decimal places."),
        };
        Item {
            id: format!("calc-{kind}-{seed}"),
            domain: Domain::new(self.domain).expect("generators use domains 1 to 6"),
            task: self.task.into(),
            kind: ItemType::Single,
            cognitive: Cognitive::Application,
            difficulty: self.difficulty,
            set: None,
            stem: format!("{} {rounding}", self.stem),
            options,
            choose: 1,
            rationale: self.solution,
            reference: self.reference.into(),
            tags: vec!["calculation".into(), kind.into()],
        }
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// "12345.6" -> "12,345.6".
fn thousands(n: &str) -> String {
    let (neg, n) = n.strip_prefix('-').map_or((false, n), |r| (true, r));
    let (whole, frac) = n.split_once('.').map_or((n, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if neg { format!("-{out}") } else { out }
}

fn pct(a: f64, b: f64) -> f64 {
    a / b * 100.0
}

const STATS_REF: &str = "AHIMA, Basic Healthcare Statistics for Health Information Management Professionals (standard formulas)";
const MONTHS: [(&str, u32); 6] = [("April", 30), ("June", 30), ("September", 30), ("March", 31), ("May", 31), ("October", 31)];

fn alos(rng: &mut ChaCha8Rng) -> Calc {
    let discharges = rng.random_range(380..=1400) as f64;
    let days = (discharges * rng.random_range(3.6..6.4f64)).round();
    let newborn = rng.random_range(40..=160) as f64;
    let admissions = discharges + rng.random_range(-40..=40) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In March, Lakeview Hospital discharged {discharges} adult and pediatric patients (deaths included), whose stays totalled {days} days. There were also {newborn} newborn discharges, and {admissions} adults and children were admitted. What was the average length of stay for adults and children?"
        ),
        answer: days / discharges,
        decimals: 1,
        unit: " days",
        mistakes: vec![
            (days / admissions, "Divides by admissions: length of stay is measured on discharges, because only a discharged patient's stay is complete.".into()),
            (days / (discharges + newborn), "Adds the newborns to the denominator: newborns are reported separately, and their days are not in this total.".into()),
            ((days - discharges) / discharges, "Subtracts a day per patient: the discharge days already count the day of admission and not the day of discharge.".into()),
        ],
        solution: format!(
            "ALOS = total length of stay (discharge days) / number of discharges = {days} / {discharges} = {:.3}, which rounds to {:.1} days. Deaths are discharges, so they are in both numbers; newborns are reported apart from adults and children.",
            days / discharges,
            days / discharges
        ),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn service_days(rng: &mut ChaCha8Rng) -> Calc {
    let census = rng.random_range(120..=380) as f64;
    let ad = rng.random_range(2..=14) as f64;
    let admitted = rng.random_range(20..=60) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "At the midnight census on June 9, Ridgeview Medical Center had {census} inpatients. During June 9, {admitted} patients were admitted, and {ad} of the patients admitted that day were also discharged that day before midnight. How many inpatient service days does June 9 count?"
        ),
        answer: census + ad,
        decimals: 0,
        unit: "",
        mistakes: vec![
            (census, "Counts only the census: patients admitted and discharged the same day are never in a midnight census but still receive a day of service."),
            (census + admitted, "Adds every admission: patients admitted and still in the hospital at midnight are already in the census."),
            (census + ad * 2.0, "Counts each same-day patient twice."),
        ]
        .into_iter()
        .map(|(v, w): (f64, &str)| (v, w.to_string()))
        .collect(),
        solution: format!("Inpatient service days = midnight census + patients admitted and discharged the same day = {census} + {ad} = {}.", census + ad),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn daily_census(rng: &mut ChaCha8Rng) -> Calc {
    let (month, days) = MONTHS[rng.random_range(0..MONTHS.len())];
    let beds = rng.random_range(150..=420) as f64;
    let service = (beds * f64::from(days) * rng.random_range(0.62..0.93f64)).round();
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "Cedar County Hospital has {beds} adult and pediatric beds. In {month} it provided {service} inpatient service days to adults and children. What was the average daily inpatient census for {month}?"
        ),
        answer: service / f64::from(days),
        decimals: 1,
        unit: " patients",
        mistakes: vec![
            (service / 30.5, "Divides by an average month length: use the number of days in this month.".into()),
            (service / beds, "Divides by the bed count: that is bed days per bed, not the daily census.".into()),
            (pct(service, beds * f64::from(days)), "Computes the occupancy percentage instead of the census.".into()),
        ],
        solution: format!(
            "Average daily inpatient census = inpatient service days / days in the period = {service} / {days} = {:.1} patients.",
            service / f64::from(days)
        ),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn occupancy(rng: &mut ChaCha8Rng) -> Calc {
    let (month, days) = MONTHS[rng.random_range(0..MONTHS.len())];
    let beds1 = rng.random_range(150..=300) as f64;
    let extra = (rng.random_range(1..=4) * 5) as f64;
    let split = rng.random_range(10..=20) as f64;
    let bed_days = beds1 * split + (beds1 + extra) * (f64::from(days) - split);
    let service = (bed_days * rng.random_range(0.6..0.95f64)).round();
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "Pinecrest Hospital had {beds1} beds from {month} 1 through {month} {split}; {extra} beds opened on {month} {} and stayed open through the end of the month ({days} days). Inpatient service days for the month were {service}. What was the bed occupancy rate?",
            split + 1.0
        ),
        answer: pct(service, bed_days),
        decimals: 1,
        unit: "%",
        mistakes: vec![
            (pct(service, beds1 * f64::from(days)), "Uses the old bed count for the whole month: bed count days must follow the change in beds.".into()),
            (pct(service, (beds1 + extra) * f64::from(days)), "Uses the new bed count for the whole month: the added beds count only from the day they opened.".into()),
            (pct(service, bed_days) * 0.93, "A rounding or arithmetic error in the bed count days.".into()),
        ],
        solution: format!(
            "Bed count days = {beds1} beds x {split} days + {} beds x {} days = {bed_days}. Occupancy = service days / bed count days x 100 = {service} / {bed_days} x 100 = {:.1}%.",
            beds1 + extra,
            f64::from(days) - split,
            pct(service, bed_days)
        ),
        reference: STATS_REF,
        difficulty: 2,
    }
}

fn turnover(rng: &mut ChaCha8Rng) -> Calc {
    let beds = rng.random_range(90..=400) as f64;
    let discharges = (beds * rng.random_range(3.0..6.0f64)).round();
    let deaths = rng.random_range(5..=40) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "Over a quarter, Harbor Point Hospital had an average of {beds} beds. It recorded {discharges} live discharges and {deaths} inpatient deaths. What was the bed turnover rate (direct formula) for the quarter?"
        ),
        answer: (discharges + deaths) / beds,
        decimals: 1,
        unit: " times",
        mistakes: vec![
            (discharges / beds, "Leaves out the deaths: discharges include deaths in every bed statistic.".into()),
            ((discharges - deaths) / beds, "Subtracts the deaths: they are discharges and belong in the numerator.".into()),
            (beds / (discharges + deaths), "Inverts the formula.".into()),
        ],
        solution: format!(
            "Bed turnover rate = discharges, deaths included / average bed count = ({discharges} + {deaths}) / {beds} = {:.1}: each bed was used by about that many patients in the quarter.",
            (discharges + deaths) / beds
        ),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn gross_death(rng: &mut ChaCha8Rng) -> Calc {
    let live = rng.random_range(800..=3200) as f64;
    let deaths = rng.random_range(12..=70) as f64;
    let newborn_deaths = rng.random_range(0..=4) as f64;
    let newborn = rng.random_range(80..=300) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In one month, Westbrook Regional had {live} live discharges of adults and children and {deaths} deaths of adults and children. There were also {newborn} newborn discharges, including {newborn_deaths} newborn deaths. What was the gross death rate for adults and children?"
        ),
        answer: pct(deaths, live + deaths),
        decimals: 2,
        unit: "%",
        mistakes: vec![
            (pct(deaths, live), "Divides by live discharges only: the denominator is all discharges, deaths included.".into()),
            (pct(deaths + newborn_deaths, live + deaths + newborn), "Mixes in the newborns: this rate is for adults and children only.".into()),
            (pct(deaths, live + deaths) * 10.0, "Misplaces the decimal: a death rate is a percentage of discharges.".into()),
        ],
        solution: format!(
            "Gross death rate = deaths / discharges (including deaths) x 100 = {deaths} / ({live} + {deaths}) x 100 = {:.2}%.",
            pct(deaths, live + deaths)
        ),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn net_death(rng: &mut ChaCha8Rng) -> Calc {
    let live = rng.random_range(900..=3000) as f64;
    let deaths = rng.random_range(20..=70) as f64;
    let early = rng.random_range(3..=(deaths as i64 / 3)) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "Last quarter, Summit Valley Hospital had {live} live discharges and {deaths} inpatient deaths; {early} of the deaths occurred less than 48 hours after admission. What was the net death rate?"
        ),
        answer: pct(deaths - early, live + deaths - early),
        decimals: 2,
        unit: "%",
        mistakes: vec![
            (pct(deaths, live + deaths), "Is the gross death rate: the net rate removes deaths under 48 hours.".into()),
            (pct(deaths - early, live + deaths), "Removes the early deaths from the numerator only: they come out of the denominator too.".into()),
            (pct(deaths - early, live), "Leaves the remaining deaths out of the denominator.".into()),
        ],
        solution: format!(
            "Net death rate = (deaths - deaths under 48 hours) / (discharges including deaths - deaths under 48 hours) x 100 = ({deaths} - {early}) / ({live} + {deaths} - {early}) x 100 = {:.2}%.",
            pct(deaths - early, live + deaths - early)
        ),
        reference: STATS_REF,
        difficulty: 2,
    }
}

fn autopsy(rng: &mut ChaCha8Rng) -> Calc {
    let deaths = rng.random_range(20..=80) as f64;
    let coroner = rng.random_range(2..=8) as f64;
    let autopsies = rng.random_range(3..=(deaths as i64 / 3)) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In a year, Elmwood General had {deaths} inpatient deaths. The bodies of {coroner} were released to the medical examiner, who performed those autopsies. The hospital pathologist performed {autopsies} autopsies on the other inpatients who died. What was the hospital autopsy rate?"
        ),
        answer: pct(autopsies, deaths - coroner),
        decimals: 1,
        unit: "%",
        mistakes: vec![
            (pct(autopsies, deaths), "Is the gross autopsy rate's denominator: the hospital rate leaves out bodies not available to the hospital.".into()),
            (pct(autopsies + coroner, deaths), "Counts the medical examiner's autopsies, which were not done by the hospital.".into()),
            (pct(autopsies + coroner, deaths - coroner), "Adds the medical examiner's autopsies to the numerator.".into()),
        ],
        solution: format!(
            "Hospital autopsy rate = autopsies by the hospital pathologist / (inpatient deaths - bodies removed by the medical examiner) x 100 = {autopsies} / ({deaths} - {coroner}) x 100 = {:.1}%.",
            pct(autopsies, deaths - coroner)
        ),
        reference: STATS_REF,
        difficulty: 2,
    }
}

fn csection(rng: &mut ChaCha8Rng) -> Calc {
    let deliveries = rng.random_range(180..=900) as f64;
    let cs = (deliveries * rng.random_range(0.22..0.36f64)).round();
    let twins = rng.random_range(2..=9) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In a year, Brookside Women's Center had {deliveries} deliveries, {cs} of them by cesarean section; {twins} of the deliveries were twins, so {} infants were born. What was the cesarean-section rate?",
            deliveries + twins
        ),
        answer: pct(cs, deliveries),
        decimals: 1,
        unit: "%",
        mistakes: vec![
            (pct(cs, deliveries + twins), "Divides by births: the rate counts deliveries, and a twin birth is one delivery.".into()),
            (pct(cs, deliveries - cs), "Divides by vaginal deliveries only.".into()),
            (pct(deliveries - cs, deliveries), "Is the vaginal delivery rate.".into()),
        ],
        solution: format!("C-section rate = cesarean deliveries / total deliveries x 100 = {cs} / {deliveries} x 100 = {:.1}%.", pct(cs, deliveries)),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn infection(rng: &mut ChaCha8Rng) -> Calc {
    let discharges = rng.random_range(700..=2600) as f64;
    let hai = rng.random_range(6..=40) as f64;
    let poa = rng.random_range(10..=50) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In one month, Northgate Hospital had {discharges} discharges (deaths included). Infection control found {hai} infections acquired in the hospital; another {poa} patients had infections present on admission. What was the hospital-acquired (nosocomial) infection rate?"
        ),
        answer: pct(hai, discharges),
        decimals: 2,
        unit: "%",
        mistakes: vec![
            (pct(hai + poa, discharges), "Counts infections present on admission: only infections acquired in the hospital belong in this rate.".into()),
            (pct(poa, discharges), "Uses the infections present on admission.".into()),
            (pct(hai, discharges) * 10.0, "Misplaces the decimal point.".into()),
        ],
        solution: format!(
            "Hospital-acquired infection rate = infections acquired in the hospital / discharges including deaths x 100 = {hai} / {discharges} x 100 = {:.2}%.",
            pct(hai, discharges)
        ),
        reference: STATS_REF,
        difficulty: 1,
    }
}

fn newborn_death(rng: &mut ChaCha8Rng) -> Calc {
    let live = rng.random_range(300..=1500) as f64;
    let deaths = rng.random_range(1..=9) as f64;
    let stillborn = rng.random_range(1..=6) as f64;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In a year, the nursery at Oak Hill Hospital had {live} live newborn discharges and {deaths} newborn deaths. There were also {stillborn} stillbirths (fetal deaths). What was the newborn death rate?"
        ),
        answer: pct(deaths, live + deaths),
        decimals: 2,
        unit: "%",
        mistakes: vec![
            (pct(deaths + stillborn, live + deaths + stillborn), "Counts the stillbirths: fetal deaths are not newborn deaths, because a stillborn infant was never a live birth.".into()),
            (pct(deaths, live), "Divides by live discharges only: newborn deaths are newborn discharges too.".into()),
            (pct(deaths, live + deaths + stillborn), "Adds the stillbirths to the denominator.".into()),
        ],
        solution: format!(
            "Newborn death rate = newborn deaths / newborn discharges including deaths x 100 = {deaths} / ({live} + {deaths}) x 100 = {:.2}%. Stillbirths are fetal deaths and are excluded.",
            pct(deaths, live + deaths)
        ),
        reference: STATS_REF,
        difficulty: 2,
    }
}

fn fetal_death(rng: &mut ChaCha8Rng) -> Calc {
    let births = rng.random_range(500..=2500) as f64;
    let intermediate = rng.random_range(1..=8) as f64;
    let late = rng.random_range(1..=8) as f64;
    let early = rng.random_range(5..=20) as f64;
    let fetal = intermediate + late;
    Calc {
        domain: 3,
        task: "3.1",
        stem: format!(
            "In a year, Riverside Hospital recorded {births} live births, {early} early fetal deaths (under 20 weeks), {intermediate} intermediate fetal deaths (20 to 27 weeks) and {late} late fetal deaths (28 weeks or more). What was the fetal death rate, counting intermediate and late fetal deaths?"
        ),
        answer: pct(fetal, births + fetal),
        decimals: 2,
        unit: "%",
        mistakes: vec![
            (pct(fetal + early, births + fetal + early), "Includes early fetal deaths, which the fetal death rate leaves out.".into()),
            (pct(fetal, births), "Divides by live births only: the denominator is live births plus the intermediate and late fetal deaths.".into()),
            (pct(late, births + late), "Counts only late fetal deaths.".into()),
        ],
        solution: format!(
            "Fetal death rate = intermediate and late fetal deaths / (live births + intermediate and late fetal deaths) x 100 = {fetal} / ({births} + {fetal}) x 100 = {:.2}%.",
            pct(fetal, births + fetal)
        ),
        reference: STATS_REF,
        difficulty: 2,
    }
}

fn cmi(rng: &mut ChaCha8Rng) -> Calc {
    let groups: Vec<(&str, f64, f64)> = [("Heart failure with MCC (291)", 1.3, 1.4), ("Simple pneumonia with CC (194)", 0.8, 0.95), ("Major joint replacement (470)", 1.7, 2.0), ("Septicemia with MCC (871)", 1.8, 2.0)]
        .iter()
        .map(|(name, lo, hi)| (*name, (rng.random_range(*lo..*hi) * 10_000.0f64).round() / 10_000.0, rng.random_range(20..=140) as f64))
        .collect();
    let total_w: f64 = groups.iter().map(|(_, w, n)| w * n).sum();
    let n: f64 = groups.iter().map(|(_, _, n)| n).sum();
    let table: Vec<String> = groups.iter().map(|(name, w, c)| format!("{name}: {c} discharges, relative weight {w:.4}")).collect();
    let mean_w: f64 = groups.iter().map(|(_, w, _)| w).sum::<f64>() / groups.len() as f64;
    Calc {
        domain: 4,
        task: "4.1",
        stem: format!("A hospital's Medicare discharges for the month fell in four MS-DRGs: {}. What is the case-mix index for these discharges?", table.join("; ")),
        answer: total_w / n,
        decimals: 4,
        unit: "",
        mistakes: vec![
            (mean_w, "Averages the four weights without weighting by discharges: each discharge counts once.".into()),
            (total_w / groups.len() as f64 / 100.0, "Divides by the number of MS-DRGs instead of the number of discharges.".into()),
            (total_w / n * 0.95, "An arithmetic slip in the weighted sum.".into()),
        ],
        solution: format!(
            "CMI = sum of (discharges x relative weight) / total discharges = ({}) / {n} = {total_w:.4} / {n} = {:.4}.",
            groups.iter().map(|(_, w, c)| format!("{c} x {w:.4}")).collect::<Vec<_>>().join(" + "),
            total_w / n
        ),
        reference: "CMS IPPS: case-mix index as the average MS-DRG relative weight of discharges",
        difficulty: 2,
    }
}

fn drg_payment(rng: &mut ChaCha8Rng) -> Calc {
    let weight = (rng.random_range(0.65..3.2f64) * 10_000.0).round() / 10_000.0;
    let base = f64::from(rng.random_range(55..=72) * 100 + rng.random_range(0..100));
    let alt = (weight * rng.random_range(0.6..0.8f64) * 10_000.0).round() / 10_000.0;
    Calc {
        domain: 4,
        task: "4.1",
        stem: format!(
            "A Medicare inpatient stay groups to an MS-DRG with a relative weight of {weight:.4}. The hospital's blended base rate is ${}. Had a CC not been documented, the claim would have grouped to the same family's lower DRG, weight {alt:.4}. What does the hospital receive for this stay with the CC documented (no outlier or transfer adjustment)?",
            thousands(&format!("{base:.2}"))
        ),
        answer: weight * base,
        decimals: 2,
        unit: "$",
        mistakes: vec![
            (alt * base, "Uses the lower DRG's weight: the CC is documented, so the higher DRG applies.".into()),
            ((weight - alt) * base, "Is the difference the CC makes, not the payment.".into()),
            (base / weight, "Divides the base rate by the weight: payment is weight times rate.".into()),
        ],
        solution: format!("MS-DRG payment = relative weight x base rate = {weight:.4} x ${} = ${}.", thousands(&format!("{base:.2}")), thousands(&format!("{:.2}", weight * base))),
        reference: "CMS IPPS: operating payment as MS-DRG relative weight times the hospital's base rate",
        difficulty: 1,
    }
}

fn delinquent(rng: &mut ChaCha8Rng) -> Calc {
    let monthly = rng.random_range(900..=2400) as f64;
    let incomplete = (monthly * rng.random_range(0.2..0.5f64)).round();
    let delinquent = (incomplete * rng.random_range(0.2..0.55f64)).round();
    Calc {
        domain: 1,
        task: "1.3",
        stem: format!(
            "Meadowbrook Hospital averages {monthly} discharges a month. Today the incomplete record list holds {incomplete} records, {delinquent} of them past the medical staff's deadline for completion. What is the delinquent record rate?"
        ),
        answer: pct(delinquent, monthly),
        decimals: 1,
        unit: "%",
        mistakes: vec![
            (pct(delinquent, incomplete), "Divides by the incomplete records: the rate compares delinquent records with average monthly discharges.".into()),
            (pct(incomplete, monthly), "Is the incomplete record rate.".into()),
            (pct(incomplete - delinquent, monthly), "Counts the records not yet delinquent.".into()),
        ],
        solution: format!("Delinquent record rate = delinquent records / average monthly discharges x 100 = {delinquent} / {monthly} x 100 = {:.1}%.", pct(delinquent, monthly)),
        reference: "The Joint Commission record-completion monitoring; AHIMA delinquent record rate formula",
        difficulty: 1,
    }
}

fn filing_space(rng: &mut ChaCha8Rng) -> Calc {
    let records = (rng.random_range(40..=160) * 1000) as f64;
    let thickness = [0.5, 0.75, 1.0, 1.25][rng.random_range(0..4usize)];
    let shelves = rng.random_range(6..=8) as f64;
    let width = [33.0, 36.0, 42.0][rng.random_range(0..3usize)];
    let inches = records * thickness;
    let units = (inches / (shelves * width)).ceil();
    Calc {
        domain: 1,
        task: "1.6",
        stem: format!(
            "A clinic must keep {} paper records on open shelving while its scanning backlog is worked. The records average {thickness} inch thick. Each shelving unit has {shelves} shelves of {width} inches of usable filing space. How many shelving units are needed?",
            thousands(&format!("{records:.0}"))
        ),
        answer: units,
        decimals: 0,
        unit: " units",
        mistakes: vec![
            ((inches / (shelves * width)).floor(), "Rounds down: a fraction of a unit is still a unit to buy.".into()),
            ((inches / width).ceil(), "Counts shelves, not units: divide by the filing inches of a whole unit.".into()),
            ((records / (shelves * width)).ceil(), "Leaves out the record thickness.".into()),
        ],
        solution: format!(
            "Filing inches needed = {} records x {thickness} inch = {} inches. One unit holds {shelves} x {width} = {} inches. Units = {} / {} = {:.2}, rounded up to {units}.",
            thousands(&format!("{records:.0}")),
            thousands(&format!("{inches:.0}")),
            shelves * width,
            thousands(&format!("{inches:.0}")),
            shelves * width,
            inches / (shelves * width)
        ),
        reference: "AHIMA practice guidance on filing equipment and space planning",
        difficulty: 2,
    }
}

fn retention(rng: &mut ChaCha8Rng) -> Calc {
    let born = rng.random_range(2008..=2016) as f64;
    let seen = born + rng.random_range(1..=6) as f64;
    let majority = 18.0;
    let years_after = rng.random_range(3..=10) as f64;
    let adult_years = rng.random_range(6..=10) as f64;
    let rule_minor = born + majority + years_after;
    let rule_adult = seen + adult_years;
    let answer = rule_minor.max(rule_adult);
    Calc {
        domain: 1,
        task: "1.6",
        stem: format!(
            "State law requires hospitals to keep records for {adult_years} years after the last discharge, and a minor's record until {years_after} years after the patient reaches 18, whichever is later. A patient born in {born} was last discharged in {seen}. In what year does the record first become eligible for destruction (counting whole years from each event)?"
        ),
        answer,
        decimals: 0,
        unit: "year",
        mistakes: vec![
            (rule_adult, "Applies only the years-after-discharge rule: for a minor the later of the two dates governs."),
            (born + years_after, "Counts the years from birth, not from the age of majority."),
            (rule_minor.min(rule_adult) - 1.0, "Takes the earlier date and a year short."),
        ]
        .into_iter()
        .map(|(v, w): (f64, &str)| (v, w.to_string()))
        .filter(|(v, _)| *v != answer)
        .collect(),
        solution: format!(
            "Years after discharge: {seen} + {adult_years} = {rule_adult}. Minor's rule: {born} + 18 = {}, + {years_after} = {rule_minor}. Keep the record until the later date, {answer}.",
            born + 18.0
        ),
        reference: "State record-retention law (pattern); AHIMA retention and destruction practice guidance",
        difficulty: 2,
    }
}

fn productivity(rng: &mut ChaCha8Rng) -> Calc {
    let backlog = rng.random_range(400..=1600) as f64;
    let per_hour = rng.random_range(2..=5) as f64;
    let hours_day = 7.5;
    let days = rng.random_range(3..=10) as f64;
    let coders = backlog / (per_hour * hours_day * days);
    Calc {
        domain: 6,
        task: "6.1",
        stem: format!(
            "The coding team must clear a backlog of {backlog} inpatient records in {days} working days. Each coder averages {per_hour} inpatient records an hour over {hours_day} productive hours a day. How many full-time coders are needed? Give the figure itself, not the head count rounded up for staffing."
        ),
        answer: coders,
        decimals: 1,
        unit: " coders",
        mistakes: vec![
            (backlog / (per_hour * 8.0 * days), "Uses 8 paid hours instead of the productive hours stated.".into()),
            (backlog / (per_hour * hours_day), "Leaves out the number of days.".into()),
            (backlog / (per_hour * days), "Leaves out the hours per day.".into()),
        ],
        solution: format!(
            "Records one coder codes in the period = {per_hour} x {hours_day} x {days} = {}. Coders = {backlog} / {} = {coders:.2}, about {coders:.1} (round up to {} to staff it).",
            per_hour * hours_day * days,
            per_hour * hours_day * days,
            coders.ceil()
        ),
        reference: "HIM productivity standards (AHIMA coding productivity practice guidance)",
        difficulty: 2,
    }
}

fn roi_turnaround(rng: &mut ChaCha8Rng) -> Calc {
    let n = rng.random_range(5..=7);
    let days: Vec<u32> = (0..n).map(|_| rng.random_range(2..=34)).collect();
    let total: u32 = days.iter().sum();
    let late = days.iter().filter(|d| **d > 30).count();
    let list = days.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    let mean = f64::from(total) / n as f64;
    let mut sorted = days.clone();
    sorted.sort_unstable();
    let median = if n % 2 == 1 { f64::from(sorted[n / 2]) } else { f64::from(sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
    Calc {
        domain: 2,
        task: "2.1",
        stem: format!(
            "A release-of-information audit timed {n} patient requests for access, in calendar days from receipt to fulfilment: {list}. What was the mean turnaround time?{}",
            if late > 0 { format!(" ({late} of them exceeded the 30 days HIPAA allows without an extension.)") } else { String::new() }
        ),
        answer: mean,
        decimals: 1,
        unit: " days",
        mistakes: vec![
            (median, "Is the median, not the mean.".into()),
            (f64::from(total) / (n as f64 - 1.0), "Divides by one fewer than the number of requests.".into()),
            (f64::from(*sorted.last().unwrap_or(&0) + sorted[0]) / 2.0, "Averages only the shortest and longest times.".into()),
        ],
        solution: format!("Mean turnaround = total days / number of requests = ({}) / {n} = {total} / {n} = {mean:.1} days.", days.iter().map(u32::to_string).collect::<Vec<_>>().join(" + ")),
        reference: "45 CFR 164.524(b)(2) (30 days to act on a request for access)",
        difficulty: 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_makes_a_well_formed_item_for_many_seeds() {
        assert!(KINDS.len() >= 15);
        for (kind, _) in KINDS {
            for seed in 0..200 {
                let item = generate(kind, seed).unwrap();
                assert_eq!(item.options.len(), 4, "{kind} {seed}");
                assert_eq!(item.answer().len(), 1, "{kind} {seed}: one correct option");
                let texts: std::collections::HashSet<&str> = item.options.iter().map(|o| o.text.as_str()).collect();
                assert_eq!(texts.len(), 4, "{kind} {seed}: distinct options {:?}", item.options);
                assert!(["Round", "decimal", "Give the year."].iter().any(|r| item.stem.contains(r)), "{kind}: states its rounding");
                assert!(item.rationale.contains('='), "{kind}: a worked solution");
                // The worked solution arrives at the keyed option's figure.
                let key = &item.options[item.answer()[0]].text;
                let figure: String = key.chars().filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
                assert!(item.rationale.contains(figure.trim_end_matches('.')), "{kind} {seed}: solution {:?} never reaches {key:?}", item.rationale);
                assert_eq!(parse_id(&item.id), Some((*kind, seed)));
                assert!(!item.options.iter().any(|o| o.text.contains("NaN") || o.text.contains("inf")), "{kind} {seed}: {:?}", item.options);
            }
        }
    }

    #[test]
    fn answers_are_exact_and_vary_with_the_seed() {
        // ALOS: the correct option is total days / discharges, rounded as stated.
        let item = generate("alos", 7).unwrap();
        let nums: Vec<f64> = item.stem.split(|c: char| !c.is_ascii_digit() && c != '.').filter_map(|t| t.parse().ok()).collect();
        let (discharges, days) = (nums[0], nums[1]);
        let correct = &item.options[item.answer()[0]].text;
        assert_eq!(correct, &format!("{:.1} days", days / discharges));
        assert_ne!(generate("alos", 7).unwrap().stem, generate("alos", 8).unwrap().stem);
        assert_eq!(generate("alos", 7), generate("alos", 7));
        // Service days: census plus same-day patients.
        let item = generate("service-days", 3).unwrap();
        let nums: Vec<f64> = item.stem.split(|c: char| !c.is_ascii_digit()).filter_map(|t| t.parse().ok()).collect();
        assert_eq!(item.options[item.answer()[0]].text, format!("{}", nums[1] + nums[4]));
        assert!(generate("no-such", 1).is_none());
        assert_eq!(parse_id("calc-gross-death-12"), Some(("gross-death", 12)));
        assert_eq!(thousands("1234567.5"), "1,234,567.5");
    }

    #[test]
    fn the_answer_moves_between_positions() {
        let positions: std::collections::HashSet<usize> = (0..40).map(|s| generate("cmi", s).unwrap().answer()[0]).collect();
        assert_eq!(positions.len(), 4);
    }

    /// The numbers in a stem, in order ("6,669.00" is one number).
    fn numbers(stem: &str) -> Vec<f64> {
        let clean: String = stem.chars().enumerate().filter(|(i, c)| !(*c == ',' && stem[i + 1..].starts_with(|d: char| d.is_ascii_digit()))).map(|(_, c)| c).collect();
        clean.split(|c: char| !c.is_ascii_digit() && c != '.').filter_map(|t| t.trim_end_matches('.').parse().ok()).collect()
    }

    #[test]
    fn rates_match_the_textbook_formulas() {
        // (kind, formula over the stem's numbers, decimals, suffix)
        type Formula = fn(&[f64]) -> f64;
        let cases: &[(&str, Formula, usize, &str)] = &[
            ("gross-death", |n| n[1] / (n[0] + n[1]) * 100.0, 2, "%"),
            ("net-death", |n| (n[1] - n[2]) / (n[0] + n[1] - n[2]) * 100.0, 2, "%"),
            ("autopsy", |n| n[2] / (n[0] - n[1]) * 100.0, 1, "%"),
            ("csection", |n| n[1] / n[0] * 100.0, 1, "%"),
            ("infection", |n| n[1] / n[0] * 100.0, 2, "%"),
            ("newborn-death", |n| n[1] / (n[0] + n[1]) * 100.0, 2, "%"),
            ("fetal-death", |n| (n[3] + n[6]) / (n[0] + n[3] + n[6]) * 100.0, 2, "%"),
            ("delinquent", |n| n[2] / n[0] * 100.0, 1, "%"),
        ];
        for (kind, formula, decimals, suffix) in cases {
            for seed in 0..60 {
                let item = generate(kind, seed).unwrap();
                let want = format!("{:.*}{suffix}", *decimals, formula(&numbers(&item.stem)));
                assert_eq!(item.options[item.answer()[0]].text, want, "{kind} {seed}: {}", item.stem);
            }
        }
        // MS-DRG payment: weight x base rate, in dollars and cents.
        for seed in 0..60 {
            let item = generate("drg-payment", seed).unwrap();
            let n = numbers(&item.stem);
            assert_eq!(item.options[item.answer()[0]].text, format!("${}", thousands(&format!("{:.2}", n[0] * n[1]))), "{}", item.stem);
        }
    }
}
