//! The hasher of the engine's maps with small integer keys (state numbers, costs, connection
//! and group numbers): the default SipHash is made for untrusted keys and costs more than the
//! search step it serves. Keys here are the engine's own numbers, never plan text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiplicative hasher: each word is folded in by a rotate, a xor and a multiplication by
/// an odd constant; the final mix folds the product's high half, which depends on every bit
/// of the key, into the low bits the table reads.
#[derive(Default)]
pub(crate) struct Quick(u64);

impl Hasher for Quick {
    fn finish(&self) -> u64 {
        self.0 ^ self.0 >> 32
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A map with [`Quick`] hashing.
pub(crate) type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<Quick>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    fn hash<T: Hash>(key: T) -> u64 {
        let mut h = Quick::default();
        key.hash(&mut h);
        h.finish()
    }

    /// Keys that differ only above their low 16 bits (whose raw products all end in 16 zero
    /// bits) land in different low bits, the ones a table reads.
    #[test]
    fn the_final_mix_spreads_high_bits_into_the_low_ones() {
        let low: std::collections::BTreeSet<u64> =
            (0..256u64).map(|i| hash(i << 16) & 0xFF).collect();
        assert!(
            low.len() > 128,
            "{} distinct low bytes of 256 keys",
            low.len()
        );
    }
}
