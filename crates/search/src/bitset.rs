//! A fixed-size set of document indices, for filters and facet counts.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSet {
    words: Vec<u64>,
    len: usize,
}

impl DocSet {
    pub fn empty(len: usize) -> Self {
        DocSet {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn full(len: usize) -> Self {
        let mut set = DocSet {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        set.trim();
        set
    }

    pub fn from_docs(len: usize, docs: impl IntoIterator<Item = u32>) -> Self {
        let mut set = DocSet::empty(len);
        for d in docs {
            set.insert(d);
        }
        set
    }

    fn trim(&mut self) {
        let extra = self.words.len() * 64 - self.len;
        if extra > 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= u64::MAX >> extra;
            }
        }
    }

    pub fn capacity(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn insert(&mut self, doc: u32) {
        let d = doc as usize;
        if d < self.len {
            self.words[d / 64] |= 1 << (d % 64);
        }
    }

    pub fn remove(&mut self, doc: u32) {
        let d = doc as usize;
        if d < self.len {
            self.words[d / 64] &= !(1 << (d % 64));
        }
    }

    #[inline(always)]
    pub fn contains(&self, doc: u32) -> bool {
        let d = doc as usize;
        d < self.len && self.words[d / 64] & (1 << (d % 64)) != 0
    }

    pub fn intersect_with(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn union_with(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    pub fn subtract(&mut self, other: &DocSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many of the sorted `docs` are in the set.
    pub fn count_of(&self, docs: &[u32]) -> usize {
        docs.iter().filter(|&&d| self.contains(d)).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some((i * 64) as u32 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations() {
        let mut a = DocSet::from_docs(130, [0, 5, 64, 129, 500]);
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 129]);
        let b = DocSet::from_docs(130, [5, 129]);
        a.subtract(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 64]);
        a.union_with(&b);
        assert_eq!(a.count(), 4);
        a.intersect_with(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [5, 129]);
        assert_eq!(DocSet::full(130).count(), 130);
        assert_eq!(a.count_of(&[1, 5, 129]), 2);
    }
}
