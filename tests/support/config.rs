//! The proptest configuration every property test of the suite runs with.

#![allow(dead_code)]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// The case count and a fixed seed, so that CI runs the same cases every time; for a deeper,
/// fresh run, `PROPTEST_CASES=5000 PROPTEST_RNG_SEED=<n> cargo test --release --test properties`.
pub fn config(cases: u32) -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            cases
        },
        rng_seed: match base.rng_seed {
            RngSeed::Random => RngSeed::Fixed(20_251_123),
            seed => seed,
        },
        // Shrinking a failing plan is worth some time; the default limit can take minutes.
        max_shrink_iters: 2_000,
        // Failures print their plan; nothing is written next to the sources.
        failure_persistence: None,
        ..base
    }
}
