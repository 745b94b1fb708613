//! The RHIT exam's content domains, numbered as AHIMA's content outline
//! orders them. Issue-level detail (tasks, weights) lives in content/exam.

/// One of the six RHIT domains, numbered 1 to 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Domain(u8);

impl Domain {
    pub const NAMES: [&'static str; 6] = [
        "Data Content, Structure and Information Governance",
        "Access, Disclosure, Privacy and Security",
        "Data Analytics and Use",
        "Revenue Cycle Management",
        "Compliance",
        "Leadership",
    ];

    /// The domain numbered `n` (1 to 6).
    pub fn new(n: u8) -> Option<Domain> {
        (1..=6).contains(&n).then_some(Domain(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[usize::from(self.0 - 1)]
    }

    pub fn all() -> impl Iterator<Item = Domain> {
        (1..=6).map(Domain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_map_to_names() {
        assert_eq!(Domain::new(0), None);
        assert_eq!(Domain::new(7), None);
        assert_eq!(Domain::new(4).unwrap().name(), "Revenue Cycle Management");
        assert_eq!(Domain::all().map(Domain::number).collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
    }
}
