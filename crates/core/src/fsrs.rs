//! The FSRS spaced-repetition scheduler (the FSRS-5 default parameters, the
//! long-term scheduler: whole-day intervals, no same-day learning steps, no
//! fuzz), over plain milliseconds.
//!
//! Why not a crate: rs-fsrs (MIT) builds for wasm32, but it brings chrono,
//! whose default features pull js-sys and wasm-bindgen into hit-core's wasm
//! build, and its `Card::new` reads the clock. Both break the core's
//! boundary. So the same formulas live here, and a test checks this module
//! against rs-fsrs 1.2.1 (a dev-dependency only) on thousands of random
//! review histories.

use serde::{Deserialize, Serialize};

/// The FSRS-5 default weights.
pub const DEFAULT_WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466,
    0.5034, 0.6567,
];
const DECAY: f64 = -0.5;
/// 0.9^(1 / DECAY) - 1, so that retrievability is 90% after `stability` days.
const FACTOR: f64 = 19.0 / 81.0;
const DAY_MS: i64 = 86_400_000;

/// How a review went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    fn value(self) -> f64 {
        f64::from(self as u8)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub weights: [f64; 19],
    /// The share of cards you should still recall when they come due (0.7 to 0.97).
    pub desired_retention: f64,
    pub maximum_interval_days: u32,
}

impl Default for Params {
    fn default() -> Self {
        Params { weights: DEFAULT_WEIGHTS, desired_retention: 0.9, maximum_interval_days: 36_500 }
    }
}

/// A card's memory state. A card with `reps == 0` is new.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Card {
    #[serde(rename = "s")]
    pub stability: f64,
    #[serde(rename = "d")]
    pub difficulty: f64,
    #[serde(rename = "n")]
    pub reps: u32,
    #[serde(rename = "l")]
    pub lapses: u32,
    /// When it was last reviewed, milliseconds since the Unix epoch.
    #[serde(rename = "r")]
    pub last_review_ms: i64,
    /// When it is next due.
    #[serde(rename = "due")]
    pub due_ms: i64,
    #[serde(rename = "i")]
    pub interval_days: u32,
}

impl Params {
    fn init_difficulty(&self, r: Rating) -> f64 {
        (self.weights[4] - (self.weights[5] * (r.value() - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
    }

    fn init_stability(&self, r: Rating) -> f64 {
        self.weights[r as usize - 1].max(0.1)
    }

    fn next_difficulty(&self, d: f64, r: Rating) -> f64 {
        let next = self.weights[6].mul_add(-(r.value() - 3.0), d);
        // Mean reversion toward the difficulty of a first "easy".
        self.weights[7].mul_add(self.init_difficulty(Rating::Easy), (1.0 - self.weights[7]) * next).clamp(1.0, 10.0)
    }

    fn recall_stability(&self, d: f64, s: f64, retrievability: f64, r: Rating) -> f64 {
        let w = &self.weights;
        let modifier = match r {
            Rating::Hard => w[15],
            Rating::Easy => w[16],
            _ => 1.0,
        };
        s * (w[8].exp() * (11.0 - d) * s.powf(-w[9]) * ((1.0 - retrievability) * w[10]).exp_m1()).mul_add(modifier, 1.0)
    }

    fn forget_stability(&self, d: f64, s: f64, retrievability: f64) -> f64 {
        let w = &self.weights;
        w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - retrievability) * w[14]).exp()
    }

    /// Days until retrievability falls to the desired retention.
    fn interval(&self, stability: f64) -> f64 {
        (stability / FACTOR * (self.desired_retention.powf(1.0 / DECAY) - 1.0)).round().clamp(1.0, f64::from(self.maximum_interval_days))
    }
}

/// The probability of recall after `elapsed_days` at `stability`.
pub fn forgetting_curve(elapsed_days: f64, stability: f64) -> f64 {
    (1.0 + FACTOR * elapsed_days / stability).powf(DECAY)
}

/// Whole days from `from_ms` to `to_ms`, truncated toward zero.
fn days_between(from_ms: i64, to_ms: i64) -> i64 {
    (to_ms - from_ms) / DAY_MS
}

impl Card {
    pub fn is_new(&self) -> bool {
        self.reps == 0
    }

    /// The probability of recalling it at `now_ms` (0 for a new card).
    pub fn retrievability(&self, now_ms: i64) -> f64 {
        if self.is_new() { 0.0 } else { forgetting_curve(days_between(self.last_review_ms, now_ms) as f64, self.stability) }
    }

    pub fn is_due(&self, now_ms: i64) -> bool {
        self.due_ms <= now_ms
    }

    /// The card after a review rated `rating` at `now_ms`.
    pub fn review(&self, rating: Rating, now_ms: i64, p: &Params) -> Card {
        // Each rating's new (difficulty, stability); the intervals are then
        // kept in order, again <= hard < good < easy.
        let states: Vec<(f64, f64)> = if self.is_new() {
            Rating::ALL.iter().map(|&r| (p.init_difficulty(r), p.init_stability(r))).collect()
        } else {
            let retrievability = self.retrievability(now_ms);
            let (d, s) = (self.difficulty, self.stability);
            Rating::ALL
                .iter()
                .map(|&r| {
                    let stability = if r == Rating::Again { p.forget_stability(d, s, retrievability) } else { p.recall_stability(d, s, retrievability, r) };
                    (p.next_difficulty(d, r), stability)
                })
                .collect()
        };
        let mut iv: Vec<f64> = states.iter().map(|(_, s)| p.interval(*s)).collect();
        iv[0] = iv[0].min(iv[1]);
        iv[1] = iv[1].max(iv[0] + 1.0);
        iv[2] = iv[2].max(iv[1] + 1.0);
        iv[3] = iv[3].max(iv[2] + 1.0);
        let i = rating as usize - 1;
        let days = iv[i] as u32;
        Card {
            difficulty: states[i].0,
            stability: states[i].1,
            reps: self.reps + 1,
            lapses: self.lapses + u32::from(rating == Rating::Again && !self.is_new()),
            last_review_ms: now_ms,
            due_ms: now_ms + i64::from(days) * DAY_MS,
            interval_days: days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;
    use rs_fsrs::ImplScheduler;

    fn reference(r: Rating) -> rs_fsrs::Rating {
        match r {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }

    /// Replays random histories (ratings at random gaps, sometimes early or
    /// late) through this module and through rs-fsrs's long-term scheduler.
    #[test]
    fn agrees_with_rs_fsrs_on_random_histories() {
        let mut rng = ChaCha8Rng::seed_from_u64(2026);
        for retention in [0.8, 0.9, 0.95] {
            let params = Params { desired_retention: retention, ..Params::default() };
            let ref_params = rs_fsrs::Parameters { request_retention: retention, enable_short_term: false, enable_fuzz: false, ..Default::default() };
            for _ in 0..400 {
                let mut now = 1_700_000_000_000i64 + rng.random_range(0..DAY_MS);
                let mut ours = Card::default();
                let start = chrono::Utc.timestamp_millis_opt(now).unwrap();
                let mut theirs = rs_fsrs::Card { due: start, last_review: start, ..Default::default() };
                for step in 0..12 {
                    let rating = Rating::ALL[rng.random_range(0..4usize)];
                    let at = chrono::Utc.timestamp_millis_opt(now).unwrap();
                    let next = rs_fsrs::LongtermScheduler::new(ref_params.clone(), theirs.clone(), at).review(reference(rating));
                    theirs = next.card;
                    ours = ours.review(rating, now, &params);
                    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
                    assert!(close(ours.stability, theirs.stability), "step {step}: S {} vs {}", ours.stability, theirs.stability);
                    assert!(close(ours.difficulty, theirs.difficulty), "step {step}: D {} vs {}", ours.difficulty, theirs.difficulty);
                    assert_eq!(i64::from(ours.interval_days), theirs.scheduled_days, "step {step}");
                    assert_eq!(ours.due_ms, theirs.due.timestamp_millis(), "step {step}");
                    // Next review: on time, early or late, at any hour.
                    let factor = [0.3, 1.0, 1.0, 2.5][rng.random_range(0..4usize)];
                    now += ((f64::from(ours.interval_days) * factor) as i64) * DAY_MS + rng.random_range(0..DAY_MS);
                }
            }
        }
    }

    #[test]
    fn published_behaviour_holds() {
        let p = Params::default();
        let t0 = 1_700_000_000_000;
        let check = |r: Rating, days: u32| assert_eq!(Card::default().review(r, t0, &p).interval_days, days, "{r:?}");
        // First reviews: the initial stabilities rounded, kept in order.
        check(Rating::Again, 1);
        check(Rating::Hard, 2);
        check(Rating::Good, 3);
        check(Rating::Easy, 15);
        // Retrievability is 90% after `stability` days, by construction.
        assert!((forgetting_curve(10.0, 10.0) - 0.9).abs() < 1e-12);
        // A lapse lowers stability and counts; success raises it.
        let good = Card::default().review(Rating::Good, t0, &p);
        let later = good.due_ms;
        let lapse = good.review(Rating::Again, later, &p);
        assert!(lapse.stability < good.stability && lapse.lapses == 1);
        let again_good = good.review(Rating::Good, later, &p);
        assert!(again_good.stability > good.stability && again_good.interval_days > good.interval_days);
        // A higher desired retention brings cards back sooner.
        let strict = Params { desired_retention: 0.97, ..Params::default() };
        assert!(good.review(Rating::Good, later, &strict).interval_days < again_good.interval_days);
        assert!(!good.is_due(t0) && good.is_due(later));
    }
}
