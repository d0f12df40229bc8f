//! Bit rows and bit matrices: endpoint `j` of a row is bit `j % 64` of word `j / 64`.

/// Sets or clears bit `j` of a row. O(1).
pub(super) fn set(row: &mut [u64], j: usize, on: bool) {
    if on {
        row[j / 64] |= 1 << (j % 64);
    } else {
        row[j / 64] &= !(1 << (j % 64));
    }
}

/// Bit `j` of a row. O(1).
pub(super) fn get(row: &[u64], j: usize) -> bool {
    row[j / 64] >> (j % 64) & 1 == 1
}

/// Transposes a 64 × 64 block in place (row `r` bit `c` becomes row `c` bit `r`), by swapping
/// ever smaller quadrants. O(64 log 64).
fn transpose64(a: &mut [u64; 64]) {
    let mut j = 32;
    let mut m: u64 = 0x0000_0000_FFFF_FFFF;
    while j != 0 {
        let mut k = 0;
        while k < 64 {
            let t = ((a[k] >> j) ^ a[k + j]) & m;
            a[k] ^= t << j;
            a[k + j] ^= t;
            k = (k + j + 1) & !j;
        }
        j >>= 1;
        m ^= m << j;
    }
}

/// The transpose of an `n × n` bit matrix stored row by row with `words` words per row
/// (`words ≥ n / 64`): result row `c` bit `r` is input row `r` bit `c`. O(n² / 64) words moved
/// plus O(n² / 64 · log 64) for the blocks.
pub(super) fn transpose(m: &[u64], n: usize, words: usize) -> Vec<u64> {
    let mut out = vec![0u64; n * words];
    let blocks = n.div_ceil(64);
    let mut block = [0u64; 64];
    for bi in 0..blocks {
        for bj in 0..blocks {
            for (r, word) in block.iter_mut().enumerate() {
                let row = bi * 64 + r;
                *word = if row < n { m[row * words + bj] } else { 0 };
            }
            transpose64(&mut block);
            for (r, &word) in block.iter().enumerate() {
                let row = bj * 64 + r;
                if row < n {
                    out[row * words + bi] = word;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transpose_matches_the_definition() {
        for n in [1usize, 5, 63, 64, 65, 130] {
            let words = n.div_ceil(64);
            let mut m = vec![0u64; n * words];
            let mut x: u64 = 12345;
            for r in 0..n {
                for c in 0..n {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    set(&mut m[r * words..], c, x % 3 == 0);
                }
            }
            let t = transpose(&m, n, words);
            for r in 0..n {
                for c in 0..n {
                    assert_eq!(
                        get(&t[c * words..], r),
                        get(&m[r * words..], c),
                        "n {n} ({r}, {c})"
                    );
                }
            }
        }
    }
}
