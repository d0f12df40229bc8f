//! Fuzzes the share-link decoder at each of its layers.
//!
//! An input that starts with `p` or `#` (or is empty) is a link as pasted. Otherwise its first
//! byte picks how the rest becomes a link: as text; base64 of the rest (damaged DEFLATE data);
//! base64 of the DEFLATE of the rest (a plan text inside a well-formed link); or the link of a
//! generated plan cut short at a position the input chooses. A link that decodes gives a plan
//! that round-trips through the file and through a new link.

#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use reachplan::engine::{read_plan, share, write_plan};

fuzz_target!(|data: &[u8]| {
    let link = match data.first() {
        None | Some(b'p' | b'#') => String::from_utf8_lossy(data).into_owned(),
        Some(mode) => {
            let rest = &data[1..];
            match mode % 4 {
                0 => String::from_utf8_lossy(rest).into_owned(),
                1 => format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(rest)),
                2 => {
                    let packed = miniz_oxide::deflate::compress_to_vec(rest, 1);
                    format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(packed))
                }
                _ => {
                    let mut u = Unstructured::new(rest);
                    let Ok(plan) = reachplan_fuzz::plan(&mut u) else {
                        return;
                    };
                    let link = share::encode(&plan);
                    let cut = usize::from(u.arbitrary::<u16>().unwrap_or(0)) % (link.len() + 1);
                    if cut == link.len() {
                        // The generator can make values the reader refuses (a prefix with host
                        // bits, an intent from an endpoint to itself): a whole link is refused
                        // exactly when the plan's file is, and otherwise gives back its plan.
                        let decoded = share::decode(&link);
                        match read_plan(&write_plan(&plan)) {
                            Ok(_) => assert!(decoded == Ok(plan), "a whole link changed its plan"),
                            Err(_) => assert!(decoded.is_err(), "a refused plan's link decoded"),
                        }
                        return;
                    }
                    link[..cut].to_string()
                }
            }
        }
    };
    if let Ok(plan) = share::decode(&link) {
        reachplan_fuzz::round_trip(&plan);
        reachplan_fuzz::share_round_trip(&plan);
    }
});
