//! Fuzzes the analysis on every plan the reader accepts.
//!
//! An input that starts like JSON (`{`, white space or a byte order mark) is read as a plan
//! text; any other input drives a generator of valid plans (random kinds, links between random
//! nodes, flags, SKUs and overlapping prefixes), whose plan is written and read back first so
//! that only plans the reader accepts are analysed.

#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let plan = match data.first() {
        Some(b'{' | b' ' | b'\n' | b'\r' | b'\t' | 0xef) => {
            reachplan_fuzz::read(&String::from_utf8_lossy(data))
        }
        _ => {
            let mut u = Unstructured::new(data);
            match reachplan_fuzz::plan(&mut u) {
                Ok(plan) => reachplan_fuzz::read(&reachplan::engine::write_plan(&plan)),
                Err(_) => None,
            }
        }
    };
    if let Some(plan) = plan {
        reachplan_fuzz::analysis(&plan);
    }
});
