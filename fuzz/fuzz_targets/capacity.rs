//! Fuzzes the capacity measurement (which runs the analysis too) on plans the reader accepts,
//! at a surge the input chooses; inputs are read as for the `analyze` target.

#![no_main]

use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

const SURGES: [f64; 8] = [1.0, 0.0, -1.0, 0.001, 2.5, 1000.0, 1e300, f64::NAN];

fuzz_target!(|data: &[u8]| {
    let (plan, surge) = match data.first() {
        Some(b'{' | b' ' | b'\n' | b'\r' | b'\t' | 0xef) => {
            (reachplan_fuzz::read(&String::from_utf8_lossy(data)), 1.0)
        }
        _ => {
            let mut u = Unstructured::new(data);
            let surge = u.choose(&SURGES).copied().unwrap_or(1.0);
            match reachplan_fuzz::plan(&mut u) {
                Ok(plan) => (
                    reachplan_fuzz::read(&reachplan::engine::write_plan(&plan)),
                    surge,
                ),
                Err(_) => (None, surge),
            }
        }
    };
    if let Some(plan) = plan {
        reachplan_fuzz::capacity(&plan, surge);
    }
});
