//! HMAC-SHA256 (RFC 2104 over FIPS 180-4 SHA-256) under a 32-byte key, with the key's two padded blocks hashed
//! once, when the key is made.
//!
//! A draw ranks every clue of a month by the HMAC of its id, and a night's re-evaluation draws every closed clue
//! for its random return visit: one key, millions of ids. HMAC-SHA256 of a short id is four SHA-256 compressions:
//! `key ⊕ ipad`, the id's block, `key ⊕ opad`, the inner hash's block. The first and third depend on the key
//! alone, so [`Keyed`] keeps the SHA-256 state after each (the "midstates") and a MAC then costs two
//! compressions, run by the `sha2` crate (with the processor's SHA instructions where it has them).
//!
//! The midstates are computed by [`Keyed::new`], a `const fn`, so that a [`Seed`](crate::review::Seed) can
//! still be a constant: it runs FIPS 180-4's compression function in plain arithmetic, once per key. Its
//! results are checked against `sha2` (and the MACs against RFC 4231's test vectors) in the tests below.

use sha2::digest::generic_array::GenericArray;

/// SHA-256's block size in bytes (FIPS 180-4 §5.1.1): the length HMAC pads its key to.
const BLOCK: usize = 64;
/// HMAC's inner pad byte (RFC 2104 §2).
const IPAD: u8 = 0x36;
/// HMAC's outer pad byte (RFC 2104 §2).
const OPAD: u8 = 0x5c;

/// SHA-256's initial hash value H(0) (FIPS 180-4 §5.3.3).
const H0: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// SHA-256's round constants K (FIPS 180-4 §4.2.2).
const K: [u32; 64] = [
    0x428a_2f98,
    0x7137_4491,
    0xb5c0_fbcf,
    0xe9b5_dba5,
    0x3956_c25b,
    0x59f1_11f1,
    0x923f_82a4,
    0xab1c_5ed5,
    0xd807_aa98,
    0x1283_5b01,
    0x2431_85be,
    0x550c_7dc3,
    0x72be_5d74,
    0x80de_b1fe,
    0x9bdc_06a7,
    0xc19b_f174,
    0xe49b_69c1,
    0xefbe_4786,
    0x0fc1_9dc6,
    0x240c_a1cc,
    0x2de9_2c6f,
    0x4a74_84aa,
    0x5cb0_a9dc,
    0x76f9_88da,
    0x983e_5152,
    0xa831_c66d,
    0xb003_27c8,
    0xbf59_7fc7,
    0xc6e0_0bf3,
    0xd5a7_9147,
    0x06ca_6351,
    0x1429_2967,
    0x27b7_0a85,
    0x2e1b_2138,
    0x4d2c_6dfc,
    0x5338_0d13,
    0x650a_7354,
    0x766a_0abb,
    0x81c2_c92e,
    0x9272_2c85,
    0xa2bf_e8a1,
    0xa81a_664b,
    0xc24b_8b70,
    0xc76c_51a3,
    0xd192_e819,
    0xd699_0624,
    0xf40e_3585,
    0x106a_a070,
    0x19a4_c116,
    0x1e37_6c08,
    0x2748_774c,
    0x34b0_bcb5,
    0x391c_0cb3,
    0x4ed8_aa4a,
    0x5b9c_ca4f,
    0x682e_6ff3,
    0x748f_82ee,
    0x78a5_636f,
    0x84c8_7814,
    0x8cc7_0208,
    0x90be_fffa,
    0xa450_6ceb,
    0xbef9_a3f7,
    0xc671_78f2,
];

/// SHA-256's compression function (FIPS 180-4 §6.2.2) on one block, in plain `const` arithmetic: used only to
/// hash a key's two padded blocks when the key is made.
const fn compress(state: [u32; 8], block: &[u8; BLOCK]) -> [u32; 8] {
    // The message schedule W.
    let mut w = [0u32; 64];
    let mut t = 0;
    while t < 16 {
        w[t] = u32::from_be_bytes([
            block[4 * t],
            block[4 * t + 1],
            block[4 * t + 2],
            block[4 * t + 3],
        ]);
        t += 1;
    }
    while t < 64 {
        let s0 = w[t - 15].rotate_right(7) ^ w[t - 15].rotate_right(18) ^ (w[t - 15] >> 3);
        let s1 = w[t - 2].rotate_right(17) ^ w[t - 2].rotate_right(19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16]
            .wrapping_add(s0)
            .wrapping_add(w[t - 7])
            .wrapping_add(s1);
        t += 1;
    }
    // The 64 rounds (all additions are modulo 2^32, as the standard defines them).
    let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = state;
    let mut t = 0;
    while t < 64 {
        let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
        let ch = (e & f) ^ (!e & g);
        let t1 = h
            .wrapping_add(s1)
            .wrapping_add(ch)
            .wrapping_add(K[t])
            .wrapping_add(w[t]);
        let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
        let maj = (a & b) ^ (a & c) ^ (b & c);
        let t2 = s0.wrapping_add(maj);
        h = g;
        g = f;
        f = e;
        e = d.wrapping_add(t1);
        d = c;
        c = b;
        b = a;
        a = t1.wrapping_add(t2);
        t += 1;
    }
    [
        state[0].wrapping_add(a),
        state[1].wrapping_add(b),
        state[2].wrapping_add(c),
        state[3].wrapping_add(d),
        state[4].wrapping_add(e),
        state[5].wrapping_add(f),
        state[6].wrapping_add(g),
        state[7].wrapping_add(h),
    ]
}

/// The SHA-256 state after one block made of `key` zero-padded to 64 bytes and XORed with `pad`.
const fn padded_key_state(key: &[u8; 32], pad: u8) -> [u32; 8] {
    let mut block = [pad; BLOCK];
    let mut i = 0;
    while i < key.len() {
        block[i] = key[i] ^ pad;
        i += 1;
    }
    compress(H0, &block)
}

/// HMAC-SHA256 under one 32-byte key, the key's padded blocks hashed once (see the [module docs](self)).
#[derive(Clone, Copy)]
pub(crate) struct Keyed {
    /// The SHA-256 state after `key ⊕ ipad`.
    inner: [u32; 8],
    /// The SHA-256 state after `key ⊕ opad`.
    outer: [u32; 8],
}

impl Keyed {
    /// The key's two midstates (RFC 2104 §2: the key, 32 bytes, is padded with zeros to the block size).
    pub(crate) const fn new(key: &[u8; 32]) -> Keyed {
        Keyed {
            inner: padded_key_state(key, IPAD),
            outer: padded_key_state(key, OPAD),
        }
    }

    /// HMAC-SHA256 of `message` under the key: SHA-256(key ⊕ opad ‖ SHA-256(key ⊕ ipad ‖ message)).
    pub(crate) fn mac(&self, message: &[u8]) -> [u8; 32] {
        // The inner hash continues after one block of key, so the message's length in bits counts that block.
        let inner = finish(self.inner, BLOCK, message);
        // The outer hash's message is the inner digest: always one block (32 bytes, the `1` bit, the length).
        let mut block = [0u8; BLOCK];
        for (out, word) in block.chunks_exact_mut(4).zip(inner) {
            out.copy_from_slice(&word.to_be_bytes());
        }
        block[32] = 0x80;
        block[BLOCK - 8..].copy_from_slice(&(((BLOCK + 32) * 8) as u64).to_be_bytes());
        let mut outer = self.outer;
        sha2::compress256(&mut outer, &[*GenericArray::from_slice(&block)]);
        let mut digest = [0u8; 32];
        for (out, word) in digest.chunks_exact_mut(4).zip(outer) {
            out.copy_from_slice(&word.to_be_bytes());
        }
        digest
    }
}

/// SHA-256 continued from `state` (after `done` bytes) over `message`, padded and finished (FIPS 180-4 §5.1.1:
/// a `1` bit, zeros, and the total length in bits as a 64-bit big-endian number, modulo 2^64 as the standard
/// counts it).
fn finish(mut state: [u32; 8], done: usize, message: &[u8]) -> [u32; 8] {
    let mut blocks = message.chunks_exact(BLOCK);
    for block in blocks.by_ref() {
        sha2::compress256(&mut state, &[*GenericArray::from_slice(block)]);
    }
    let rest = blocks.remainder();
    // The length in bits, modulo 2^64 (FIPS 180-4 §5.1.1 defines the length field so; a message of 2^61 bytes
    // cannot be held in memory anyway).
    let bits = (done as u64)
        .wrapping_add(message.len() as u64)
        .wrapping_mul(8);
    // One block when the `1` bit and the length fit after the rest (a clue id of up to 55 bytes), two otherwise.
    let mut tail = [[0u8; BLOCK]; 2];
    let blocks = if rest.len() + 1 + 8 <= BLOCK { 1 } else { 2 };
    let flat = tail.as_flattened_mut();
    flat[..rest.len()].copy_from_slice(rest);
    flat[rest.len()] = 0x80;
    flat[blocks * BLOCK - 8..blocks * BLOCK].copy_from_slice(&bits.to_be_bytes());
    for block in &tail[..blocks] {
        sha2::compress256(&mut state, &[*GenericArray::from_slice(block)]);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// HMAC-SHA256 written out with `sha2`'s hasher, the way RFC 2104 states it.
    fn reference(key: &[u8; 32], message: &[u8]) -> [u8; 32] {
        let mut k = [0u8; BLOCK];
        k[..32].copy_from_slice(key);
        let inner = Sha256::new()
            .chain_update(k.map(|b| b ^ IPAD))
            .chain_update(message)
            .finalize();
        Sha256::new()
            .chain_update(k.map(|b| b ^ OPAD))
            .chain_update(inner)
            .finalize()
            .into()
    }

    #[test]
    fn the_const_compression_agrees_with_sha2s() {
        for seed in 0u8..=40 {
            let block: [u8; BLOCK] =
                std::array::from_fn(|i| seed.wrapping_mul(31).wrapping_add(i as u8));
            let mut theirs = H0;
            sha2::compress256(&mut theirs, &[*GenericArray::from_slice(&block)]);
            assert_eq!(compress(H0, &block), theirs, "block {seed}");
        }
    }

    #[test]
    fn the_mac_agrees_with_hmac_written_out_for_every_message_length_up_to_three_blocks() {
        let keys = [[0u8; 32], [0xff; 32], *b"wage-arrears random return visit"];
        for key in &keys {
            let keyed = Keyed::new(key);
            let message: Vec<u8> = (0..=200u8).collect();
            for len in 0..=message.len() {
                let m = message.get(..len).unwrap_or_default();
                assert_eq!(keyed.mac(m), reference(key, m), "length {len}");
            }
        }
    }
}
