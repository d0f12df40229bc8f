//! Sorting that costs the documentation widget one copy of the sort, not one per caller.
//!
//! Each `sort` or `sort_by` of another element type or comparator links its own copy of the
//! standard library's sort, 2 to 4 KB of WebAssembly each. In the widget's build (feature
//! `widget`) the functions here sort the elements' positions with one shared copy, comparing
//! through a `dyn` comparator, and then move the elements into that order; every other build
//! calls the standard library's sort directly. [`sort_by`] and [`sort`] are stable in both, so
//! they give the same order; [`sort_unstable`] is for values whose equal elements cannot be told
//! apart (numbers, tuples of numbers), where any correct sort gives the same result.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(feature = "widget")]
    {
        let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(v, order);
    }
    #[cfg(not(feature = "widget"))]
    v.sort_by(&mut cmp);
}

/// Sorts `v`, stably (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts values whose equal elements are indistinguishable (as `slice::sort_unstable`).
pub fn sort_unstable<T: Ord>(v: &mut [T]) {
    #[cfg(feature = "widget")]
    sort(v);
    #[cfg(not(feature = "widget"))]
    v.sort_unstable();
}

/// A set of the items (as `collect`, which sorts them first: one more copy of the sort for
/// every item type; the widget's build inserts them one by one instead).
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    #[cfg(feature = "widget")]
    {
        let mut set = BTreeSet::new();
        for item in items {
            set.insert(item);
        }
        set
    }
    #[cfg(not(feature = "widget"))]
    items.into_iter().collect()
}

/// A map of the entries, the last value of a key winning (as `collect`; see [`set`]).
pub fn map<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    #[cfg(feature = "widget")]
    {
        let mut map = BTreeMap::new();
        for (k, v) in entries {
            map.insert(k, v);
        }
        map
    }
    #[cfg(not(feature = "widget"))]
    entries.into_iter().collect()
}

/// The positions `0..n` in the stable order of `cmp`: the one copy of the sort the widget links.
#[cfg(any(feature = "widget", test))]
fn positions(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Moves the elements of `v` so that position `k` holds the element that was at `order[k]`
/// (`order` is a permutation), following each cycle of the permutation once.
#[cfg(any(feature = "widget", test))]
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared sort of the widget's build, whatever the build.
    fn shared<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
        let order = positions(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(v, order);
    }

    #[test]
    fn the_shared_sort_gives_the_standard_stable_order() {
        // Pairs sorted by their first number only: the second shows that ties keep their order.
        let mut seed = 7u32;
        for len in [0usize, 1, 2, 3, 10, 57, 300] {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 9, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            let mut got = v.clone();
            shared(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "{len} elements");
            let mut got = v;
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected, "{len} elements");
        }
        let mut words = vec!["spoke", "hub", "branch", "hub"];
        sort(&mut words);
        assert_eq!(words, ["branch", "hub", "hub", "spoke"]);
        let m = map([(2, "a"), (1, "b"), (2, "c")]);
        assert_eq!(m.into_iter().collect::<Vec<_>>(), [(1, "b"), (2, "c")]);
        assert_eq!(set([3, 1, 3]).into_iter().collect::<Vec<_>>(), [1, 3]);
        let mut numbers = vec![5usize, 1, 4, 1];
        sort_unstable(&mut numbers);
        assert_eq!(numbers, [1, 1, 4, 5]);
    }
}
