//! From one row per twin class to one row per endpoint: the one-way matrix, and the two-way
//! matrix that pairs each way there with the way back.
//!
//! An endpoint `i` in class `c` (representative `r`) goes to `j` outside `c` when `r` does, and
//! to its twins when `r` reaches its twins (the twin symmetry). The way back from `j` is the
//! transpose of that matrix, taken by 64 × 64 blocks.

use super::super::model::NodeKind;
use super::super::verdict;
use super::bits::{get, set, transpose};
use super::classes::Classes;

/// The rows of a matrix: one-way (`goes`) and two-way (`both`), `words` words per row.
pub(super) struct Rows {
    pub goes: Vec<u64>,
    pub both: Vec<u64>,
}

/// Builds both matrices from the class rows (`class_rows`, `words` words per row: what each
/// representative reaches one way) and the endpoints' kinds; [`verdict::reachable_bits`]
/// decides each word of the two-way matrix (overlaps are the caller's). Complexity: O(N² / 64) words for N endpoints (copies and the transpose).
pub(super) fn assemble(
    class_rows: &[u64],
    words: usize,
    classes: &Classes,
    kinds: &[NodeKind],
) -> Rows {
    let n = classes.of.len();
    let k = classes.rep.len();
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); k];
    for (i, &class) in classes.of.iter().enumerate() {
        members[class as usize].push(i as u32);
    }
    // Within a class of two or more, all members reach each other, or none does.
    let within: Vec<bool> = (0..k)
        .map(|class| {
            let row = &class_rows[class * words..(class + 1) * words];
            let seen = members[class].get(1).is_some_and(|&j| get(row, j as usize));
            debug_assert!(
                members[class][1..]
                    .iter()
                    .all(|&j| get(row, j as usize) == seen),
                "twins disagree on their own class"
            );
            seen
        })
        .collect();
    let mut goes = vec![0u64; n * words];
    for class in 0..k {
        let r = classes.rep[class] as usize;
        let there = &class_rows[class * words..(class + 1) * words];
        for &i in &members[class] {
            let i = i as usize;
            let row = &mut goes[i * words..(i + 1) * words];
            row.copy_from_slice(there);
            if i != r {
                set(row, r, within[class]);
                set(row, i, false);
            }
        }
    }
    // The way back is the transpose; the verdict says which destinations need none.
    let mut both = transpose(&goes, n, words);
    let mut no_back_needed = vec![0u64; words];
    for (j, &kind) in kinds.iter().enumerate() {
        set(&mut no_back_needed, j, !verdict::needs_way_back(kind));
    }
    // Which destinations each kind of source opens connections to, one mask per kind.
    let mut opens: Vec<(NodeKind, Vec<u64>)> = Vec::new();
    for &from in kinds {
        if opens.iter().all(|(k, _)| *k != from) {
            let mut mask = vec![0u64; words];
            for (j, &to) in kinds.iter().enumerate() {
                set(&mut mask, j, verdict::opens(from, to));
            }
            opens.push((from, mask));
        }
    }
    let none = vec![0u64; words];
    for (i, row) in both.chunks_mut(words.max(1)).enumerate().take(n) {
        let mask = kinds
            .get(i)
            .and_then(|&k| opens.iter().find(|(x, _)| *x == k))
            .map_or(&none, |(_, m)| m);
        let there = &goes[i * words..(i + 1) * words];
        for (((b, &g), &p), &o) in row.iter_mut().zip(there).zip(&no_back_needed).zip(mask) {
            *b = verdict::reachable_bits(o, g, *b, p);
        }
    }
    Rows { goes, both }
}
