//! Fuzzes the plan reader: any bytes, as exact UTF-8 when they are, else lossily converted.
//! A plan that reads must write and read back the same, and travel through a share link.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let plan = match std::str::from_utf8(data) {
        Ok(text) => reachplan_fuzz::read(text),
        Err(_) => reachplan_fuzz::read(&String::from_utf8_lossy(data)),
    };
    if let Some(plan) = plan {
        reachplan_fuzz::share_round_trip(&plan);
    }
});
