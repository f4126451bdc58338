//! LEB128 variable-length integers for postings and id lists.
//!
//! Decoding never panics: a truncated or corrupt buffer yields `None`, which
//! readers treat as the end of a list.

/// Append `value` as LEB128.
pub fn write(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A cursor over a LEB128 byte buffer.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// A reader starting at `offset` (empty if out of range).
    pub fn at(bytes: &'a [u8], offset: usize) -> Self {
        Reader {
            bytes: bytes.get(offset..).unwrap_or(&[]),
            pos: 0,
        }
    }

    // Forced inline: the hot loop of postings decoding, and the app builds
    // for size (opt-level z), which otherwise keeps this a call.
    #[inline(always)]
    pub fn read(&mut self) -> Option<u64> {
        // One-byte values (most deltas) take the short path.
        let first = *self.bytes.get(self.pos)?;
        if first & 0x80 == 0 {
            self.pos += 1;
            return Some(u64::from(first));
        }
        let mut value: u64 = 0;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            if shift >= 64 {
                return None;
            }
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
    }

    #[inline(always)]
    pub fn read_u32(&mut self) -> Option<u32> {
        self.read().and_then(|v| u32::try_from(v).ok())
    }

    /// The next `n` raw bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }

    /// The next `n` raw bytes, without reading them.
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Option<&'a [u8]> {
        self.bytes.get(self.pos..self.pos.checked_add(n)?)
    }

    /// Length in bytes of the next value (without reading it).
    #[inline(always)]
    pub fn next_len(&self) -> Option<usize> {
        let rest = self.bytes.get(self.pos..)?;
        rest.iter().position(|b| b & 0x80 == 0).map(|i| i + 1)
    }

    /// Bytes read so far (from where the reader started).
    pub fn consumed(&self) -> usize {
        self.pos
    }

    /// Bytes left.
    pub fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    /// Skip `n` values.
    #[inline(always)]
    pub fn skip(&mut self, n: usize) -> Option<()> {
        for _ in 0..n {
            loop {
                let byte = *self.bytes.get(self.pos)?;
                self.pos += 1;
                if byte & 0x80 == 0 {
                    break;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_survives_truncation() {
        let values = [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX];
        let mut buf = Vec::new();
        for v in values {
            write(&mut buf, v);
        }
        let mut r = Reader::new(&buf);
        for v in values {
            assert_eq!(r.read(), Some(v));
        }
        assert_eq!(r.read(), None);
        let mut cut = Reader::new(&buf[..buf.len() - 1]);
        cut.skip(6).unwrap();
        assert_eq!(cut.read(), None);
    }
}
