//! One entity per real-world person, organization or place across the
//! corpus.
//!
//! Document-local clusters are merged with a union-find, conservatively:
//! - the same folded full name is the same entity (people with two or more
//!   name parts, organizations without corporate suffixes, places by their
//!   gazetteer key);
//! - a misspelt person ("Johnathan Lu" / "Jonathan Lu"): same family name,
//!   given names within Damerau-Levenshtein distance 2 (1 for short names)
//!   or an initial, *and* a shared role;
//! - an English name and a Chinese name of one person ("Daniel Zhang" /
//!   "Zhang Yong"): same family name, one written family-first and one not,
//!   *and* the same role at the same named organization;
//! - a surname-only person ("Zhang" in an article that never gives the full
//!   name) joins the one full name with that surname, if only one exists;
//! - never two clusters that one article keeps apart: if both sides of a
//!   merge have clusters in the same document, the merge is refused, so
//!   Zhang Jianfeng never merges with Zhang Yong.
//!
//! The canonical name is the multi-part form found in most documents (ties:
//! a known given name's spelling, then the most mentioned, then the
//! fuller), the others become aliases; bare surnames are not aliases, since
//! they name several people.

use super::entities::{Cluster, DocNames};
use clippings_core::{Entity, EntityKind, Mention};
use std::collections::{BTreeSet, HashMap};

pub struct Merged {
    pub entities: Vec<Entity>,
    /// `(doc, local cluster)` → index into `entities`.
    pub index: HashMap<(usize, usize), usize>,
}

struct UnionFind {
    parent: Vec<usize>,
    docs: Vec<BTreeSet<usize>>,
    kinds: Vec<EntityKind>,
    weak: Vec<bool>,
}

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while let Some(&p) = self.parent.get(root) {
            if p == root {
                break;
            }
            root = p;
        }
        let mut cur = x;
        while let Some(&p) = self.parent.get(cur) {
            if p == root {
                break;
            }
            if let Some(slot) = self.parent.get_mut(cur) {
                *slot = root;
            }
            cur = p;
        }
        root
    }

    /// Union unless both sides already hold a cluster of one document.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        if self.kinds.get(ra) != self.kinds.get(rb) {
            // Only a weak (default-kind) cluster may change kind.
            let (strong, weak) = if self.weak.get(rb) == Some(&true) {
                (ra, rb)
            } else {
                (rb, ra)
            };
            if self.weak.get(weak) != Some(&true) {
                return false;
            }
            let _ = strong;
        }
        let clash = match (self.docs.get(ra), self.docs.get(rb)) {
            (Some(da), Some(db)) => da.intersection(db).next().is_some(),
            _ => true,
        };
        if clash {
            return false;
        }
        let moved = std::mem::take(&mut self.docs[rb]);
        self.docs[ra].extend(moved);
        // The merged root keeps the strong kind.
        if self.weak.get(ra) == Some(&true) && self.weak.get(rb) != Some(&true) {
            self.kinds[ra] = self.kinds[rb];
            self.weak[ra] = false;
        }
        self.parent[rb] = ra;
        true
    }
}

struct Node<'a> {
    doc: usize,
    id: usize,
    cluster: &'a Cluster,
}

/// Merge the clusters of every document into corpus entities.
pub fn merge(docs: &[DocNames]) -> Merged {
    let mut nodes: Vec<Node> = Vec::new();
    for (doc, names) in docs.iter().enumerate() {
        for (id, cluster) in names.clusters.iter().enumerate() {
            nodes.push(Node { doc, id, cluster });
        }
    }
    let mut uf = UnionFind {
        parent: (0..nodes.len()).collect(),
        docs: nodes.iter().map(|n| BTreeSet::from([n.doc])).collect(),
        kinds: nodes.iter().map(|n| n.cluster.kind).collect(),
        weak: nodes.iter().map(|n| n.cluster.weak).collect(),
    };
    // Organization key of a role's organization, for comparisons.
    let org_key = |doc: usize, org: Option<usize>| -> Option<String> {
        let c = docs.get(doc)?.clusters.get(org?)?;
        Some(c.key.clone())
    };

    // Same key, same kind.
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    for (n, node) in nodes.iter().enumerate() {
        let c = node.cluster;
        if c.kind == EntityKind::Person && c.tokens.len() < 2 {
            continue;
        }
        match by_key.get(&(c.kind, c.key.clone())) {
            Some(&first) => {
                uf.union(first, n);
            }
            None => {
                by_key.insert((c.kind, c.key.clone()), n);
            }
        }
    }

    // People: misspellings and English/Chinese name pairs.
    let people: Vec<usize> = (0..nodes.len())
        .filter(|&n| {
            nodes[n].cluster.kind == EntityKind::Person && nodes[n].cluster.tokens.len() >= 2
        })
        .collect();
    let mut by_family: HashMap<&str, Vec<usize>> = HashMap::new();
    for &p in &people {
        if let Some(f) = nodes[p].cluster.family.as_deref() {
            by_family.entry(f).or_default().push(p);
        }
    }
    let mut families: Vec<&Vec<usize>> = by_family.values().collect();
    families.sort();
    for bucket in families {
        for (x, &a) in bucket.iter().enumerate() {
            for &b in bucket.iter().skip(x + 1) {
                let (na, nb) = (&nodes[a], &nodes[b]);
                if na.doc == nb.doc || uf.find(a) == uf.find(b) {
                    continue;
                }
                let (ca, cb) = (na.cluster, nb.cluster);
                if ca.family.is_none() || ca.family != cb.family {
                    continue;
                }
                let roles_a: Vec<(&str, Option<String>)> = ca
                    .roles
                    .iter()
                    .map(|r| (r.role, org_key(na.doc, r.org)))
                    .collect();
                let roles_b: Vec<(&str, Option<String>)> = cb
                    .roles
                    .iter()
                    .map(|r| (r.role, org_key(nb.doc, r.org)))
                    .collect();
                let shared_role = roles_a.iter().any(|(ra, oa)| {
                    roles_b
                        .iter()
                        .any(|(rb, ob)| ra == rb && (oa.is_none() || ob.is_none() || oa == ob))
                });
                let shared_role_at_org = roles_a.iter().any(|(ra, oa)| {
                    oa.is_some() && roles_b.iter().any(|(rb, ob)| ra == rb && oa == ob)
                });
                let similar_given = match (&ca.given, &cb.given) {
                    (Some(ga), Some(gb)) => given_names_similar(ga, gb),
                    _ => false,
                };
                let family_first_a = ca.tokens.first() == ca.family.as_ref();
                let family_first_b = cb.tokens.first() == cb.family.as_ref();
                let english_and_chinese = family_first_a != family_first_b;
                if (similar_given && shared_role) || (english_and_chinese && shared_role_at_org) {
                    uf.union(a, b);
                }
            }
        }
    }

    // Surname-only people: the one full name with that surname.
    for (n, node) in nodes.iter().enumerate() {
        let c = node.cluster;
        if !(c.kind == EntityKind::Person || c.weak) || c.tokens.len() != 1 {
            continue;
        }
        let Some(token) = c.tokens.first() else {
            continue;
        };
        let mut roots: BTreeSet<usize> = BTreeSet::new();
        for &p in by_family
            .get(token.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            roots.insert(uf.find(p));
        }
        if roots.len() == 1 {
            if let Some(&root) = roots.iter().next() {
                uf.union(root, n);
            }
        }
    }

    // Build entities.
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for n in 0..nodes.len() {
        groups.entry(uf.find(n)).or_default().push(n);
    }
    let mut group_list: Vec<Vec<usize>> = groups.into_values().collect();
    group_list.sort();
    let mut entities = Vec::new();
    let mut index = HashMap::new();
    for members in group_list {
        let Some(&first) = members.first() else {
            continue;
        };
        let kind = members
            .iter()
            .map(|&n| nodes[n].cluster)
            .find(|c| !c.weak)
            .map(|c| c.kind)
            .unwrap_or(nodes[first].cluster.kind);
        let mut forms: Vec<(String, usize)> = Vec::new();
        let mut form_docs: HashMap<String, BTreeSet<usize>> = HashMap::new();
        let mut mentions: Vec<Mention> = Vec::new();
        for &n in &members {
            let node = &nodes[n];
            for (form, count) in &node.cluster.forms {
                form_docs.entry(form.clone()).or_default().insert(node.doc);
                match forms.iter_mut().find(|(f, _)| f == form) {
                    Some((_, c)) => *c += count,
                    None => forms.push((form.clone(), *count)),
                }
            }
            if let Some(names) = docs.get(node.doc) {
                for m in names.mentions.iter().filter(|m| m.cluster == node.id) {
                    mentions.push(Mention {
                        doc: u32::try_from(node.doc).unwrap_or(u32::MAX),
                        span: m.span,
                    });
                }
            }
        }
        if mentions.is_empty() {
            continue;
        }
        mentions.sort_by_key(|m| (m.doc, m.span.start, m.span.end));
        mentions.dedup();
        let doc_count = |f: &str| form_docs.get(f).map(BTreeSet::len).unwrap_or(0);
        let name = canonical(
            kind,
            &forms,
            &doc_count,
            &members
                .iter()
                .map(|&n| nodes[n].cluster)
                .collect::<Vec<_>>(),
        );
        let multi_part_name = name.split_whitespace().count() >= 2;
        let mut aliases: Vec<String> = forms
            .iter()
            .map(|(f, _)| f.clone())
            .filter(|f| *f != name)
            .filter(|f| {
                kind != EntityKind::Person || !multi_part_name || f.split_whitespace().count() >= 2
            })
            .collect();
        aliases.sort();
        aliases.dedup();
        let e = entities.len();
        for &n in &members {
            index.insert((nodes[n].doc, nodes[n].id), e);
        }
        entities.push(Entity {
            name,
            kind,
            aliases,
            mentions,
        });
    }
    // Most mentioned first; the index is remapped to the new order.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        entities[b]
            .mentions
            .len()
            .cmp(&entities[a].mentions.len())
            .then_with(|| entities[a].name.cmp(&entities[b].name))
    });
    let mut new_pos = vec![0; entities.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_pos[old] = pos;
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities: Vec<Entity> = order
        .iter()
        .filter_map(|&old| slots.get_mut(old).and_then(Option::take))
        .collect();
    for v in index.values_mut() {
        *v = new_pos.get(*v).copied().unwrap_or(*v);
    }
    Merged { entities, index }
}

/// The canonical display name of a merged entity.
fn canonical(
    kind: EntityKind,
    forms: &[(String, usize)],
    doc_count: &dyn Fn(&str) -> usize,
    clusters: &[&Cluster],
) -> String {
    if kind == EntityKind::Place {
        if let Some(c) = clusters.first() {
            return c.name.clone();
        }
    }
    let parts = |f: &str| f.split_whitespace().count();
    let pool: Vec<&(String, usize)> = if kind == EntityKind::Person {
        let multi: Vec<&(String, usize)> = forms.iter().filter(|(f, _)| parts(f) >= 2).collect();
        if multi.is_empty() {
            forms.iter().collect()
        } else {
            multi
        }
    } else {
        forms.iter().collect()
    };
    pool.iter()
        .max_by(|a, b| {
            doc_count(&a.0)
                .cmp(&doc_count(&b.0))
                .then_with(|| known_given(&a.0).cmp(&known_given(&b.0)))
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| parts(&a.0).cmp(&parts(&b.0)))
                .then_with(|| a.0.len().cmp(&b.0.len()))
                .then_with(|| b.0.cmp(&a.0))
        })
        .map(|(f, _)| f.clone())
        .or_else(|| clusters.first().map(|c| c.name.clone()))
        .unwrap_or_default()
}

/// The form starts with a given name of the gazetteer (between two
/// spellings, the usual one wins).
fn known_given(form: &str) -> bool {
    form.split_whitespace()
        .next()
        .is_some_and(|w| super::gazetteer::given_name(&w.to_lowercase()).is_some())
}

/// Given names that are plausibly one name misspelt, or an initial of it.
fn given_names_similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la == 1 || lb == 1 {
        return a.chars().next() == b.chars().next();
    }
    let distance = strsim::damerau_levenshtein(a, b);
    let limit = match la.min(lb) {
        6.. => 2,
        4 | 5 => 1,
        _ => 0,
    };
    distance <= limit && a.chars().next() == b.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_given_names_are_similar_but_different_names_are_not() {
        assert!(given_names_similar("johnathan", "jonathan"));
        assert!(given_names_similar("j", "jonathan"));
        assert!(!given_names_similar("jianfeng", "yong"));
        assert!(!given_names_similar("jon", "jan"));
    }
}
